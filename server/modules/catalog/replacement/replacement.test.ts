import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSheet } from '../../../test/catalog-fixtures.ts';
import {
  type Agent,
  createTestContext,
  organisationId,
  signUp,
  type TestContext,
} from '../../../test/harness.ts';

/** A redundancy resolved: a sheet retired in favour of a shared application, on the sheet and in the audit. */
let t: TestContext;
let developer: Agent; // CPAM du Bas-Rhin
let office: string;
beforeAll(async () => {
  t = await createTestContext();
  developer = (await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-67' })).agent;
  office = await organisationId(t.db, 'CPAM-67');
});
afterAll(() => t.close());

const retire = (agent: Agent, id: string, body: Record<string, unknown>) =>
  agent.request('PUT', `/api/applications/${id}/replacement`, body);

describe('retiring a sheet in favour of a shared one', () => {
  it('records it on the sheet, retired, with its audit event', async () => {
    const shared = await createSheet(developer, office, { name: 'Gestion mutualisée des courriers' });
    const local = await createSheet(developer, office, { name: 'Courriers locaux' });
    const response = await retire(developer, local.id, { version: 1, replacedById: shared.id });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      id: local.id,
      lifecycleStage: 'retired',
      replacedBy: { id: shared.id, code: shared.code, name: 'Gestion mutualisée des courriers' },
      version: 2,
    });
    const { replacedAt } = response.json();
    const sheet = (await developer.get(`/api/applications/${local.id}`)).json();
    expect(sheet).toMatchObject({
      lifecycleStage: 'retired',
      version: 2,
      replacedBy: { id: shared.id, code: shared.code, name: 'Gestion mutualisée des courriers' },
      replacedAt,
      replaces: [],
    });
    // The shared sheet lists what it replaced; it is itself replaced by nothing.
    const sharedSheet = (await developer.get(`/api/applications/${shared.id}`)).json();
    expect(sharedSheet).toMatchObject({ replacedBy: null, replacedAt: null, lifecycleStage: 'inProduction' });
    expect(sharedSheet.replaces).toEqual([
      { id: local.id, code: local.code, name: 'Courriers locaux', replacedAt },
    ]);
    const audit = (await t.db.execute(sql`SELECT before, after FROM audit_events
      WHERE action = 'application.retireInFavour' AND target_id = ${local.id}`)) as unknown as {
      rows: { before: Record<string, unknown>; after: Record<string, unknown> }[];
    };
    expect(audit.rows).toEqual([
      {
        before: { lifecycleStage: 'inProduction', replacedById: null, version: 1 },
        after: {
          lifecycleStage: 'retired',
          replacedById: shared.id,
          replacedByCode: shared.code,
          version: 2,
        },
      },
    ]);
    // Once is enough; and the retired sheet replaces nothing.
    expect((await retire(developer, local.id, { version: 2, replacedById: shared.id })).statusCode).toBe(409);
    const other = await createSheet(developer, office, { name: 'Courriers du service médical' });
    const onRetired = await retire(developer, other.id, { version: 1, replacedById: local.id });
    expect(onRetired.statusCode).toBe(422);
    expect(onRetired.json().errors[0].field).toBe('replacedById');
  });

  it('refuses itself, a stale version, an unknown sheet, and another office’s developer', async () => {
    const sheet = await createSheet(developer, office, { name: 'Relances des indus' });
    const shared = await createSheet(developer, office, { name: 'Recouvrement des indus' });
    const itself = await retire(developer, sheet.id, { version: 1, replacedById: sheet.id });
    expect(itself.statusCode).toBe(422);
    expect(itself.json().detail).toMatch(/propre profit/);
    const unknown = await retire(developer, sheet.id, {
      version: 1,
      replacedById: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(422);
    expect((await retire(developer, sheet.id, { version: 7, replacedById: shared.id })).statusCode).toBe(409);
    const stranger = (await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-13' })).agent;
    expect((await retire(stranger, sheet.id, { version: 1, replacedById: shared.id })).statusCode).toBe(403);
    const missing = await retire(developer, '00000000-0000-4000-8000-000000000000', {
      version: 1,
      replacedById: shared.id,
    });
    expect(missing.statusCode).toBe(404);
  });
});
