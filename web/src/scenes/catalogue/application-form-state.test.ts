import { describe, expect, it } from 'vitest';
import type { ApplicationDto } from '../../../../common/schemas/application.ts';
import { bodyOf, initialState } from './application-form-state.ts';

/** A sheet as GET /api/applications/:id answers it, with what the form reads. */
const sheet = {
  code: 'GESCONGES',
  name: 'GesCongés',
  summary: 'Demandes de congés et absences des agents.',
  description: '',
  domain: { code: 'ressources-humaines', label: 'Ressources humaines' },
  designerOrganisation: { id: '00000000-0000-4000-8000-000000000067' },
  contributors: [],
  track: 'homologation',
  lifecycleStage: 'inProduction',
  maturityLevel: 3,
  criticalityClass: 'moderate',
  technologies: { php: '8.2', symfony: null, starterKit: null, psram: null, database: null, others: [] },
  hosting: 'officeServer',
  personalData: false,
  personalDataCategories: [],
  cnilReference: null,
  connectors: [],
  forgeUrl: null,
  documentationUrl: null,
  licence: null,
  maintainer: { name: 'Léa Schmitt', email: 'lea.schmitt@example.org', phone: '03 88 00 00 01' },
  support: { name: null, email: null, phone: '+33 3 88 00 00 02' },
  versions: [],
  certificationStatus: 'homologated',
} as unknown as ApplicationDto;

describe('the application form', () => {
  it('sends back the contacts it was given, phones included, and never the certification', () => {
    const body = bodyOf(initialState(sheet, null), false);
    expect(body.maintainer).toEqual({
      name: 'Léa Schmitt',
      email: 'lea.schmitt@example.org',
      phone: '03 88 00 00 01',
    });
    expect(body.support).toEqual({ name: null, email: null, phone: '+33 3 88 00 00 02' });
    expect(body).not.toHaveProperty('certificationStatus');
  });
});
