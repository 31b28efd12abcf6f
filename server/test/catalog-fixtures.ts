import type { App } from '../app.ts';
import type { Agent } from './harness.ts';

/** A valid sheet body for POST /api/applications; override what the test is about. */
export function sheetBody(designerOrganisationId: string, overrides: Record<string, unknown> = {}) {
  return {
    name: 'Gestion des congés',
    summary: 'Saisie et validation des demandes de congés et absences des agents.',
    description: '## Fonctions\n\n- demande de congé\n- validation par le manager',
    domainCode: 'ressources-humaines',
    designerOrganisationId,
    track: 'homologation',
    certificationStatus: 'inProgress',
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

export async function createSheet(
  agent: Agent,
  designerOrganisationId: string,
  overrides: Record<string, unknown> = {},
) {
  const response = await agent.post('/api/applications', sheetBody(designerOrganisationId, overrides));
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; code: string; version: number; [key: string]: unknown };
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
