import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyPluginAsync,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { type AmCloudClient, httpAmCloudClient, simulatedAmCloud } from './integrations/am-cloud.ts';
import { createIntegrations, type Integrations } from './integrations/index.ts';
import { createMailer } from './integrations/mail.ts';
import { jobDefinitions, OUTBOX_JOB } from './jobs/jobs.ts';
import type { OutboxHandler } from './jobs/outbox.ts';
import { createInlineQueue, type JobDefinition, type JobQueue } from './jobs/queue.ts';
import type { AnyBinding } from './lib/lifecycle.ts';
import { safeLoggerOptions } from './lib/log.ts';
import { createMetrics, type Metrics } from './lib/metrics.ts';
import { type Authorizer, createAuthorizer } from './lib/policy.ts';
import { strictBodyValidatorCompiler } from './lib/unknown-fields.ts';
import { acceptancePolicy } from './modules/acceptance/acceptance.policy.ts';
import { campaignBinding } from './modules/acceptance/campaigns.lifecycle.ts';
import { campaignRoutes } from './modules/acceptance/campaigns.routes.ts';
import { reportRoutes } from './modules/acceptance/reports.routes.ts';
import { answerMailHandler } from './modules/accessibility/accessibility.mail.ts';
import { accessibilityPolicy } from './modules/accessibility/accessibility.policy.ts';
import { accessibilityRoutes } from './modules/accessibility/accessibility.routes.ts';
import { ANSWER_MAIL_TOPIC, accessibilityReportBinding } from './modules/accessibility/reports.lifecycle.ts';
import { auditPolicy } from './modules/audit/audit.policy.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { sessionPolicy } from './modules/auth/auth.policy.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { meetingBinding } from './modules/board/board.lifecycle.ts';
import { boardPolicy } from './modules/board/board.policy.ts';
import { boardRoutes } from './modules/board/board.routes.ts';
import { callBinding } from './modules/calls/calls.lifecycle.ts';
import { callPolicy } from './modules/calls/calls.policy.ts';
import { callRoutes } from './modules/calls/calls.routes.ts';
import { proposalBinding } from './modules/calls/proposals/proposals.lifecycle.ts';
import { proposalPolicy } from './modules/calls/proposals/proposals.policy.ts';
import { proposalRoutes } from './modules/calls/proposals/proposals.routes.ts';
import { APPLICATION_BINDINGS } from './modules/catalog/applications/applications.lifecycle.ts';
import { applicationRoutes } from './modules/catalog/applications/applications.routes.ts';
import { attachmentRoutes } from './modules/catalog/attachments/attachments.routes.ts';
import { catalogPolicy } from './modules/catalog/catalog.policy.ts';
import { replacementRoutes } from './modules/catalog/replacement/replacement.routes.ts';
import { searchRoutes } from './modules/catalog/search/search.routes.ts';
import { CatalogueSearch } from './modules/catalog/search/search.sync.ts';
import { similarRoutes } from './modules/catalog/similar/similar.routes.ts';
import { transferRoutes } from './modules/catalog/transfer/transfer.routes.ts';
import { usageRoutes } from './modules/catalog/usages/usages.routes.ts';
import { clubWishBinding } from './modules/clubs/club-wishes.lifecycle.ts';
import { clubsPolicy } from './modules/clubs/clubs.policy.ts';
import { clubsRoutes } from './modules/clubs/clubs.routes.ts';
import { communityPolicy } from './modules/community/community.policy.ts';
import { developerRoutes } from './modules/community/developers.routes.ts';
import { referentApplicationBinding } from './modules/community/referent-applications.lifecycle.ts';
import { referentRoutes } from './modules/community/referents.routes.ts';
import { trainingRoutes } from './modules/community/training.routes.ts';
import { trainingSessionBinding } from './modules/community/training-sessions.lifecycle.ts';
import { agreementBinding } from './modules/compensation/agreements.lifecycle.ts';
import { compensationPolicy } from './modules/compensation/compensation.policy.ts';
import { compensationRoutes } from './modules/compensation/compensation.routes.ts';
import { statementBinding } from './modules/compensation/statements.lifecycle.ts';
import { evaluationPolicy } from './modules/evaluation/evaluation.policy.ts';
import { evaluationRoutes } from './modules/evaluation/evaluations.routes.ts';
import { gridVersionBinding } from './modules/evaluation/grids.lifecycle.ts';
import { gridRoutes } from './modules/evaluation/grids.routes.ts';
import { forgePolicy } from './modules/forge/forge.policy.ts';
import { forgeRoutes } from './modules/forge/forge.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { homePolicy } from './modules/home/home.policy.ts';
import { homeRoutes } from './modules/home/home.routes.ts';
import { budgetsJob } from './modules/hosting/hosting.job.ts';
import { hostingPolicy } from './modules/hosting/hosting.policy.ts';
import { hostingRoutes } from './modules/hosting/hosting.routes.ts';
import { jobPolicy } from './modules/jobs/jobs.policy.ts';
import { jobRoutes } from './modules/jobs/jobs.routes.ts';
import { siteSettingsPolicy } from './modules/legal/site-settings.policy.ts';
import { siteSettingsRoutes } from './modules/legal/site-settings.routes.ts';
import { EVENT_TOPIC, emittedEvents } from './modules/notifications/events.ts';
import { EMAIL_TOPIC, fanOutEvent } from './modules/notifications/notifications.fanout.ts';
import { mailHandler } from './modules/notifications/notifications.mail.ts';
import { notificationPolicy } from './modules/notifications/notifications.policy.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { unsubscribeRoutes } from './modules/notifications/unsubscribe.routes.ts';
import { organisationPolicy } from './modules/organisations/organisations.policy.ts';
import { organisationRoutes } from './modules/organisations/organisations.routes.ts';
import { privacyPolicy } from './modules/privacy/privacy.policy.ts';
import { privacyRoutes } from './modules/privacy/privacy.routes.ts';
import { projectBinding } from './modules/projects/projects.lifecycle.ts';
import { projectPolicy } from './modules/projects/projects.policy.ts';
import { projectRoutes } from './modules/projects/projects.routes.ts';
import { referentialProposalBinding } from './modules/referential/proposals.lifecycle.ts';
import { referentialPolicy } from './modules/referential/referential.policy.ts';
import { referentialRoutes } from './modules/referential/referential.routes.ts';
import { similarPolicy } from './modules/similar/similar-kinds.policy.ts';
import { similarKindsRoutes } from './modules/similar/similar-kinds.routes.ts';
import { statisticsPolicy } from './modules/statistics/statistics.policy.ts';
import { statisticsRoutes } from './modules/statistics/statistics.routes.ts';
import { PROVISIONING_JOB, provisioningJob } from './modules/store/provisioning.job.ts';
import { provisioningRoutes, WEBHOOK_PATH } from './modules/store/provisioning.routes.ts';
import type { ProvisioningDeps } from './modules/store/provisioning.service.ts';
import { requestBinding } from './modules/store/requests.lifecycle.ts';
import { requestRoutes } from './modules/store/requests.routes.ts';
import { storePolicy } from './modules/store/store.policy.ts';
import { storeRoutes } from './modules/store/store.routes.ts';
import { supportPolicy } from './modules/support/support.policy.ts';
import { SUPPORT_BINDINGS } from './modules/support/tickets.lifecycle.ts';
import { supportRoutes } from './modules/support/tickets.routes.ts';
import { userAccountBinding } from './modules/users/users.lifecycle.ts';
import { userPolicy } from './modules/users/users.policy.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { clientErrorHandler, frameworkErrors } from './plugins/http-errors.ts';
import { registerMetrics } from './plugins/metrics.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerWeb } from './plugins/web.ts';

