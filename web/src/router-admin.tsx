import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute, requireAbility } from './router.tsx';

/**
 * The administration's pages (accounts, audit log, background jobs) and the notifications'. Each
 * `requireAbility` is called late: router.tsx, which imports this file, defines it after the import.
 */
const AccessibilityReportsPage = lazyRouteComponent(
  () => import('./scenes/accessibility/reports-page.tsx'),
  'AccessibilityReportsPage',
);
const AccessibilityReportPage = lazyRouteComponent(
  () => import('./scenes/accessibility/report-page.tsx'),
  'AccessibilityReportPage',
);
const AuditPage = lazyRouteComponent(() => import('./scenes/admin/audit-page.tsx'), 'AuditPage');
const JobsPage = lazyRouteComponent(() => import('./scenes/admin/jobs-page.tsx'), 'JobsPage');
const NotificationsPage = lazyRouteComponent(
  () => import('./scenes/notifications/notifications-page.tsx'),
  'NotificationsPage',
);
const NotificationPreferencesPage = lazyRouteComponent(
  () => import('./scenes/notifications/preferences-page.tsx'),
  'NotificationPreferencesPage',
);
const SiteSettingsPage = lazyRouteComponent(
  () => import('./scenes/admin/site-settings-page.tsx'),
  'SiteSettingsPage',
);
const UserPage = lazyRouteComponent(() => import('./scenes/admin/user-page.tsx'), 'UserPage');
const UsersPage = lazyRouteComponent(() => import('./scenes/admin/users-page.tsx'), 'UsersPage');

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/administration/utilisateurs',
  beforeLoad: (context) => requireAbility('user.list')(context),
  component: UsersPage,
});
const userRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/administration/utilisateurs/$id',
  beforeLoad: (context) => requireAbility('user.read')(context),
  component: function User() {
    return <UserPage id={userRoute.useParams().id} />;
  },
});
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/administration/journal',
  beforeLoad: (context) => requireAbility('audit.read')(context),
  component: AuditPage,
});

const jobsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/administration/travaux',
  beforeLoad: (context) => requireAbility('job.read')(context),
  component: JobsPage,
});
const siteSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/administration/parametres',
  beforeLoad: (context) => requireAbility('siteSettings.update')(context),
  component: SiteSettingsPage,
});
const accessibilityReportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/administration/accessibilite',
  beforeLoad: (context) => requireAbility('accessibilityReport.list')(context),
  component: AccessibilityReportsPage,
});
const accessibilityReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/administration/accessibilite/$id',
  beforeLoad: (context) => requireAbility('accessibilityReport.list')(context),
  component: function AccessibilityReport() {
    return <AccessibilityReportPage id={accessibilityReportRoute.useParams().id} />;
  },
});
const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications',
  component: NotificationsPage,
});
const notificationPreferencesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications/preferences',
  component: NotificationPreferencesPage,
});

export const adminRoutes = [
  usersRoute,
  userRoute,
  auditRoute,
  jobsRoute,
  siteSettingsRoute,
  accessibilityReportsRoute,
  accessibilityReportRoute,
  notificationsRoute,
  notificationPreferencesRoute,
] as const;
