import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute, requireAbility } from './router.tsx';

/** The portal's statistics, for the DDO and the governance board (a route of router.tsx). */
const StatisticsPage = lazyRouteComponent(
  () => import('./scenes/statistics/statistics-page.tsx'),
  'StatisticsPage',
);

const statisticsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/statistiques',
  beforeLoad: (context) => requireAbility('statistics.read')(context),
  component: StatisticsPage,
});

export const statisticsRoutes = [statisticsRoute] as const;
