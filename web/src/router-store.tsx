import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import {
  LIFECYCLE_STAGES,
  PERSONAL_DATA_VALUES,
  SEARCH_SORTS,
  TRACKS,
} from '../../common/catalog/vocabulary.ts';
import { REGIONS } from '../../common/organisations.ts';
import { STORE_CERTIFICATIONS } from '../../common/store/vocabulary.ts';
import type { StoreSearch } from './api/store.ts';
import { NotFoundPage } from './components/not-found.tsx';
import { appRoute, list, oneOf, pageOf, single, text } from './router.tsx';

/** The pages of the Store, deployment requests and AM Cloud tenants (the routes of router.tsx). */

const StorePage = lazyRouteComponent(() => import('./scenes/store/store-page.tsx'), 'StorePage');
const StoreApplicationPage = lazyRouteComponent(
  () => import('./scenes/store/store-application-page.tsx'),
  'StoreApplicationPage',
);

const RequestsPage = lazyRouteComponent(() => import('./scenes/store/requests-page.tsx'), 'RequestsPage');
const RequestPage = lazyRouteComponent(() => import('./scenes/store/request-page.tsx'), 'RequestPage');
const RequestFormPage = lazyRouteComponent(
  () => import('./scenes/store/request-form-page.tsx'),
  'RequestFormPage',
);
const RequestEditPage = lazyRouteComponent(
  () => import('./scenes/store/request-form-page.tsx'),
  'RequestEditPage',
);
const CostsPage = lazyRouteComponent(() => import('./scenes/store/costs-page.tsx'), 'CostsPage');
const TenantsPage = lazyRouteComponent(() => import('./scenes/store/tenants-page.tsx'), 'TenantsPage');

const storeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/store',
  validateSearch: (search: Record<string, unknown>): StoreSearch => ({
    q: single(search.q, text),
    domain: list(search.domain, text),
    track: list(search.track, oneOf(TRACKS)),
    status: list(search.status, oneOf(STORE_CERTIFICATIONS)),
    lifecycle: list(search.lifecycle, oneOf(LIFECYCLE_STAGES)),
    organisation: list(search.organisation, text),
    region: list(search.region, oneOf(REGIONS)),
    technology: list(search.technology, text),
    personalData: list(search.personalData, oneOf(PERSONAL_DATA_VALUES)),
    usedBy: list(search.usedBy, text),
    sort: single(search.sort, oneOf(SEARCH_SORTS)),
    page: pageOf(search.page),
  }),
  component: function Store() {
    return <StorePage search={storeRoute.useSearch()} />;
  },
});
const storeApplicationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/store/$id',
  component: function StoreApplication() {
    return <StoreApplicationPage id={storeApplicationRoute.useParams().id} />;
  },
});

const tenantsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/store/$id/locataires',
  component: function Tenants() {
    return <TenantsPage id={tenantsRoute.useParams().id} />;
  },
});
const costsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/store/couts',
  component: CostsPage,
});
const QUEUES = ['mine', 'director', 'ddsi', 'all'] as const;
const requestsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/store/demandes',
  validateSearch: (search: Record<string, unknown>): { file?: (typeof QUEUES)[number] | undefined } => ({
    file: single(search.file, oneOf(QUEUES)),
  }),
  component: function Requests() {
    return <RequestsPage search={requestsRoute.useSearch()} />;
  },
});
const newRequestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/store/demandes/nouvelle',
  validateSearch: (search: Record<string, unknown>): { application?: string | undefined } => ({
    application: single(search.application, text),
  }),
  component: function NewRequest() {
    const { application } = newRequestRoute.useSearch();
    return application ? <RequestFormPage applicationId={application} /> : <NotFoundPage />;
  },
});
const requestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/store/demandes/$id',
  component: function Request() {
    return <RequestPage id={requestRoute.useParams().id} />;
  },
});
const editRequestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/store/demandes/$id/modifier',
  component: function EditRequest() {
    return <RequestEditPage id={editRequestRoute.useParams().id} />;
  },
});

export const storeRoutes = [
  storeRoute,
  requestsRoute,
  newRequestRoute,
  requestRoute,
  editRequestRoute,
  tenantsRoute,
  costsRoute,
  storeApplicationRoute,
] as const;
