import { type APIRequestContext, type Page, request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from './support/browser.ts';
import { routerPaths } from './support/routes.ts';
import { startServerAndBrowser } from './support/server.ts';

/**
 * Every page template of the web app — one entry per path of the router (web/src/router*.tsx) — checked by
 * axe (WCAG 2.1 A and AA) in French and English, at 1280 and 390 px, while every request the page makes is
 * recorded: any host other than the portal's own fails the test (fonts, scripts, images are all served by
 * the portal; nothing tracks the reader).
 *
 * To add a page: add an entry to TEMPLATES below with
 * - `route`: the path exactly as the router declares it (`/appels/$id/modifier`; `/$` for the catch-all);
 * - `as`: the demo account whose role may see the page (`null` for a page reached signed out);
 * - `url`: a concrete address, built from the demo data looked up through the API in `lookUpSamples`
 *   (add a sample there; never a database id written here);
 * - `h1`: the page's main heading in French and in English (a string is the exact name, a RegExp a
 *   pattern; one value when the heading is data, the same in both languages).
 * The first test fails when a route of the router has no entry, or an entry names a route that is gone.
 */

type Account =
  | 'admin'
  | 'ddsi'
  | 'ddo'
  | 'comptable'
  | 'sponsor'
  | 'dev.basrhin'
  | 'dev.marseille'
  | 'directeur.basrhin'
  | 'agent.rhone';

type Heading = string | RegExp;

interface Template {
  route: string;
  as: Account | null;
  url: (s: Samples) => string;
  h1: Heading | { fr: Heading; en: Heading } | ((s: Samples) => Heading);
}

type Samples = Awaited<ReturnType<typeof lookUpSamples>>;

// biome-ignore format: one line per template reads as a table
const TEMPLATES: Template[] = [
  // Reached signed out.
  { route: '/connexion', as: null, url: () => '/connexion', h1: 'Mutualis' },
  { route: '/verification/pv/$id', as: null, url: (s) => `/verification/pv/${s.report.id}`, h1: { fr: /Vérification/, en: /Verif/ } },
  { route: '/desabonnement', as: null, url: () => '/desabonnement', h1: { fr: 'Ne plus recevoir ces e-mails', en: /e-?mails/ } },
  { route: '/accessibilite', as: null, url: () => '/accessibilite', h1: { fr: "Déclaration d'accessibilité", en: 'Accessibility statement' } },
  { route: '/accessibilite/schema-pluriannuel', as: null, url: () => '/accessibilite/schema-pluriannuel', h1: { fr: /^Schéma pluriannuel/, en: /multi-year accessibility plan/ } },
  { route: '/mentions-legales', as: null, url: () => '/mentions-legales', h1: { fr: 'Mentions légales', en: 'Legal notice' } },
  { route: '/donnees-personnelles', as: null, url: () => '/donnees-personnelles', h1: { fr: 'Données personnelles', en: 'Personal data' } },
  // Foundation.
  { route: '/', as: 'agent.rhone', url: () => '/', h1: { fr: /^Bonjour/, en: /^Hello/ } },
  { route: '/$', as: 'agent.rhone', url: () => '/une-page-qui-n-existe-pas', h1: { fr: 'Page introuvable', en: 'Page not found' } },
  { route: '/profil', as: 'dev.basrhin', url: () => '/profil', h1: { fr: 'Mon profil', en: 'My profile' } },
  { route: '/organismes', as: 'agent.rhone', url: () => '/organismes', h1: { fr: 'Annuaire des organismes', en: /directory/i } },
  { route: '/organismes/$id', as: 'agent.rhone', url: (s) => `/organismes/${s.office.id}`, h1: /Bas-Rhin/ },
  { route: '/administration/utilisateurs', as: 'admin', url: () => '/administration/utilisateurs', h1: { fr: 'Utilisateurs', en: 'Users' } },
  { route: '/administration/utilisateurs/$id', as: 'admin', url: (s) => `/administration/utilisateurs/${s.user.id}`, h1: 'Antoine Martin' },
  { route: '/administration/journal', as: 'admin', url: () => '/administration/journal', h1: { fr: "Journal d'audit", en: /Audit/ } },
  { route: '/administration/travaux', as: 'admin', url: () => '/administration/travaux', h1: { fr: /travaux/i, en: /jobs/i } },
  { route: '/administration/accessibilite', as: 'admin', url: () => '/administration/accessibilite', h1: { fr: "Signalements d'accessibilité", en: 'Accessibility reports' } },
  { route: '/administration/accessibilite/$id', as: 'admin', url: () => `/administration/accessibilite/${accessibilityReportId}`, h1: { fr: /^Signalement d’accessibilité/, en: /^Accessibility report/ } },
  { route: '/administration/parametres', as: 'admin', url: () => '/administration/parametres', h1: { fr: 'Paramètres du site', en: 'Site settings' } },
  { route: '/administration/integrations', as: 'ddsi', url: () => '/administration/integrations', h1: { fr: /ntégrations/, en: /ntegrations/ } },
  { route: '/notifications', as: 'dev.basrhin', url: () => '/notifications', h1: 'Notifications' },
  { route: '/notifications/preferences', as: 'dev.basrhin', url: () => '/notifications/preferences', h1: { fr: /Préférences/, en: /preferences/i } },
  // Catalogue.
  { route: '/catalogue', as: 'agent.rhone', url: () => '/catalogue', h1: { fr: 'Catalogue des applications locales', en: /catalogue/i } },
  { route: '/catalogue/cartographie', as: 'agent.rhone', url: () => '/catalogue/cartographie', h1: { fr: 'Cartographie des usages', en: /usage/i } },
  { route: '/catalogue/import', as: 'dev.basrhin', url: () => '/catalogue/import', h1: { fr: 'Importer un inventaire', en: /Import/ } },
  { route: '/catalogue/nouvelle', as: 'dev.basrhin', url: () => '/catalogue/nouvelle', h1: { fr: 'Déclarer une application', en: /Declare/ } },
  { route: '/catalogue/$id', as: 'agent.rhone', url: (s) => `/catalogue/${s.application.id}`, h1: 'GesCongés' },
  { route: '/catalogue/$id/modifier', as: 'admin', url: (s) => `/catalogue/${s.application.id}/modifier`, h1: /GesCongés/ },
  { route: '/catalogue/$id/club', as: 'agent.rhone', url: (s) => `/catalogue/${s.application.id}/club`, h1: /GesCongés/ },
  // Projects.
  { route: '/projets', as: 'agent.rhone', url: () => '/projets', h1: { fr: 'Projets en cours', en: /projects/i } },
  { route: '/projets/nouveau', as: 'dev.basrhin', url: () => '/projets/nouveau', h1: { fr: 'Déclarer un projet', en: /Declare/ } },
  { route: '/projets/parrainages', as: 'sponsor', url: () => '/projets/parrainages', h1: { fr: 'Demandes de sponsor', en: /ponsor/ } },
  { route: '/projets/besoins-et-forces', as: 'dev.basrhin', url: () => '/projets/besoins-et-forces', h1: { fr: 'Besoins et forces', en: /Needs/ } },
  { route: '/projets/$id', as: 'agent.rhone', url: (s) => `/projets/${s.project.id}`, h1: (s) => s.project.title },
  { route: '/projets/$id/modifier', as: 'dev.basrhin', url: (s) => `/projets/${s.project.id}/modifier`, h1: (s) => new RegExp(s.project.title) },
  // Acceptance, grids and evaluations.
  { route: '/recettes', as: 'ddsi', url: () => '/recettes', h1: { fr: /ecette/, en: /cceptance/ } },
  { route: '/recettes/$id', as: 'ddsi', url: (s) => `/recettes/${s.campaign.id}`, h1: (s) => s.campaign.title },
  { route: '/recettes/nouvelle', as: 'ddsi', url: (s) => `/recettes/nouvelle?projet=${s.campaign.subject.id}`, h1: { fr: /ecette/, en: /cceptance/ } },
  { route: '/recettes/pv/$id', as: 'ddsi', url: (s) => `/recettes/pv/${s.report.id}`, h1: (s) => new RegExp(s.report.number) },
  { route: '/grilles', as: 'ddsi', url: () => '/grilles', h1: { fr: /rilles/, en: /rids/ } },
  { route: '/grilles/versions/$id', as: 'ddsi', url: (s) => `/grilles/versions/${s.gridVersion.id}`, h1: { fr: /labellisation/, en: /abelling/ } },
  { route: '/grilles/versions/$id/comparer', as: 'ddsi', url: (s) => `/grilles/versions/${s.gridVersion.id}/comparer?depuis=${s.gridVersion.id}`, h1: { fr: /^Version \d+ comparée à la version \d+$/, en: /^Version \d+ compared with version \d+$/ } },
  { route: '/evaluations/$id', as: 'ddsi', url: (s) => `/evaluations/${s.evaluation.id}`, h1: (s) => new RegExp(s.evaluation.subject.title) },
  // Store, deployment requests, hosting.
  { route: '/store', as: 'agent.rhone', url: () => '/store', h1: { fr: /Store/, en: /Store/ } },
  { route: '/store/$id', as: 'agent.rhone', url: (s) => `/store/${s.storeApplication.id}`, h1: (s) => s.storeApplication.name },
  { route: '/store/$id/locataires', as: 'ddsi', url: (s) => `/store/${s.storeApplication.id}/locataires`, h1: (s) => new RegExp(s.storeApplication.name) },
  { route: '/store/couts', as: 'ddsi', url: () => '/store/couts', h1: { fr: /oûts/, en: /osts/ } },
  { route: '/store/demandes', as: 'ddsi', url: () => '/store/demandes', h1: { fr: /emandes/, en: /equests/ } },
  { route: '/store/demandes/nouvelle', as: 'agent.rhone', url: (s) => `/store/demandes/nouvelle?application=${s.storeApplication.id}`, h1: { fr: /emande/, en: /equest/ } },
  { route: '/store/demandes/$id', as: 'ddsi', url: (s) => `/store/demandes/${s.submittedRequest.id}`, h1: (s) => new RegExp(s.submittedRequest.reference) },
  { route: '/store/demandes/$id/modifier', as: 'dev.marseille', url: (s) => `/store/demandes/${s.draftRequest.id}/modifier`, h1: (s) => new RegExp(s.draftRequest.reference) },
  // Community, support, Forge.
  { route: '/communaute/developpeurs', as: 'dev.basrhin', url: () => '/communaute/developpeurs', h1: { fr: /éveloppeurs/, en: /evelopers/ } },
  { route: '/communaute/developpeurs/$id', as: 'dev.basrhin', url: (s) => `/communaute/developpeurs/${s.developer.id}`, h1: (s) => s.developer.displayName },
  { route: '/communaute/referents', as: 'ddsi', url: () => '/communaute/referents', h1: { fr: /éférents/, en: /eferents/ } },
  { route: '/communaute/referents/candidatures/$id', as: 'ddsi', url: (s) => `/communaute/referents/candidatures/${s.referentApplication.id}`, h1: /Bouches-du-Rhône/ },
  { route: '/communaute/formations', as: 'dev.basrhin', url: () => '/communaute/formations', h1: { fr: /ormations/, en: /raining/ } },
  { route: '/communaute/formations/$id', as: 'dev.basrhin', url: (s) => `/communaute/formations/${s.trainingSession.id}`, h1: (s) => s.trainingSession.title },
  { route: '/support', as: 'agent.rhone', url: () => '/support', h1: 'Support' },
  { route: '/support/$id', as: 'agent.rhone', url: (s) => `/support/${s.ticket.id}`, h1: (s) => s.ticket.subject },
  { route: '/referentiel', as: 'dev.basrhin', url: () => '/referentiel', h1: { fr: /éférentiel/, en: /eferential/ } },
  { route: '/referentiel/$slug', as: 'dev.basrhin', url: (s) => `/referentiel/${s.referentialPage.slug}`, h1: (s) => s.referentialPage.title },
  { route: '/referentiel/propositions/$id', as: 'dev.basrhin', url: (s) => `/referentiel/propositions/${s.referentialProposal.id}`, h1: (s) => new RegExp(s.referentialProposal.title) },
  { route: '/paquets', as: 'dev.basrhin', url: () => '/paquets', h1: { fr: /aquets/, en: /ackages/ } },
  // Calls for projects and proposals.
  { route: '/appels', as: 'dev.basrhin', url: () => '/appels', h1: { fr: 'Appels à projets', en: /alls/ } },
  { route: '/appels/nouveau', as: 'sponsor', url: () => '/appels/nouveau', h1: { fr: 'Préparer un appel à projets', en: /call/ } },
  { route: '/appels/$id', as: 'dev.basrhin', url: (s) => `/appels/${s.call.id}`, h1: (s) => s.call.title },
  { route: '/appels/$id/modifier', as: 'directeur.basrhin', url: (s) => `/appels/${s.draftCall.id}/modifier`, h1: (s) => new RegExp(s.draftCall.title) },
  { route: '/appels/$id/proposer', as: 'dev.basrhin', url: (s) => `/appels/${s.regionalCall.id}/proposer`, h1: { fr: 'Répondre à un appel à projets', en: /call/ } },
  { route: '/propositions/$id', as: 'dev.basrhin', url: (s) => `/propositions/${s.proposal.id}`, h1: (s) => s.proposal.title },
  { route: '/propositions/$id/modifier', as: 'dev.marseille', url: (s) => `/propositions/${s.draftProposal.id}/modifier`, h1: (s) => new RegExp(s.draftProposal.title) },
  // Governance board.
  { route: '/instance', as: 'ddo', url: () => '/instance', h1: { fr: 'Instance de gouvernance', en: /overnance/ } },
  { route: '/instance/demande', as: 'agent.rhone', url: () => '/instance/demande', h1: { fr: /instance/, en: /board/i } },
  { route: '/instance/seances/$id', as: 'ddo', url: (s) => `/instance/seances/${s.meeting.id}`, h1: (s) => s.meeting.title },
  { route: '/instance/points/$id', as: 'ddo', url: (s) => `/instance/points/${s.boardItem.id}`, h1: (s) => s.boardItem.title },
  { route: '/instance/decisions', as: 'ddo', url: () => '/instance/decisions', h1: { fr: 'Registre des décisions', en: 'Decision log' } },
  { route: '/instance/decisions/$id', as: 'ddo', url: (s) => `/instance/decisions/${s.decision.id}`, h1: (s) => new RegExp(s.decision.reference) },
  // Effort, agreements, statistics.
  { route: '/effort', as: 'ddo', url: () => '/effort', h1: { fr: /ffort/, en: /ffort/ } },
  { route: '/conventions', as: 'ddo', url: () => '/conventions', h1: { fr: /onventions/, en: /greements/ } },
  { route: '/conventions/nouvelle', as: 'ddo', url: () => '/conventions/nouvelle', h1: { fr: /onvention/, en: /greement/ } },
  { route: '/conventions/$id', as: 'ddo', url: (s) => `/conventions/${s.agreement.id}`, h1: (s) => s.agreement.title },
  { route: '/conventions/releves/$id', as: 'ddo', url: (s) => `/conventions/releves/${s.statement.id}`, h1: { fr: /^Relevé \d{4}-\d\d → \d{4}-\d\d$/, en: /^Statement \d{4}-\d\d → \d{4}-\d\d$/ } },
  { route: '/conventions/bilan', as: 'ddo', url: () => '/conventions/bilan', h1: { fr: /ilan/, en: /alance/ } },
  { route: '/statistiques', as: 'ddo', url: () => '/statistiques', h1: { fr: /tatistiques/, en: /tatistics/ } },
];

type Item = { id: string } & Record<string, never>;

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`no ${what} in the demo data`);
  return value;
}

