import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './router.tsx';

/** The user club of an application, under its sheet. */
const ClubPage = lazyRouteComponent(() => import('./scenes/clubs/club-page.tsx'), 'ClubPage');

const clubRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/catalogue/$id/club',
  component: function Club() {
    return <ClubPage id={clubRoute.useParams().id} />;
  },
});

export const clubRoutes = [clubRoute] as const;
