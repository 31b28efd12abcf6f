import { Button, Stack, Text, Title } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Link,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../common/permissions.ts';
import type { CatalogueSearch } from './api/catalogue.ts';
import { meQuery } from './api/queries.ts';
import { AppLayout } from './components/layout.tsx';
import { usePageTitle } from './components/page.tsx';
import { SECTIONS } from './components/sections.ts';
import { AuditPage } from './scenes/admin/audit-page.tsx';
import { UserPage } from './scenes/admin/user-page.tsx';
import { UsersPage } from './scenes/admin/users-page.tsx';
import { LoginPage } from './scenes/auth/login-page.tsx';
import { ApplicationCreatePage, ApplicationEditPage } from './scenes/catalogue/application-form-page.tsx';
import { ApplicationPage, type SheetTab } from './scenes/catalogue/application-page.tsx';
import { CataloguePage } from './scenes/catalogue/catalogue-page.tsx';
import { ImportPage } from './scenes/catalogue/import-page.tsx';
import { UsageMapPage } from './scenes/catalogue/usage-map-page.tsx';
import { HomePage } from './scenes/home/home-page.tsx';
import { OrganisationPage } from './scenes/organisations/organisation-page.tsx';
import { type OrganisationSearch, OrganisationsPage } from './scenes/organisations/organisations-page.tsx';
import { ProfilePage } from './scenes/profile/profile-page.tsx';
import { ComingSoonPage } from './scenes/sections/coming-soon-page.tsx';

interface RouterContext {
  queryClient: QueryClient;
}

function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t('errors.notFoundTitle'));
  return (
    <Stack p="xl" component="main">
      <Title order={1}>{t('errors.notFoundTitle')}</Title>
      <Text>{t('errors.notFound')}</Text>
      <Button component={Link} to="/" w="fit-content">
        {t('nav.home')}
      </Button>
    </Stack>
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

/** Every page behind this route needs a live session; without one, the login page, then back here. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/connexion', search: { redirect: location.href } });
  },
  component: AppLayout,
});

/** A page reserved to some abilities: the navigation hides it, and a direct visit is sent home. */
const requireAbility =
  (action: Action) =>
  async ({ context }: { context: RouterContext }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me?.abilities.includes(action)) throw redirect({ to: '/' });
  };

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });
const profileRoute = createRoute({ getParentRoute: () => appRoute, path: '/profil', component: ProfilePage });

const organisationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organismes',
  validateSearch: (search: Record<string, unknown>): OrganisationSearch => ({
    q: typeof search.q === 'string' && search.q ? search.q : undefined,
    type: typeof search.type === 'string' && search.type ? search.type : undefined,
    region: typeof search.region === 'string' && search.region ? search.region : undefined,
    page: Number(search.page) > 1 ? Number(search.page) : undefined,
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

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/administration/utilisateurs',
  beforeLoad: requireAbility('user.list'),
  component: UsersPage,
});
const userRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/administration/utilisateurs/$id',
  beforeLoad: requireAbility('user.read'),
  component: function User() {
    return <UserPage id={userRoute.useParams().id} />;
  },
});
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/administration/journal',
  beforeLoad: requireAbility('audit.read'),
  component: AuditPage,
});

const list = (value: unknown) => {
  const values = (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []).filter(
    (v): v is string => typeof v === 'string' && v.length > 0,
  );
  return values.length > 0 ? values : undefined;
};

const catalogueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/catalogue',
  validateSearch: (search: Record<string, unknown>): CatalogueSearch => ({
    q: typeof search.q === 'string' && search.q ? search.q : undefined,
    domain: list(search.domain),
    track: list(search.track),
    status: list(search.status),
    lifecycle: list(search.lifecycle),
    organisation: list(search.organisation),
    region: list(search.region),
    technology: list(search.technology),
    hosting: list(search.hosting),
    personalData: list(search.personalData),
    sort: typeof search.sort === 'string' && search.sort ? search.sort : undefined,
    page: Number(search.page) > 1 ? Number(search.page) : undefined,
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
    onglet: SHEET_TABS.includes(search.onglet as SheetTab) ? (search.onglet as SheetTab) : undefined,
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

const sectionRoutes = SECTIONS.filter((section) => !section.ready).map((section) =>
  createRoute({
    getParentRoute: () => appRoute,
    path: section.path,
    component: () => <ComingSoonPage section={section.key} />,
  }),
);

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    homeRoute,
    profileRoute,
    organisationsRoute,
    organisationRoute,
    usersRoute,
    userRoute,
    auditRoute,
    catalogueRoute,
    usageMapRoute,
    importRoute,
    createApplicationRoute,
    applicationRoute,
    editApplicationRoute,
    ...sectionRoutes,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
