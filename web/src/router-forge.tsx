import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute, requireAbility } from './router.tsx';

/** The pages of the forge: the shared packages and the integrations' administration. */

const PackagesPage = lazyRouteComponent(() => import('./scenes/forge/packages-page.tsx'), 'PackagesPage');
const IntegrationsPage = lazyRouteComponent(
  () => import('./scenes/forge/integrations-page.tsx'),
  'IntegrationsPage',
);

const packagesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/paquets',
  component: PackagesPage,
});
const integrationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/administration/integrations',
  beforeLoad: requireAbility('integration.read'),
  component: IntegrationsPage,
});

export const forgeRoutes = [packagesRoute, integrationsRoute] as const;
