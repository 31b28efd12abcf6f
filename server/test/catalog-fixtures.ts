import type { CertificationStatus } from '../../common/catalog/vocabulary.ts';
import type { ApplicationPageDto } from '../../common/schemas/application-search.ts';
import type { App } from '../app.ts';
import { type Agent, createUser, login, organisationId, type TestContext } from './harness.ts';

/** A user with these roles in that office, created and signed in. */
export async function signedInAs(
  t: TestContext,
  roles: Parameters<typeof createUser>[1]['roles'],
  organisationCode: string,
) {
  return login(t.app, (await createUser(t.db, { roles, organisationCode })).email);
}

/**
 * The people most catalogue tests need: a developer of the designer office (CPAM-69, `rhone`), a
 * developer of another office (CPAM-13), and an agent, who may read but not write.
 */
export async function designerAndOthers(t: TestContext) {
  return {
    rhone: await organisationId(t.db, 'CPAM-69'),
    developer: await signedInAs(t, ['developer'], 'CPAM-69'),
    otherDeveloper: await signedInAs(t, ['developer'], 'CPAM-13'),
    agent: await signedInAs(t, ['agent'], 'CPAM-13'),
  };
}

/** A valid sheet body for POST /api/applications; override what the test is about. */
export function sheetBody(designerOrganisationId: string, overrides: Record<string, unknown> = {}) {
  return {
    name: 'Gestion des congés',
    summary: 'Saisie et validation des demandes de congés et absences des agents.',
    description: '## Fonctions\n\n- demande de congé\n- validation par le manager',
    domainCode: 'ressources-humaines',
    designerOrganisationId,
    track: 'homologation',
    lifecycleStage: 'inProduction',
    technologies: {
      php: '8.2',
      symfony: '6.4',
      starterKit: '3.1',
      psram: '2.0',
      database: 'PostgreSQL',
      others: [],
    },
    hosting: 'officeServer',
    personalData: true,
    personalDataCategories: ['identity', 'professional'],
    ...overrides,
  };
}

type CreatedSheet = { id: string; code: string; version: number; [key: string]: unknown };

/**
 * Creates a sheet as the agent; a `certificationStatus` among the overrides is reached afterwards through
 * the certification lifecycle, fired by a DDSI account (certification is not a field of the form).
 */
export async function createSheet(
  agent: Agent,
  designerOrganisationId: string,
  overrides: Record<string, unknown> = {},
): Promise<CreatedSheet> {
  const { certificationStatus, ...fields } = overrides;
  const response = await agent.post('/api/applications', sheetBody(designerOrganisationId, fields));
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  const created = response.json() as CreatedSheet;
  if (!certificationStatus || certificationStatus === 'none') return created;
  return certifySheet(agent.app, created.id, certificationStatus as CertificationStatus);
}

const certifiers = new WeakMap<App, Promise<Agent>>();
function certifierOf(app: App) {
  let agent = certifiers.get(app);
  if (!agent) {
    agent = createUser(app.deps.db, { roles: ['itDirectorate'], organisationCode: 'CNAM-DDSI' }).then(
      (user) => login(app, user.email),
    );
    certifiers.set(app, agent);
  }
  return agent;
}

const STEPS: Record<CertificationStatus, string[]> = {
  none: [],
  inProgress: ['startCertification'],
  labelled: ['certify'],
  homologated: ['certify'],
  withdrawn: ['startCertification', 'withdrawCertification'],
};

/** What each certification step takes (a field a transition does not take is refused). */
const INPUTS: Record<string, Record<string, string>> = {
  startCertification: {},
  certify: { rationale: 'Procès-verbal de test' },
  withdrawCertification: { reason: 'Retrait de test' },
};

/** Moves a sheet's certification to `status` as the DDSI does, through the transitions route. */
export async function certifySheet(app: App, id: string, status: CertificationStatus): Promise<CreatedSheet> {
  const ddsi = await certifierOf(app);
  let sheet = (await ddsi.get(`/api/applications/${id}`)).json() as CreatedSheet;
  for (const action of STEPS[status]) {
    const response = await ddsi.post(`/api/applications/${id}/transitions`, {
      action,
      version: sheet.version,
      input: INPUTS[action],
    });
    if (response.statusCode !== 200)
      throw new Error(`${action} failed: ${response.statusCode} ${response.body}`);
    sheet = response.json() as CreatedSheet;
  }
  return sheet;
}

export interface UploadedFile {
  name: string;
  type?: string;
  content: Buffer | string;
}

/** A multipart form as a browser sends it (the fields before the file): its body and content type. */
export function multipartForm(file: UploadedFile, fields: Record<string, string> = {}) {
  const boundary = '----mutualis-test';
  const parts = Object.entries(fields).map(
    ([key, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`,
  );
  const payload = Buffer.concat([
    Buffer.from(parts.join('')),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Sends a file as a browser form does, as the signed-in agent. */
export function uploadFile(
  app: App,
  agent: Agent,
  url: string,
  file: UploadedFile,
  fields: Record<string, string> = {},
) {
  const { payload, contentType } = multipartForm(file, fields);
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken, 'content-type': contentType },
    payload,
  });
}

/** GET /api/applications?query as this agent: a 200 and its page. */
export async function searchAs(agent: Agent, query: string) {
  const response = await agent.get(`/api/applications?${query}`);
  if (response.statusCode !== 200) throw new Error(`search failed: ${response.statusCode} ${response.body}`);
  return response.json() as ApplicationPageDto;
}

/** The codes of a page of results, in order. */
export const codesOf = (page: ApplicationPageDto) => page.items.map((i) => i.code);
