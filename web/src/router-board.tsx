import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { BOARD_ITEM_KINDS, DECISION_OUTCOMES } from '../../common/board/vocabulary.ts';
import type { DecisionSearch } from './api/board.ts';
import { appRoute, oneOf, pageOf, single, text } from './router.tsx';

/** The pages of the governance board (the routes of router.tsx). */

const BoardPage = lazyRouteComponent(() => import('./scenes/board/board-page.tsx'), 'BoardPage');
const MeetingPage = lazyRouteComponent(() => import('./scenes/board/meeting-page.tsx'), 'MeetingPage');
const DecisionLogPage = lazyRouteComponent(
  () => import('./scenes/board/decision-log-page.tsx'),
  'DecisionLogPage',
);
const DecisionPage = lazyRouteComponent(() => import('./scenes/board/decision-log-page.tsx'), 'DecisionPage');
const RequestPage = lazyRouteComponent(() => import('./scenes/board/request-page.tsx'), 'RequestPage');
const BoardItemPage = lazyRouteComponent(() => import('./scenes/board/request-page.tsx'), 'BoardItemPage');

const boardRoute = createRoute({ getParentRoute: () => appRoute, path: '/instance', component: BoardPage });
const requestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/instance/demande',
  component: RequestPage,
});
const meetingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/instance/seances/$id',
  component: function Meeting() {
    return <MeetingPage id={meetingRoute.useParams().id} />;
  },
});
const itemRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/instance/points/$id',
  component: function Item() {
    return <BoardItemPage id={itemRoute.useParams().id} />;
  },
});
const year = (value: unknown) => (Number(value) >= 2000 && Number(value) <= 2100 ? Number(value) : undefined);
const logRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/instance/decisions',
  validateSearch: (search: Record<string, unknown>): DecisionSearch => ({
    q: single(search.q, text),
    outcome: single(search.outcome, oneOf(DECISION_OUTCOMES)),
    kind: single(search.kind, oneOf(BOARD_ITEM_KINDS)),
    year: year(search.year),
    page: pageOf(search.page),
  }),
  component: function Log() {
    return <DecisionLogPage search={logRoute.useSearch()} />;
  },
});
const decisionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/instance/decisions/$id',
  component: function Decision() {
    return <DecisionPage id={decisionRoute.useParams().id} />;
  },
});

export const boardRoutes = [
  boardRoute,
  requestRoute,
  meetingRoute,
  itemRoute,
  logRoute,
  decisionRoute,
] as const;
