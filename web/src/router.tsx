import { Box } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import {
  ARCHIVED_FILTERS,
  CERTIFICATION_STATUSES,
  FORGE_SIGNALS,
  HOSTINGS,
  LIFECYCLE_STAGES,
  PERSONAL_DATA_VALUES,
  SEARCH_SORTS,
  TRACKS,
} from '../../common/catalog/vocabulary.ts';
import { ORGANISATION_TYPES, REGIONS } from '../../common/organisations.ts';
import type { Action } from '../../common/permissions.ts';
import { PROJECT_PHASES, PROJECT_SORTS } from '../../common/projects.ts';
import type { MatchmakingQuery } from '../../common/schemas/matchmaking.ts';
import { PROJECT_TRACKS } from '../../common/tracks.ts';
import type { CatalogueSearch } from './api/catalogue.ts';
import type { ProjectSearch } from './api/projects.ts';
import { meQuery } from './api/queries.ts';
import { AppLayout } from './components/layout.tsx';
import { NotFoundPage } from './components/not-found.tsx';
import { PublicLayout } from './components/public-layout.tsx';
import { parseSearch, stringifySearch } from './components/search-params.ts';
import { acceptanceRoutes, VerificationPage } from './router-acceptance.tsx';
import { adminRoutes } from './router-admin.tsx';
import { boardRoutes } from './router-board.tsx';
import { callRoutes } from './router-calls.tsx';
import { clubRoutes } from './router-clubs.tsx';
import { communityRoutes } from './router-community.tsx';
import { compensationRoutes } from './router-compensation.tsx';
import { forgeRoutes } from './router-forge.tsx';
import { publicRoutes } from './router-public.tsx';
import { statisticsRoutes } from './router-statistics.tsx';
import { storeRoutes } from './router-store.tsx';
import { supportRoutes } from './router-support.tsx';
import type { SheetTab } from './scenes/catalogue/application-page.tsx';
import type { OrganisationSearch } from './scenes/organisations/organisations-page.tsx';

/** Each page is its own chunk, loaded on its first visit: the first load carries the shell only. */
const UnsubscribePage = lazyRouteComponent(
  () => import('./scenes/notifications/unsubscribe-page.tsx'),
  'UnsubscribePage',
);
const LoginPage = lazyRouteComponent(() => import('./scenes/auth/login-page.tsx'), 'LoginPage');
const ApplicationCreatePage = lazyRouteComponent(
  () => import('./scenes/catalogue/application-form-page.tsx'),
  'ApplicationCreatePage',
);
const ApplicationEditPage = lazyRouteComponent(
  () => import('./scenes/catalogue/application-form-page.tsx'),
  'ApplicationEditPage',
);
const ApplicationPage = lazyRouteComponent(
  () => import('./scenes/catalogue/application-page.tsx'),
  'ApplicationPage',
);
const CataloguePage = lazyRouteComponent(
  () => import('./scenes/catalogue/catalogue-page.tsx'),
  'CataloguePage',
);
const ImportPage = lazyRouteComponent(() => import('./scenes/catalogue/import-page.tsx'), 'ImportPage');
const UsageMapPage = lazyRouteComponent(
  () => import('./scenes/catalogue/usage-map-page.tsx'),
  'UsageMapPage',
);
const HomePage = lazyRouteComponent(() => import('./scenes/home/home-page.tsx'), 'HomePage');
const OrganisationPage = lazyRouteComponent(
  () => import('./scenes/organisations/organisation-page.tsx'),
  'OrganisationPage',
);
const OrganisationsPage = lazyRouteComponent(
  () => import('./scenes/organisations/organisations-page.tsx'),
  'OrganisationsPage',
);
const ProjectsPage = lazyRouteComponent(() => import('./scenes/projects/projects-page.tsx'), 'ProjectsPage');
const ProjectPage = lazyRouteComponent(() => import('./scenes/projects/project-page.tsx'), 'ProjectPage');
const ProjectCreatePage = lazyRouteComponent(
  () => import('./scenes/projects/project-form-page.tsx'),
  'ProjectCreatePage',
);
const ProjectEditPage = lazyRouteComponent(
  () => import('./scenes/projects/project-edit-page.tsx'),
  'ProjectEditPage',
);
const SponsorQueuePage = lazyRouteComponent(
  () => import('./scenes/projects/sponsor-queue-page.tsx'),
  'SponsorQueuePage',
);
const MatchmakingPage = lazyRouteComponent(
  () => import('./scenes/projects/matchmaking-page.tsx'),
  'MatchmakingPage',
);
const ProfilePage = lazyRouteComponent(() => import('./scenes/profile/profile-page.tsx'), 'ProfilePage');

