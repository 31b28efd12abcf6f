import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute, requireAbility } from './router.tsx';

/** The pages of compensation: effort records, agreements, statements, the network balance (the routes of router.tsx). */

const EffortPage = lazyRouteComponent(() => import('./scenes/compensation/effort-page.tsx'), 'EffortPage');
const AgreementsPage = lazyRouteComponent(
  () => import('./scenes/compensation/agreements-page.tsx'),
  'AgreementsPage',
);
const AgreementPage = lazyRouteComponent(
  () => import('./scenes/compensation/agreement-page.tsx'),
  'AgreementPage',
);
const AgreementCreatePage = lazyRouteComponent(
  () => import('./scenes/compensation/agreement-form-page.tsx'),
  'AgreementCreatePage',
);

const StatementPage = lazyRouteComponent(
  () => import('./scenes/compensation/statement-page.tsx'),
  'StatementPage',
);
const BalancePage = lazyRouteComponent(() => import('./scenes/compensation/balance-page.tsx'), 'BalancePage');

const effortRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/effort',
  beforeLoad: (context) => requireAbility('effort.read')(context),
  component: EffortPage,
});
const agreementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/conventions',
  beforeLoad: (context) => requireAbility('agreement.read')(context),
  component: AgreementsPage,
});
const createAgreementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/conventions/nouvelle',
  beforeLoad: (context) => requireAbility('agreement.create')(context),
  component: AgreementCreatePage,
});
const agreementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/conventions/$id',
  component: function Agreement() {
    return <AgreementPage id={agreementRoute.useParams().id} />;
  },
});

const statementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/conventions/releves/$id',
  component: function Statement() {
    return <StatementPage id={statementRoute.useParams().id} />;
  },
});
const balanceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/conventions/bilan',
  beforeLoad: (context) => requireAbility('networkBalance.read')(context),
  component: BalancePage,
});

export const compensationRoutes = [
  effortRoute,
  agreementsRoute,
  createAgreementRoute,
  agreementRoute,
  statementRoute,
  balanceRoute,
] as const;
