import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { DirectorySearch } from './api/community.ts';
import { appRoute, single, text } from './router.tsx';

/** The pages of the developer community: the directory, the profiles, the regional referents. */

const DevelopersPage = lazyRouteComponent(
  () => import('./scenes/community/developers-page.tsx'),
  'DevelopersPage',
);
const DeveloperPage = lazyRouteComponent(
  () => import('./scenes/community/developer-page.tsx'),
  'DeveloperPage',
);
const ReferentsPage = lazyRouteComponent(
  () => import('./scenes/community/referents-page.tsx'),
  'ReferentsPage',
);
const ReferentApplicationPage = lazyRouteComponent(
  () => import('./scenes/community/referent-application-page.tsx'),
  'ReferentApplicationPage',
);

const TrainingSessionsPage = lazyRouteComponent(
  () => import('./scenes/community/training-pages.tsx'),
  'TrainingSessionsPage',
);
const TrainingSessionPage = lazyRouteComponent(
  () => import('./scenes/community/training-pages.tsx'),
  'TrainingSessionPage',
);

const yesNo = (value: unknown): value is 'true' | 'false' => value === 'true' || value === 'false';
const yes = (value: unknown): value is 'true' => value === 'true';

const developersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/communaute/developpeurs',
  validateSearch: (search: Record<string, unknown>): DirectorySearch => ({
    q: single(search.q, text),
    region: single(search.region, text),
    technology: single(search.technology, text),
    skill: single(search.skill, text),
    trained: single(search.trained, yesNo),
    available: single(search.available, yes),
    page: Number(search.page) > 1 ? Number(search.page) : undefined,
  }),
  component: function Developers() {
    return <DevelopersPage search={developersRoute.useSearch()} />;
  },
});
const developerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/communaute/developpeurs/$id',
  component: function Developer() {
    return <DeveloperPage id={developerRoute.useParams().id} />;
  },
});
const referentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/communaute/referents',
  component: ReferentsPage,
});
const referentApplicationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/communaute/referents/candidatures/$id',
  component: function ReferentApplication() {
    return <ReferentApplicationPage id={referentApplicationRoute.useParams().id} />;
  },
});

const trainingSessionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/communaute/formations',
  component: TrainingSessionsPage,
});
const trainingSessionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/communaute/formations/$id',
  component: function TrainingSession() {
    return <TrainingSessionPage id={trainingSessionRoute.useParams().id} />;
  },
});

export const communityRoutes = [
  trainingSessionsRoute,
  trainingSessionRoute,
  developersRoute,
  developerRoute,
  referentsRoute,
  referentApplicationRoute,
] as const;
