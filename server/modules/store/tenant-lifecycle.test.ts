import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDto } from '../../../common/schemas/deployment-request.ts';
import { REMOVED_DATA_RETENTION_DAYS } from '../../../common/store/vocabulary.ts';
import { signedInAs } from '../../test/catalog-fixtures.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { fire, requestUpTo, storeSheet } from '../../test/store-fixtures.ts';

/**
 * Suspending, resuming and removing a tenant, through the built-in simulator of AM Cloud (which makes a
 * tenant live as soon as it is ordered here): the transition commits, then the provisioning job asks the
 * platform and applies its answer.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ amCloudSimulatorDelayMs: 0 });
});
afterAll(() => t.close());

async function liveRequest() {
  const { request, people } = await requestUpTo(t, (await storeSheet(t, 'Locataire')).id, 'validated');
  const live = (await people.ddsi.get(`/api/deployment-requests/${request.id}`)).json() as RequestDto;
  expect(live.state).toBe('available');
  return { request: live, people };
}

describe('the end of a tenant', () => {
  it('is suspended and resumed by the DDSI, the platform asked after each transition', async () => {
    const { request, people } = await liveRequest();
    const suspended = await fire(people.ddsi, request, 'suspend', { reason: 'Faille à corriger.' });
    expect(suspended.statusCode).toBe(200);
    expect((suspended.json() as RequestDto).state).toBe('suspended');
    const after = (await people.ddsi.get(`/api/deployment-requests/${request.id}`)).json() as RequestDto;
    expect(after.tenant).toMatchObject({ status: 'suspended', pendingOperation: null });
    expect(after.tenant?.suspendedAt).not.toBeNull();
    // The director of the office may not suspend; only the DDSI.
    expect((await fire(people.director, after, 'resume', {})).statusCode).toBe(403);
    const resumed = await fire(people.ddsi, after, 'resume', {});
    expect((resumed.json() as RequestDto).state).toBe('available');
    const live = (await people.ddsi.get(`/api/deployment-requests/${request.id}`)).json() as RequestDto;
    expect(live.tenant).toMatchObject({ status: 'live', pendingOperation: null, suspendedAt: null });
  });

  it('is removed by its director with an export of its data, kept for the retention period; another office’s director is refused', async () => {
    const { request, people } = await liveRequest();
    const other = await signedInAs(t, ['officeDirector'], 'CPAM-13');
    expect((await fire(other, request, 'remove', { reason: 'Plus utilisée.' })).statusCode).toBe(403);
    const missing = await fire(people.director, request, 'remove', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('input.reason');
    const removed = await fire(people.director, request, 'remove', {
      reason: 'Plus utilisée.',
      exportData: true,
    });
    expect(removed.statusCode).toBe(200);
    const after = (await people.ddsi.get(`/api/deployment-requests/${request.id}`)).json() as RequestDto;
    expect(after.state).toBe('removed');
    expect(after.tenant).toMatchObject({ status: 'removed', pendingOperation: null, accessUrl: null });
    expect(after.tenant?.dataExportUrl).toMatch(/^https:\/\/exports\.amcloud\.simulateur\/.+\.zip$/);
    const kept =
      Date.parse(after.tenant?.dataRetainedUntil ?? '') - Date.parse(after.tenant?.removedAt ?? '');
    expect(Math.round(kept / 86_400_000)).toBe(REMOVED_DATA_RETENTION_DAYS);
    expect(after.transitions.filter((x) => x.allowed)).toEqual([]);
  });
});