/** The demo data each sample address is built from, looked up through the API (ids differ per seed). */
async function lookUpSamples(api: APIRequestContext) {
  const items = async <T = Item>(path: string): Promise<T[]> => {
    const response = await api.get(path);
    if (!response.ok()) throw new Error(`${path}: ${response.status()}`);
    const body = await response.json();
    return Array.isArray(body) ? body : body.items;
  };
  const one = async <T = Item>(path: string, what: string, accept: (item: T) => boolean = () => true) => {
    const found = (await items<T>(path)).find(accept);
    if (!found) throw new Error(`no ${what} in the demo data (${path})`);
    return found;
  };
  type Named = { id: string; title: string };
  type Call = Named & { state: string; scope: string };
  const calls = await items<Call>('/api/calls?pageSize=100');
  const call = (what: string, accept: (c: Call) => boolean) => must(calls.find(accept), what);
  const published = call('published national call', (c) => c.state === 'published' && c.scope === 'national');
  const proposals = await items<Named & { state: string; office: { code: string } }>(
    `/api/calls/${published.id}/proposals`,
  );
  const referentialPages = await items<{ slug: string; title: string; openProposals: number }>(
    '/api/referential/pages',
  );
  const withProposal = must(
    referentialPages.find((p) => p.openProposals > 0),
    'referential page with an open proposal',
  );
  const proposalsOfPage = (await (await api.get(`/api/referential/pages/${withProposal.slug}`)).json())
    .proposals as Named[];
  const agreement = await one<Named & { state: string }>(
    '/api/agreements',
    'active agreement',
    (a) => a.state === 'active',
  );
  type Request = { id: string; reference: string; state: string; organisation: { code: string } };
  return {
    report: await one<{ id: string; number: string }>('/api/acceptance-reports', 'acceptance report'),
    office: await one('/api/organisations?q=CPAM-67', 'office CPAM-67'),
    user: await one<{ id: string; displayName: string }>('/api/users?q=Antoine', 'user Antoine Martin'),
    application: await one('/api/applications?q=GesCong%C3%A9s', 'GesCongés'),
    project: await one<Named & { holderOrganisation: { code: string } }>(
      '/api/projects?organisation=CPAM-67&pageSize=100',
      'project held by CPAM-67',
      (p) => p.holderOrganisation.code === 'CPAM-67',
    ),
    campaign: await one<Named & { subject: { id: string } }>(
      '/api/acceptance-campaigns',
      'acceptance campaign',
    ),
    gridVersion: must(
      (
        await one<{ kind: string; versions: { id: string }[] }>(
          '/api/evaluation-grids',
          'labelling grid',
          (g) => g.kind === 'labelling',
        )
      ).versions[0],
      'labelling grid version',
    ),
    evaluation: await one<{ id: string; subject: { title: string } }>('/api/evaluations', 'evaluation'),
    storeApplication: await one<{ id: string; name: string }>('/api/store', 'Store application'),
    submittedRequest: await one<Request>(
      '/api/deployment-requests?pageSize=100',
      'submitted deployment request',
      (r) => r.state === 'submitted',
    ),
    draftRequest: await one<Request>(
      '/api/deployment-requests?pageSize=100',
      'draft deployment request of CPAM-13',
      (r) => r.state === 'draft' && r.organisation.code === 'CPAM-13',
    ),
    developer: await one<{ id: string; displayName: string }>('/api/developers', 'developer'),
    referentApplication: await one('/api/referent-applications', 'referent application'),
    trainingSession: await one<Named>('/api/training-sessions', 'training session'),
    ticket: await one<{ id: string; subject: string; openerOffice: { code: string } }>(
      '/api/support-tickets?flow=application',
      'application ticket of CPAM-69',
      (t) => t.openerOffice.code === 'CPAM-69',
    ),
    referentialPage: must(referentialPages[0], 'referential page'),
    referentialProposal: must(proposalsOfPage[0], 'referential proposal'),
    call: published,
    draftCall: call('draft call', (c) => c.state === 'draft'),
    regionalCall: call('published regional call', (c) => c.state === 'published' && c.scope === 'regional'),
    proposal: must(
      proposals.find((p) => p.state !== 'draft' && p.office.code === 'CPAM-67'),
      'proposal of CPAM-67 past its draft',
    ),
    draftProposal: must(
      proposals.find((p) => p.state === 'draft' && p.office.code === 'CPAM-13'),
      'draft proposal of CPAM-13',
    ),
    meeting: await one<Named>('/api/board/meetings', 'board meeting'),
    boardItem: await one<Named>('/api/board/items', 'board item'),
    decision: await one<{ id: string; reference: string }>('/api/board/decisions', 'board decision'),
    agreement,
    statement: await one(`/api/agreements/${agreement.id}/statements`, 'statement'),
  };
}

