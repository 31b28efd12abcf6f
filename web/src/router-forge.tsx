import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { REFERENTIAL_CATEGORIES } from '../../common/referential/vocabulary.ts';
import type { ReferentialSearch } from './api/referential.ts';
import { appRoute, oneOf, requireAbility, single, text } from './router.tsx';

/** The pages of the forge: the shared packages, the good-practice referential, the integrations' administration. */

const PackagesPage = lazyRouteComponent(() => import('./scenes/forge/packages-page.tsx'), 'PackagesPage');
const IntegrationsPage = lazyRouteComponent(
  () => import('./scenes/forge/integrations-page.tsx'),
  'IntegrationsPage',
);

const ReferentialPage = lazyRouteComponent(
  () => import('./scenes/referential/referential-page.tsx'),
  'ReferentialPage',
);
const ReferentialPageView = lazyRouteComponent(
  () => import('./scenes/referential/page-view.tsx'),
  'ReferentialPageView',
);
const ProposalPage = lazyRouteComponent(
  () => import('./scenes/referential/proposal-page.tsx'),
  'ProposalPage',
);

const referentialRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/referentiel',
  validateSearch: (search: Record<string, unknown>): ReferentialSearch => ({
    q: single(search.q, text),
    category: single(search.category, oneOf(REFERENTIAL_CATEGORIES)),
  }),
  component: function Referential() {
    return <ReferentialPage search={referentialRoute.useSearch()} />;
  },
});
const proposalRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/referentiel/propositions/$id',
  component: function Proposal() {
    return <ProposalPage id={proposalRoute.useParams().id} />;
  },
});
const referentialPageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/referentiel/$slug',
  component: function ReferentialPageRoute() {
    return <ReferentialPageView slug={referentialPageRoute.useParams().slug} />;
  },
});

const packagesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/paquets',
  component: PackagesPage,
});
const integrationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/administration/integrations',
  // Called late: router.tsx, which imports this file, defines requireAbility after the import.
  beforeLoad: (context) => requireAbility('integration.read')(context),
  component: IntegrationsPage,
});

export const forgeRoutes = [
  packagesRoute,
  integrationsRoute,
  referentialRoute,
  proposalRoute,
  referentialPageRoute,
] as const;
