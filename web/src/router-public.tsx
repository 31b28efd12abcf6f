import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { publicRoute } from './router.tsx';
import { accessibilityRoutes } from './router-accessibility.tsx';

/**
 * The pages anyone reads without signing in, in the public frame (PublicLayout, routes of router.tsx):
 * each is linked from the footer of every page (components/site-footer.tsx).
 */
const legalNoticeRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/mentions-legales',
  component: lazyRouteComponent(() => import('./scenes/legal/legal-notice-page.tsx'), 'LegalNoticePage'),
});
const personalDataRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/donnees-personnelles',
  component: lazyRouteComponent(() => import('./scenes/legal/personal-data-page.tsx'), 'PersonalDataPage'),
});

export const publicRoutes = [...accessibilityRoutes, legalNoticeRoute, personalDataRoute] as const;
