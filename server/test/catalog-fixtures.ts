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