z.config(z.locales.fr());

/** Browser features no page of the portal uses, turned off for it and for anything it embeds. */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

export interface AppDeps {
  db: Database;
  config: Config;
  authorizer: Authorizer;
  /** Background jobs: pg-boss when the server runs, in-process runs in tests and the CLI. */
  jobs: JobQueue;
  /** Every lifecycle binding: the authorizer's transition rules and the deadlines job read them. */
  bindings: readonly AnyBinding[];
  /** This process's catalogue search index, kept in step with the database. */
  catalogue: CatalogueSearch;
  /** The clock of time windows (a comment's 15 minutes); tests pass their own. */
  now: () => Date;
  /** The AM Cloud platform's provisioning interface, or its built-in simulator. */
  amCloud: AmCloudClient;
  /** GitLab (and the other outside systems): null where not configured. */
  integrations: Integrations;
  /** The figures of `GET /metrics`: modules add their gauges. */
  metrics: Metrics;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

/** Every module's policy, listed here explicitly: an action no table grants is denied. */
const POLICIES = [
  sessionPolicy,
  organisationPolicy,
  userPolicy,
  privacyPolicy,
  auditPolicy,
  catalogPolicy,
  homePolicy,
  similarPolicy,
  projectPolicy,
  evaluationPolicy,
  acceptancePolicy,
  jobPolicy,
  notificationPolicy,
  storePolicy,
  hostingPolicy,
  forgePolicy,
  communityPolicy,
  callPolicy,
  proposalPolicy,
  boardPolicy,
  supportPolicy,
  referentialPolicy,
  compensationPolicy,
  clubsPolicy,
  accessibilityPolicy,
  statisticsPolicy,
  siteSettingsPolicy,
];
/** Every lifecycle of the portal, bound to its rows. */
const BINDINGS: AnyBinding[] = [
  userAccountBinding,
  ...APPLICATION_BINDINGS,
  projectBinding,
  gridVersionBinding,
  requestBinding,
  referentApplicationBinding,
  trainingSessionBinding,
  callBinding,
  proposalBinding,
  meetingBinding(),
  ...SUPPORT_BINDINGS,
  referentialProposalBinding,
  agreementBinding,
  clubWishBinding,
  statementBinding,
  accessibilityReportBinding,
];
/** Deliverers of outbox messages by topic (notifications plug in here). */
const OUTBOX_HANDLERS: Record<string, OutboxHandler> = { [EVENT_TOPIC]: fanOutEvent };

/** The only place that wires plugins and modules; shared by main.ts and the tests. */
export async function buildApp(options: {
  db: Database;
  config: Config;
  logger?: FastifyServerOptions['logger'];
  /** Builds the job queue from the job definitions; default: run in-process when nudged. */
  queue?: (jobs: JobDefinition[], log: FastifyBaseLogger) => JobQueue;
  /** The clock of time windows (default: the system's). */
  now?: () => Date;
  /** The outside systems' clients (default: built from the settings). */
  integrations?: Integrations;
  /** Tests add a lifecycle of their own, its routes and outbox handlers. */
  extra?: {
    bindings?: AnyBinding[];
    routes?: FastifyPluginAsync[];
    outboxHandlers?: Record<string, OutboxHandler>;
  };
}) {
  const app = Fastify({
    logger: safeLoggerOptions(options.logger ?? { level: options.config.logLevel }),
    genReqId: () => randomUUID(),
    trustProxy:
      typeof options.config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (options.config.trustProxy as number)
        : options.config.trustProxy,
    bodyLimit: 1_048_576,
    // Refusals before routing and by Node's HTTP parser leave as problem+json in French too.
    frameworkErrors,
    clientErrorHandler,
    // One access line per request instead (plugins/metrics.ts): route, status, time, actor id.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();

  const bindings = [...BINDINGS, campaignBinding(options.config), ...(options.extra?.bindings ?? [])];
  const authorizer = createAuthorizer(
    POLICIES,
    bindings.map((b) => b.definition),
  );
  const mailer = createMailer({
    smtpUrl: options.config.smtpUrl,
    from: options.config.mailFrom,
    log: app.log,
  });
  const integrations = options.integrations ?? createIntegrations(options.config);
  const jobs = jobDefinitions({
    integrations,
    retention: options.config.retention,
    now: options.now,
    db: options.db,
    log: app.log,
    authorizer,
    bindings,
    outboxHandlers: new Map(
      Object.entries({
        ...OUTBOX_HANDLERS,
        [EMAIL_TOPIC]: mailHandler(mailer, options.config.publicUrl),
        [ANSWER_MAIL_TOPIC]: answerMailHandler(mailer, options.config.publicUrl),
        ...options.extra?.outboxHandlers,
      }),
    ),
  });
  let queue: JobQueue | undefined;
  const amCloud = options.config.amCloudUrl
    ? httpAmCloudClient({
        url: options.config.amCloudUrl,
        token: options.config.amCloudToken,
        timeoutMs: options.config.amCloudTimeoutMs,
      })
    : simulatedAmCloud({
        delayMs: options.config.amCloudSimulatorDelayMs,
        onReady: () => void queue?.nudge(PROVISIONING_JOB).catch(() => undefined),
      });
  const provisioning: ProvisioningDeps = {
    db: options.db,
    log: app.log,
    authorizer,
    client: amCloud,
    callbackUrl: `${options.config.publicUrl}${WEBHOOK_PATH}`,
  };
  const now = options.now ?? (() => new Date());
  jobs.push(provisioningJob(provisioning, now), budgetsJob(options.db, app.log, now));
  const jobQueue = (options.queue ?? createInlineQueue)(jobs, app.log);
  queue = jobQueue;
  const catalogue = new CatalogueSearch(
    options.db,
    app.log,
    undefined,
    undefined,
    options.config.searchResultsKept,
  );
  const metrics = createMetrics();
  app.decorate('deps', {
    db: options.db,
    config: options.config,
    authorizer,
    jobs: jobQueue,
    bindings,
    catalogue,
    now,
    amCloud,
    integrations,
    metrics,
  });
  app.addHook('onClose', async () => {
    await jobQueue.stop();
    mailer.close();
    await catalogue.settle();
  });
  app.setValidatorCompiler(strictBodyValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
    // Helmet sets no Permissions-Policy: the portal uses no camera, microphone, location or payment.
    reply.header('Permissions-Policy', PERMISSIONS_POLICY);
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    // Events this request emitted are delivered now (the change has committed by the time it answers).
    if (emittedEvents(request.id))
      await jobQueue
        .nudge(OUTBOX_JOB)
        .catch((error: unknown) => request.log.warn({ err: error }, 'outbox nudge failed'));
  });

  registerErrorHandling(app);
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets inline style attributes and one <style> element.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: options.config.publicUrl.startsWith('https://') ? [] : null,
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: options.config.publicUrl.startsWith('https://'),
    crossOriginEmbedderPolicy: false,
  });
  // Uploads: one file per request; each route sets its own size limit.
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 5, fileSize: 20 * 1024 * 1024 } });
  registerAuth(app);
  await registerOpenApi(app, options.config.publicUrl);
  registerMetrics(app, metrics);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(organisationRoutes);
  await app.register(userRoutes);
  await app.register(privacyRoutes);
  await app.register(auditRoutes);
  await app.register(searchRoutes);
  await app.register(applicationRoutes);
  await app.register(usageRoutes);
  await app.register(replacementRoutes);
  await app.register(similarRoutes);
  await app.register(similarKindsRoutes);
  await app.register(transferRoutes);
  await app.register(attachmentRoutes);
  await app.register(homeRoutes);
  await app.register(projectRoutes);
  await app.register(gridRoutes);
  await app.register(evaluationRoutes);
  await app.register(campaignRoutes);
  await app.register(reportRoutes);
  await app.register(jobRoutes);
  await app.register(notificationRoutes);
  await app.register(storeRoutes);
  await app.register(requestRoutes);
  await app.register(provisioningRoutes(() => provisioning));
  await app.register(hostingRoutes);
  await app.register(unsubscribeRoutes);
  await app.register(forgeRoutes);
  await app.register(referentialRoutes);
  await app.register(developerRoutes);
  await app.register(referentRoutes);
  await app.register(trainingRoutes);
  await app.register(callRoutes);
  await app.register(proposalRoutes);
  await app.register(boardRoutes);
  await app.register(supportRoutes);
  await app.register(compensationRoutes);
  await app.register(clubsRoutes);
  await app.register(accessibilityRoutes);
  await app.register(statisticsRoutes);
  await app.register(siteSettingsRoutes);
  for (const routes of options.extra?.routes ?? []) await app.register(routes);
  await registerWeb(app, options.config.webDir);

  await app.ready();
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
