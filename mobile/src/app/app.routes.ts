import type { Routes } from '@angular/router';

import { homeRedirect, rolesGuard, signedInGuard, signedOutGuard } from './core/auth.guards';

/** Roles that look after their own circuits (viewers read, the others also report). */
const CUSTOMER_ROLES = ['customer-admin', 'customer-engineer', 'customer-viewer'] as const;

/**
 * One lazy chunk per page; the tabs frame keeps each tab's stack alive (Ionic). A role
 * reaching another role's page lands on its own tab (rolesGuard).
 */
export const routes: Routes = [
  {
    path: 'login',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./pages/login/login.page').then((m) => m.LoginPage),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./pages/tabs/tabs.page').then((m) => m.TabsPage),
    children: [
      {
        path: 'home',
        canActivate: [rolesGuard(...CUSTOMER_ROLES)],
        loadComponent: () => import('./pages/home/home.page').then((m) => m.HomePage),
      },
      {
        path: 'tickets',
        canActivate: [rolesGuard(...CUSTOMER_ROLES)],
        loadComponent: () =>
          import('./pages/tickets/ticket-list.page').then((m) => m.TicketListPage),
      },
      {
        path: 'tickets/:id',
        canActivate: [rolesGuard(...CUSTOMER_ROLES)],
        loadComponent: () =>
          import('./pages/tickets/ticket-detail.page').then((m) => m.TicketDetailPage),
      },
      {
        path: 'circuits',
        canActivate: [rolesGuard(...CUSTOMER_ROLES)],
        loadComponent: () =>
          import('./pages/circuits/circuit-list.page').then((m) => m.CircuitListPage),
      },
      {
        path: 'circuits/:id',
        canActivate: [rolesGuard(...CUSTOMER_ROLES)],
        loadComponent: () =>
          import('./pages/circuits/circuit-detail.page').then((m) => m.CircuitDetailPage),
      },
      {
        path: 'report',
        canActivate: [rolesGuard('customer-admin', 'customer-engineer')],
        loadComponent: () => import('./pages/report/report.page').then((m) => m.ReportPage),
      },
      {
        path: 'jobs',
        canActivate: [rolesGuard('field-engineer')],
        loadComponent: () => import('./pages/jobs/job-list.page').then((m) => m.JobListPage),
      },
      {
        path: 'jobs/:id',
        canActivate: [rolesGuard('field-engineer')],
        loadComponent: () => import('./pages/jobs/job-detail.page').then((m) => m.JobDetailPage),
      },
      {
        path: 'inbox',
        loadComponent: () => import('./pages/inbox/inbox.page').then((m) => m.InboxPage),
      },
      {
        path: 'me',
        loadComponent: () => import('./pages/me/me.page').then((m) => m.MePage),
      },
      { path: '', pathMatch: 'full', children: [], canActivate: [homeRedirect] },
    ],
  },
  { path: '**', redirectTo: '' },
];
