import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './router.tsx';

/** The support pages: the queues and the opening form, one ticket. */
const SupportPage = lazyRouteComponent(() => import('./scenes/support/support-pages.tsx'), 'SupportPage');
const TicketPage = lazyRouteComponent(() => import('./scenes/support/support-pages.tsx'), 'TicketPage');

const supportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/support',
  component: SupportPage,
});
const ticketRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/support/$id',
  component: function Ticket() {
    return <TicketPage id={ticketRoute.useParams().id} />;
  },
});

export const supportRoutes = [supportRoute, ticketRoute] as const;