interface RouterContext {
  queryClient: QueryClient;
}

/** Outside the signed-in pages, an address nothing matches (inside them, `unknownRoute` answers). */
function NotFound() {
  return (
    <Box component="main" p="xl">
      <NotFoundPage />
    </Box>
  );
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/connexion',
  validateSearch: (search: Record<string, unknown>): { redirect?: string | undefined } => ({
    redirect: typeof search.redirect === 'string' ? search.redirect : undefined,
  }),
  component: function Login() {
    const search = loginRoute.useSearch();
    return <LoginPage redirectTo={search.redirect} />;
  },
});

/** Anyone holding a report's address checks it, signed in or not. */
const verificationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verification/pv/$id',
  component: function Verification() {
    const { id } = verificationRoute.useParams();
    return (
      <Box component="main" p="xl">
        <VerificationPage id={id} />
      </Box>
    );
  },
});

/** The unsubscribe link of an e-mail works signed in or not: the link is signed. */
const unsubscribeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/desabonnement',
  validateSearch: (search: Record<string, unknown>): { jeton?: string | undefined } => ({
    jeton: typeof search.jeton === 'string' ? search.jeton : undefined,
  }),
  component: function Unsubscribe() {
    return (
      <Box component="main" p="xl">
        <UnsubscribePage token={unsubscribeRoute.useSearch().jeton} />
      </Box>
    );
  },
});

/** Pages anyone reads, signed in or not (accessibility, legal notice, personal data): router-public.tsx. */
export const publicRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'public',
  component: PublicLayout,
});

/** Every page behind this route needs a live session; without one, the login page, then back here. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/connexion', search: { redirect: location.href } });
  },
  component: AppLayout,
});

/** A page reserved to some abilities: the navigation hides it, and a direct visit is sent home. */
export const requireAbility =
  (action: Action) =>
  async ({ context }: { context: RouterContext }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me?.abilities.includes(action)) throw redirect({ to: '/' });
  };

/** A search parameter as the list's filter schema types it: text, or a value of its code list. */
export const text = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
export const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    (values as readonly unknown[]).includes(value);
export const single = <T extends string>(value: unknown, accepts: (v: unknown) => v is T) =>
  accepts(value) ? value : undefined;
export const list = <T extends string>(value: unknown, accepts: (v: unknown) => v is T) => {
  const values = (Array.isArray(value) ? value : [value]).filter(accepts);
  return values.length > 0 ? values : undefined;
};
export const pageOf = (value: unknown) => (Number(value) > 1 ? Number(value) : undefined);

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });
const profileRoute = createRoute({ getParentRoute: () => appRoute, path: '/profil', component: ProfilePage });

const organisationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organismes',
  validateSearch: (search: Record<string, unknown>): OrganisationSearch => ({
    q: single(search.q, text),
    type: single(search.type, oneOf(ORGANISATION_TYPES)),
    region: single(search.region, oneOf(REGIONS)),
    page: pageOf(search.page),
  }),
  component: function Organisations() {
    return <OrganisationsPage search={organisationsRoute.useSearch()} />;
  },
});
const organisationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organismes/$id',
  component: function Organisation() {
    return <OrganisationPage id={organisationRoute.useParams().id} />;
  },
});

const catalogueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/catalogue',
  validateSearch: (search: Record<string, unknown>): CatalogueSearch => ({
    q: single(search.q, text),
    domain: list(search.domain, text),
    track: list(search.track, oneOf(TRACKS)),
    status: list(search.status, oneOf(CERTIFICATION_STATUSES)),
    lifecycle: list(search.lifecycle, oneOf(LIFECYCLE_STAGES)),
    organisation: list(search.organisation, text),
    region: list(search.region, oneOf(REGIONS)),
    technology: list(search.technology, text),
    hosting: list(search.hosting, oneOf(HOSTINGS)),
    personalData: list(search.personalData, oneOf(PERSONAL_DATA_VALUES)),
    usedBy: list(search.usedBy, text),
    forge: list(search.forge, oneOf(FORGE_SIGNALS)),
    sort: single(search.sort, oneOf(SEARCH_SORTS)),
    archived: single(search.archived, oneOf(ARCHIVED_FILTERS)),
    page: pageOf(search.page),
  }),
  component: function Catalogue() {
    return <CataloguePage search={catalogueRoute.useSearch()} />;
  },
});
const usageMapRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/catalogue/cartographie',
  component: UsageMapPage,
});
const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/catalogue/import',
  beforeLoad: requireAbility('application.import'),
  component: ImportPage,
});
const createApplicationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/catalogue/nouvelle',
  beforeLoad: requireAbility('application.create'),
  component: ApplicationCreatePage,
});
const SHEET_TABS: SheetTab[] = ['presentation', 'utilisateurs', 'versions', 'documents', 'publication'];
const applicationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/catalogue/$id',
  validateSearch: (search: Record<string, unknown>): { onglet?: SheetTab | undefined } => ({
    onglet: single(search.onglet, oneOf(SHEET_TABS)),
  }),
  component: function Application() {
    return (
      <ApplicationPage
        id={applicationRoute.useParams().id}
        tab={applicationRoute.useSearch().onglet ?? 'presentation'}
      />
    );
  },
});
const editApplicationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/catalogue/$id/modifier',
  component: function EditApplication() {
    return <ApplicationEditPage id={editApplicationRoute.useParams().id} />;
  },
});

const projectsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/projets',
  validateSearch: (search: Record<string, unknown>): ProjectSearch => ({
    q: single(search.q, text),
    track: list(search.track, oneOf(PROJECT_TRACKS)),
    phase: list(search.phase, oneOf(PROJECT_PHASES)),
    domain: list(search.domain, text),
    organisation: list(search.organisation, text),
    region: list(search.region, oneOf(REGIONS)),
    needsDevelopers: single(search.needsDevelopers, oneOf(['true', 'false'] as const)),
    sort: single(search.sort, oneOf(PROJECT_SORTS)),
    page: pageOf(search.page),
  }),
  component: function Projects() {
    return <ProjectsPage search={projectsRoute.useSearch()} />;
  },
});
const createProjectRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/projets/nouveau',
  beforeLoad: requireAbility('project.create'),
  component: ProjectCreatePage,
});
const sponsorQueueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/projets/parrainages',
  beforeLoad: requireAbility('sponsorship.queue'),
  component: SponsorQueuePage,
});
const matchmakingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/projets/besoins-et-forces',
  validateSearch: (search: Record<string, unknown>): MatchmakingQuery => ({
    domain: single(search.domain, text),
    region: single(search.region, oneOf(REGIONS)),
  }),
  component: function Matchmaking() {
    return <MatchmakingPage search={matchmakingRoute.useSearch()} />;
  },
});
const projectRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/projets/$id',
  component: function Project() {
    return <ProjectPage id={projectRoute.useParams().id} />;
  },
});
const editProjectRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/projets/$id/modifier',
  component: function EditProject() {
    return <ProjectEditPage id={editProjectRoute.useParams().id} />;
  },
});

/** Any other address of a signed-in reader: the "not found" page, inside the portal's frame. */
const unknownRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '$',
  component: () => <NotFoundPage />,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  verificationRoute,
  unsubscribeRoute,
  publicRoute.addChildren([...publicRoutes]),
  appRoute.addChildren([
    homeRoute,
    profileRoute,
    organisationsRoute,
    organisationRoute,
    catalogueRoute,
    usageMapRoute,
    importRoute,
    createApplicationRoute,
    applicationRoute,
    editApplicationRoute,
    projectsRoute,
    createProjectRoute,
    sponsorQueueRoute,
    matchmakingRoute,
    projectRoute,
    editProjectRoute,
    ...acceptanceRoutes,
    ...storeRoutes,
    ...communityRoutes,
    ...supportRoutes,
    ...clubRoutes,
    ...callRoutes,
    ...boardRoutes,
    ...adminRoutes,
    ...forgeRoutes,
    ...compensationRoutes,
    ...statisticsRoutes,
    unknownRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    scrollRestoration: true,
    // Lists in addresses as repeated keys (`?track=a&track=b`), as people and the API read them.
    parseSearch,
    stringifySearch,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
