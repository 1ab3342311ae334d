import { createActionGroup, emptyProps, props } from '@ngrx/store';

export const LoginPageActions = createActionGroup({
  source: 'Login Page',
  events: {
    'Password Submitted': props<{ username: string; password: string }>(),
    'Code Submitted': props<{ code: string }>(),
    'Second Step Cancelled': emptyProps(),
  },
});
