import { TestBed } from '@angular/core/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { TranslateService } from '@ngx-translate/core';

import { LoginPageActions, initialAuthState } from '@circuitcare/client';

import { provideTestTranslations, useLanguage } from '../../../testing/translations.testing';
import { LoginPage } from './login.page';

describe('LoginPage', () => {
  async function render(auth: Partial<typeof initialAuthState> = {}) {
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [
        provideMockStore({
          initialState: { auth: { ...initialAuthState, status: 'signed-out', ...auth } },
        }),
        ...provideTestTranslations(),
      ],
    });
    await useLanguage(TestBed.inject(TranslateService), 'zh-CN');
    const fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
    const store = TestBed.inject(MockStore);
    const dispatched: unknown[] = [];
    store.scannedActions$.subscribe((a) => dispatched.push(a));
    return { fixture, el: fixture.nativeElement as HTMLElement, store, dispatched };
  }

  const type = (input: HTMLInputElement, value: string) => {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  it('speaks Chinese and sends the typed name (trimmed) and password', async () => {
    const { el, fixture, dispatched } = await render();
    expect(el.querySelector('h1')?.textContent).toContain('登录');
    type(el.querySelector('[data-testid=username]')!, ' bank-a.admin ');
    type(el.querySelector('[data-testid=password]')!, 'Demo#2026');
    (el.querySelector('[data-testid=sign-in]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(dispatched).toContainEqual(
      LoginPageActions.passwordSubmitted({ username: 'bank-a.admin', password: 'Demo#2026' }),
    );
  });

  it('does not send an empty form and says what is missing', async () => {
    const { el, fixture, dispatched } = await render();
    (el.querySelector('[data-testid=sign-in]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(
      dispatched.filter(
        (a) => (a as { type: string }).type === LoginPageActions.passwordSubmitted.type,
      ),
    ).toEqual([]);
    expect(el.textContent).toContain('请输入用户名');
  });

  it('tells a locked account when it may try again', async () => {
    const until = new Date(Date.UTC(2030, 0, 1, 6, 45, 0)).toISOString();
    const { el } = await render({ error: { kind: 'locked', until } });
    const alert = el.querySelector('[role=alert]')!;
    expect(alert.textContent).toContain('账户已临时锁定');
    const local = new Date(until);
    expect(alert.textContent).toContain(`${String(local.getHours()).padStart(2, '0')}:45:00`);
  });

  it('asks for the code on the second step and sends it', async () => {
    const { el, fixture, dispatched } = await render({
      status: 'second-factor',
      pendingUsername: 'noc.li',
      secondStepExpiresAt: new Date(Date.now() + 300_000).toISOString(),
    });
    expect(el.textContent).toContain('两步验证');
    expect(el.textContent).toContain('noc.li');
    type(el.querySelector('[data-testid=totp-code]')!, '123456');
    (el.querySelector('[data-testid=verify-code]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(dispatched).toContainEqual(LoginPageActions.codeSubmitted({ code: '123456' }));
  });
});
