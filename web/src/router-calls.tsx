import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { CALL_SCOPES, CALL_STATES } from '../../common/calls/vocabulary.ts';
import type { CallSearch } from './api/calls.ts';
import { appRoute, oneOf, pageOf, requireAbility, single, text } from './router.tsx';

/** The pages of calls for projects (the routes of router.tsx). */

const CallsPage = lazyRouteComponent(() => import('./scenes/calls/calls-page.tsx'), 'CallsPage');
const CallPage = lazyRouteComponent(() => import('./scenes/calls/call-page.tsx'), 'CallPage');
const CallCreatePage = lazyRouteComponent(
  () => import('./scenes/calls/call-form-page.tsx'),
  'CallCreatePage',
);
const CallEditPage = lazyRouteComponent(() => import('./scenes/calls/call-form-page.tsx'), 'CallEditPage');
const ProposalPage = lazyRouteComponent(() => import('./scenes/calls/proposal-page.tsx'), 'ProposalPage');
const ProposalCreatePage = lazyRouteComponent(
  () => import('./scenes/calls/proposal-form-page.tsx'),
  'ProposalCreatePage',
);
const ProposalEditPage = lazyRouteComponent(
  () => import('./scenes/calls/proposal-form-page.tsx'),
  'ProposalEditPage',
);

const callsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/appels',
  validateSearch: (search: Record<string, unknown>): CallSearch => ({
    q: single(search.q, text),
    state: single(search.state, oneOf(CALL_STATES)),
    scope: single(search.scope, oneOf(CALL_SCOPES)),
    forMyOffice: single(search.forMyOffice, oneOf(['true'] as const)),
    page: pageOf(search.page),
  }),
  component: function Calls() {
    return <CallsPage search={callsRoute.useSearch()} />;
  },
});
const createCallRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/appels/nouveau',
  // Called when the route loads, not when this module does: router.tsx is still being evaluated then.
  beforeLoad: (context) => requireAbility('call.create')(context),
  component: CallCreatePage,
});
const callRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/appels/$id',
  component: function Call() {
    return <CallPage id={callRoute.useParams().id} />;
  },
});
const editCallRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/appels/$id/modifier',
  beforeLoad: (context) => requireAbility('call.update')(context),
  component: function EditCall() {
    return <CallEditPage id={editCallRoute.useParams().id} />;
  },
});

const createProposalRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/appels/$id/proposer',
  beforeLoad: (context) => requireAbility('proposal.create')(context),
  component: function CreateProposal() {
    return <ProposalCreatePage callId={createProposalRoute.useParams().id} />;
  },
});
const proposalRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/propositions/$id',
  component: function Proposal() {
    return <ProposalPage id={proposalRoute.useParams().id} />;
  },
});
const editProposalRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/propositions/$id/modifier',
  beforeLoad: (context) => requireAbility('proposal.update')(context),
  component: function EditProposal() {
    return <ProposalEditPage id={editProposalRoute.useParams().id} />;
  },
});

export const callRoutes = [
  callsRoute,
  createCallRoute,
  callRoute,
  editCallRoute,
  createProposalRoute,
  proposalRoute,
  editProposalRoute,
] as const;
