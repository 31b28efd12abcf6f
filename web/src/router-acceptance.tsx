import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute, single, text } from './router.tsx';

/** The pages of grids, evaluations, acceptance campaigns and their reports (the routes of router.tsx). */

const CampaignsPage = lazyRouteComponent(
  () => import('./scenes/acceptance/campaigns-page.tsx'),
  'CampaignsPage',
);
const CampaignPage = lazyRouteComponent(
  () => import('./scenes/acceptance/campaign-page.tsx'),
  'CampaignPage',
);
const CampaignFormRoute = lazyRouteComponent(
  () => import('./scenes/acceptance/campaign-form-route.tsx'),
  'CampaignFormRoute',
);
const ReportPage = lazyRouteComponent(() => import('./scenes/acceptance/report-page.tsx'), 'ReportPage');
export const VerificationPage = lazyRouteComponent(
  () => import('./scenes/acceptance/report-page.tsx'),
  'VerificationPage',
);
const GridsPage = lazyRouteComponent(() => import('./scenes/evaluation/grids-page.tsx'), 'GridsPage');
const GridVersionPage = lazyRouteComponent(
  () => import('./scenes/evaluation/grid-version-page.tsx'),
  'GridVersionPage',
);
const GridDiffPage = lazyRouteComponent(
  () => import('./scenes/evaluation/grid-diff-page.tsx'),
  'GridDiffPage',
);
const EvaluationPage = lazyRouteComponent(
  () => import('./scenes/evaluation/evaluation-page.tsx'),
  'EvaluationPage',
);

const campaignsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/recettes',
  component: CampaignsPage,
});
const campaignRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/recettes/$id',
  component: function Campaign() {
    const { id } = campaignRoute.useParams();
    return <CampaignPage id={id} />;
  },
});
/** Opening a campaign: for a project (?projet=) or a catalogue sheet (?application=). */
const campaignFormRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/recettes/nouvelle',
  validateSearch: (
    search: Record<string, unknown>,
  ): { projet?: string | undefined; application?: string | undefined } => ({
    projet: single(search.projet, text),
    application: single(search.application, text),
  }),
  component: function CampaignForm() {
    return <CampaignFormRoute {...campaignFormRoute.useSearch()} />;
  },
});
const reportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/recettes/pv/$id',
  component: function Report() {
    const { id } = reportRoute.useParams();
    return <ReportPage id={id} />;
  },
});

// Evaluation grids and evaluations.
const gridsRoute = createRoute({ getParentRoute: () => appRoute, path: '/grilles', component: GridsPage });
const gridVersionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/grilles/versions/$id',
  component: function GridVersion() {
    return <GridVersionPage id={gridVersionRoute.useParams().id} />;
  },
});
const gridDiffRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/grilles/versions/$id/comparer',
  validateSearch: (search: Record<string, unknown>): { depuis?: string | undefined } => ({
    depuis: single(search.depuis, text),
  }),
  component: function GridDiff() {
    return <GridDiffPage id={gridDiffRoute.useParams().id} from={gridDiffRoute.useSearch().depuis} />;
  },
});
const evaluationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/evaluations/$id',
  component: function Evaluation() {
    return <EvaluationPage id={evaluationRoute.useParams().id} />;
  },
});

export const acceptanceRoutes = [
  campaignsRoute,
  campaignFormRoute,
  reportRoute,
  campaignRoute,
  gridsRoute,
  gridVersionRoute,
  gridDiffRoute,
  evaluationRoute,
] as const;
