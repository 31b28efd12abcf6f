import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { publicRoute } from './router.tsx';

/** The accessibility statement and the multi-year plan: public pages (router-public.tsx). */
const accessibilityRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/accessibilite',
  component: lazyRouteComponent(
    () => import('./scenes/accessibility/statement-page.tsx'),
    'AccessibilityStatementPage',
  ),
});
const accessibilityPlanRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/accessibilite/schema-pluriannuel',
  component: lazyRouteComponent(
    () => import('./scenes/accessibility/plan-page.tsx'),
    'AccessibilityPlanPage',
  ),
});

export const accessibilityRoutes = [accessibilityRoute, accessibilityPlanRoute] as const;