const env = startServerAndBrowser();
let samples: Samples;
let accessibilityReportId: string;
/** The session of each account, signed in once (on first use) and shared by the templates it opens. */
const sessions = new Map<Account, Promise<StorageState>>();
type StorageState = Awaited<ReturnType<APIRequestContext['storageState']>>;

async function signedIn(account: Account): Promise<StorageState> {
  const api = await request.newContext({ baseURL: env.server.url });
  try {
    const response = await api.post('/api/auth/login', {
      data: { email: `${account}@mutualis.demo`, password: 'mutualis-demo' },
    });
    if (!response.ok()) throw new Error(`${account}: sign-in answered ${response.status()}`);
    return await api.storageState();
  } finally {
    await api.dispose();
  }
}

const sessionOf = (account: Account) => {
  let session = sessions.get(account);
  if (!session) {
    session = signedIn(account);
    sessions.set(account, session);
  }
  return session;
};

/**
 * A browser context with the account's session and French as the chosen language: its own, so that the
 * language one template switches to does not reach another visited at the same time.
 */
async function contextFor(account: Account | null) {
  const session = account ? await sessionOf(account) : { cookies: [], origins: [] };
  const origin = new URL(env.server.url).origin;
  const context = await env.browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
    storageState: {
      cookies: session.cookies,
      origins: [{ origin, localStorage: [{ name: 'mutualis.language', value: 'fr' }] }],
    },
  });
  context.setDefaultTimeout(20_000);
  return context;
}

