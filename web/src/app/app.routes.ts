import type { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';

import {
  alarmConsoleEffects,
  alarmConsoleFeature,
  circuitDetailEffects,
  circuitDetailFeature,
  circuitListEffects,
  circuitListFeature,
  customerTopologyEffects,
  customerTopologyFeature,
  customersEffects,
  customersFeature,
  dispatchBoardEffects,
  dispatchBoardFeature,
  exportsEffects,
  exportsFeature,
  faultReportEffects,
  faultReportFeature,
  overviewEffects,
  overviewFeature,
  ticketDetailEffects,
  ticketDetailFeature,
  ticketListFeature,
  ticketsEffects,
} from '@circuitcare/client';
import {
  adminEffects,
  adminFeature,
  announcementsEffects,
  announcementsFeature,
  assuranceEffects,
  assuranceFeature,
  maintenanceEffects,
  maintenanceFeature,
  notificationPreferencesEffects,
  notificationPreferencesFeature,
  emergencyPlansEffects,
  emergencyPlansFeature,
  openTicketsEffects,
  openTicketsFeature,
  reportsEffects,
  reportsFeature,
  statisticsEffects,
  statisticsFeature,
} from '@circuitcare/client';

import { homeRedirect, rolesGuard, signedInGuard, signedOutGuard } from './core/auth.guards';

const CUSTOMER = ['customer-admin', 'customer-engineer', 'customer-viewer'] as const;

export const routes: Routes = [
  {
    path: 'login',
    canActivate: [signedOutGuard],
    title: 'CircuitCare',
    loadComponent: () => import('./pages/login/login.page').then((m) => m.LoginPage),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./shell/shell.component').then((m) => m.ShellComponent),
    providers: [
      provideState(exportsFeature),
      provideState(overviewFeature),
      provideState(circuitListFeature),
      provideState(circuitDetailFeature),
      provideState(customerTopologyFeature),
      provideState(customersFeature),
      provideEffects(exportsEffects, overviewEffects, circuitListEffects, circuitDetailEffects),
      provideState(ticketListFeature),
      provideState(ticketDetailFeature),
      provideState(faultReportFeature),
      provideEffects(customerTopologyEffects, customersEffects),
      provideEffects(ticketsEffects, ticketDetailEffects, faultReportEffects),
      // Shell-wide: the circuit and ticket pages show a circuit's plans beside an incident.
      provideState(emergencyPlansFeature),
      provideEffects(emergencyPlansEffects),
    ],
    children: [
      { path: '', pathMatch: 'full', redirectTo: homeRedirect },
      {
        path: 'overview',
        canActivate: [rolesGuard(...CUSTOMER)],
        loadComponent: () => import('./pages/overview/overview.page').then((m) => m.OverviewPage),
      },
      {
        path: 'customers/:customerId/overview',
        canActivate: [rolesGuard('account-manager', 'noc-operator', 'platform-admin')],
        loadComponent: () => import('./pages/overview/overview.page').then((m) => m.OverviewPage),
      },
      {
        path: 'circuits',
        loadComponent: () =>
          import('./pages/circuits/circuit-list.page').then((m) => m.CircuitListPage),
      },
      {
        path: 'circuits/:id',
        loadComponent: () =>
          import('./pages/circuits/circuit-detail.page').then((m) => m.CircuitDetailPage),
      },
      {
        path: 'topology',
        canActivate: [rolesGuard(...CUSTOMER, 'account-manager', 'noc-operator', 'platform-admin')],
        loadComponent: () => import('./pages/topology/topology.page').then((m) => m.TopologyPage),
      },
      {
        path: 'report',
        canActivate: [rolesGuard('customer-admin', 'customer-engineer', 'account-manager')],
        loadComponent: () =>
          import('./pages/fault-report/fault-report.page').then((m) => m.FaultReportPage),
      },
      {
        path: 'tickets',
        loadComponent: () =>
          import('./pages/tickets/ticket-list.page').then((m) => m.TicketListPage),
      },
      {
        path: 'tickets/:id',
        loadComponent: () => import('./pages/tickets/ticket.page').then((m) => m.TicketPage),
      },
      {
        path: 'alarms',
        canActivate: [rolesGuard(...CUSTOMER, 'account-manager', 'noc-operator', 'platform-admin')],
        providers: [provideState(alarmConsoleFeature), provideEffects(alarmConsoleEffects)],
        loadComponent: () =>
          import('./pages/alarms/alarm-console.page').then((m) => m.AlarmConsolePage),
      },
      {
        path: 'dispatch',
        canActivate: [rolesGuard('noc-operator', 'platform-admin')],
        providers: [provideState(dispatchBoardFeature), provideEffects(dispatchBoardEffects)],
        loadComponent: () =>
          import('./pages/dispatch/dispatch-board.page').then((m) => m.DispatchBoardPage),
      },
      {
        path: 'customers',
        canActivate: [rolesGuard('account-manager', 'noc-operator', 'platform-admin')],
        providers: [provideState(openTicketsFeature), provideEffects(openTicketsEffects)],
        loadComponent: () =>
          import('./pages/account-manager/account-manager.page').then((m) => m.AccountManagerPage),
      },
      {
        path: 'reports',
        canActivate: [
          rolesGuard('customer-admin', 'account-manager', 'noc-operator', 'platform-admin'),
        ],
        providers: [provideState(reportsFeature), provideEffects(reportsEffects)],
        loadComponent: () => import('./pages/reports/reports.page').then((m) => m.ReportsPage),
      },
      {
        path: 'statistics',
        canActivate: [
          rolesGuard('customer-admin', 'account-manager', 'noc-operator', 'platform-admin'),
        ],
        providers: [provideState(statisticsFeature), provideEffects(statisticsEffects)],
        loadComponent: () =>
          import('./pages/statistics/statistics.page').then((m) => m.StatisticsPage),
      },
      {
        path: 'admin',
        canActivate: [rolesGuard('customer-admin', 'platform-admin')],
        providers: [provideState(adminFeature), provideEffects(adminEffects)],
        children: [
          {
            path: 'users',
            loadComponent: () => import('./pages/admin/users.page').then((m) => m.UsersPage),
          },
          {
            path: 'audit',
            loadComponent: () => import('./pages/admin/audit.page').then((m) => m.AuditPage),
          },
        ],
      },
      {
        path: 'announcements',
        providers: [provideState(announcementsFeature), provideEffects(announcementsEffects)],
        loadComponent: () =>
          import('./pages/announcements/announcements.page').then((m) => m.AnnouncementsPage),
      },
      {
        path: 'emergency-plans',
        canActivate: [rolesGuard(...CUSTOMER, 'account-manager', 'noc-operator', 'platform-admin')],
        loadComponent: () =>
          import('./pages/emergency-plans/emergency-plans.page').then((m) => m.EmergencyPlansPage),
      },
      {
        path: 'assurance',
        canActivate: [rolesGuard(...CUSTOMER, 'account-manager', 'noc-operator', 'platform-admin')],
        providers: [provideState(assuranceFeature), provideEffects(assuranceEffects)],
        children: [
          {
            path: '',
            loadComponent: () =>
              import('./pages/assurance/assurance.page').then((m) => m.AssurancePage),
          },
          {
            path: ':id',
            loadComponent: () =>
              import('./pages/assurance/assurance-dashboard.page').then(
                (m) => m.AssuranceDashboardPage,
              ),
          },
        ],
      },
      {
        path: 'maintenance',
        canActivate: [rolesGuard('noc-operator', 'platform-admin')],
        providers: [provideState(maintenanceFeature), provideEffects(maintenanceEffects)],
        loadComponent: () =>
          import('./pages/maintenance/maintenance.page').then((m) => m.MaintenancePage),
      },
      {
        path: 'settings/notifications',
        providers: [
          provideState(notificationPreferencesFeature),
          provideEffects(notificationPreferencesEffects),
        ],
        loadComponent: () =>
          import('./pages/settings/notification-settings.page').then(
            (m) => m.NotificationSettingsPage,
          ),
      },
      {
        path: '**',
        loadComponent: () => import('./pages/not-found/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