/** Two visits at a time: axe keeps one core busy; the other is left to the second page and the server. */
const LANES = 2;
let running = 0;
const waiting: (() => void)[] = [];
async function inLane<T>(visit: () => Promise<T>): Promise<T> {
  if (running >= LANES) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await visit();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

beforeAll(async () => {
  // The demo holds no accessibility report: one is sent signed out, as anyone sends one.
  const visitor = await request.newContext({ baseURL: env.server.url });
  try {
    const sent = await visitor.post('/api/accessibility-reports', {
      data: {
        pageUrl: '/catalogue',
        description: 'Le filtre des régions ne se lit pas avec mon lecteur d’écran.',
        email: 'visiteur@exemple.fr',
      },
    });
    if (!sent.ok()) throw new Error(`accessibility report: ${sent.status()} ${await sent.text()}`);
  } finally {
    await visitor.dispose();
  }
  const admin = await request.newContext({ baseURL: env.server.url, storageState: await sessionOf('admin') });
  try {
    samples = await lookUpSamples(admin);
    const reports = await admin.get('/api/accessibility-reports');
    const [report] = (await reports.json()).items as { id: string }[];
    if (!report) throw new Error('no accessibility report after sending one');
    accessibilityReportId = report.id;
  } finally {
    await admin.dispose();
  }
});

const headingOf = (template: Template, language: 'fr' | 'en'): Heading => {
  const h1 = template.h1;
  if (typeof h1 === 'function') return h1(samples);
  if (typeof h1 === 'string' || h1 instanceof RegExp) return h1;
  return h1[language];
};

/**
 * Waits until the page's one h1 reads `heading` and the page has settled (no request for 500 ms); returns
 * what the h1 reads when it does not in time.
 */
async function settled(page: Page, heading: Heading): Promise<string> {
  const expected =
    typeof heading === 'string'
      ? { source: `^${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, flags: '' }
      : { source: heading.source, flags: heading.flags };
  try {
    await page.waitForFunction(({ source, flags }) => {
      const h1 = document.querySelectorAll('h1');
      return h1.length === 1 && new RegExp(source, flags).test(h1[0]?.textContent ?? '');
    }, expected);
  } catch {
    const h1 = await page.locator('h1').allTextContents();
    return `h1 ${JSON.stringify(h1)}, expected ${heading}`;
  }
  await page.waitForLoadState('networkidle');
  return 'settled';
}

/** Two animation frames: the layout of a new width has been drawn. */
const nextFrames = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

async function violations(page: Page, label: string) {
  const folder = process.env.MUTUALIS_SCREENSHOTS;
  if (folder)
    await page.screenshot({ path: `${folder}/${label.replace(/[^\w-]+/g, '_')}.png`, fullPage: true });
  return accessibilityViolations(page);
}

describe('page templates (axe WCAG 2.1 A/AA, French and English, 1280 and 390 px, no third-party request)', () => {
  it('every route of the router has a template, and every template names a route of the router', () => {
    const routes = routerPaths();
    const listed = TEMPLATES.map((t) => t.route);
    expect(routes.length).toBeGreaterThan(50);
    expect(
      routes.filter((route) => !listed.includes(route)),
      'routes without a template',
    ).toEqual([]);
    expect(
      listed.filter((route) => !routes.includes(route)),
      'templates of routes that are gone',
    ).toEqual([]);
    expect(
      listed.filter((route, index) => listed.indexOf(route) !== index),
      'routes listed twice',
    ).toEqual([]);
  });

  for (const template of TEMPLATES) {
    const name = `${template.route} (${template.as ?? 'signed out'})`;
    it.concurrent(
      name,
      ({ expect }) =>
        inLane(async () => {
          const context = await contextFor(template.as);
          const origin = new URL(env.server.url).origin;
          const foreign: string[] = [];
          context.on('request', (r) => {
            const url = new URL(r.url());
            if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin)
              foreign.push(r.url());
          });
          try {
            const page = await context.newPage();
            await page.goto(`${env.server.url}${template.url(samples)}`);
            expect(await settled(page, headingOf(template, 'fr')), 'French page').toBe('settled');
            expect(await violations(page, `${name} fr 1280`), 'French, 1280 px').toEqual([]);
            await page.setViewportSize({ width: 390, height: 844 });
            await nextFrames(page);
            expect(await violations(page, `${name} fr 390`), 'French, 390 px').toEqual([]);
            await page.evaluate(() => localStorage.setItem('mutualis.language', 'en'));
            await page.reload();
            expect(await settled(page, headingOf(template, 'en')), 'English page').toBe('settled');
            expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
            expect(await violations(page, `${name} en 390`), 'English, 390 px').toEqual([]);
            await page.setViewportSize({ width: 1280, height: 900 });
            await nextFrames(page);
            expect(await violations(page, `${name} en 1280`), 'English, 1280 px').toEqual([]);
            expect(foreign, 'requests to another host').toEqual([]);
          } finally {
            await context.close();
          }
        }),
      // Counted from the start of the wait for a lane (vitest starts five at once): generous on a busy machine.
      600_000,
    );
  }
});
