import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteSettingsDto } from '../../../common/legal/site-settings.ts';
import { DEFAULT_SITE_SETTINGS, loadSiteSettings } from '../../db/reference/load-site-settings.ts';
import { auditEvents } from '../../db/schema.ts';
import { signedInAs } from '../../test/catalog-fixtures.ts';
import { type Agent, createTestContext, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let admin: Agent;
beforeAll(async () => {
  t = await createTestContext();
  admin = await signedInAs(t, ['admin'], 'CNAM-DDO');
});
afterAll(() => t.close());

const read = async () =>
  (await t.app.inject({ method: 'GET', url: '/api/site-settings' })).json() as SiteSettingsDto;

/** Every field, from what is saved now, with the changes asked. */
async function bodyWith(changes: Record<string, unknown> = {}) {
  const { updatedAt: _at, ...current } = await read();
  return { ...current, ...changes };
}

const put = (agent: Agent, body: unknown) => agent.request('PUT', '/api/site-settings', body);

describe('the site settings', () => {
  it('are read without signing in: the Cnam as publisher and AM Cloud as host, from the start', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/site-settings' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      publisherName: DEFAULT_SITE_SETTINGS.publisherName,
      publisherAddress: '50 avenue du Professeur André Lemierre\n75986 Paris Cedex 20',
      hostName: expect.stringContaining('AM Cloud'),
      hostPhone: null,
    });
    // Loading the reference data again never replaces them.
    expect(await loadSiteSettings(t.db)).toBe(0);
  });

  it('an administrator changes the director of publication; the change is audited with both sides', async () => {
    const before = await read();
    const response = await put(
      admin,
      await bodyWith({ publicationDirector: '  Mme Claire Martin, directrice générale  ', hostPhone: '' }),
    );
    expect(response.statusCode).toBe(200);
    const saved = response.json() as SiteSettingsDto;
    expect(saved.publicationDirector).toBe('Mme Claire Martin, directrice générale');
    expect(saved.hostPhone).toBeNull();
    expect(saved.version).toBe(before.version + 1);
    expect((await read()).publicationDirector).toBe('Mme Claire Martin, directrice générale');

    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'siteSettings.update'), eq(auditEvents.targetType, 'siteSettings')))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event?.before).toMatchObject({ publicationDirector: before.publicationDirector });
    expect(event?.after).toMatchObject({ publicationDirector: 'Mme Claire Martin, directrice générale' });
  });

  it('a save on a version someone else replaced is refused (409), and nothing changes', async () => {
    const stale = await bodyWith({ publicationDirector: 'Premier' });
    expect((await put(admin, stale)).statusCode).toBe(200);
    const second = await put(admin, { ...stale, publicationDirector: 'Second' });
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json().detail).toMatch(/modifié par quelqu'un d'autre/);
    expect((await read()).publicationDirector).toBe('Premier');
  });

  it('refuses bad input in French, naming the field', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ publicationDirector: '   ' }, 'publicationDirector', /directeur de la publication est obligatoire/],
      [{ dataRequestsEmail: 'pas-une-adresse' }, 'dataRequestsEmail', /adresse e-mail valide/],
      [{ hostPhone: 'appelez-nous' }, 'hostPhone', /chiffres/],
      [{ publisherName: 'x'.repeat(201) }, 'publisherName', /limité à 200 caractères/],
      [{ hostName: 'DDSI\nAM Cloud' }, 'hostName', /tient sur une ligne/],
      [{ version: 'deux' }, 'version', /version/],
      [{ siret: '123' }, 'siret', /n'existe pas/],
    ];
    for (const [changes, field, message] of cases) {
      const response = await put(admin, await bodyWith(changes));
      expect(response.statusCode, field).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json() as { errors: { field: string; message: string }[] };
      const error = problem.errors.find((e) => e.field === field);
      expect(error?.message, field).toMatch(message);
    }
    const { publicationDirector: _gone, ...missing } = await bodyWith();
    const response = await put(admin, missing);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toContainEqual({
      field: 'publicationDirector',
      message: 'Le directeur de la publication est obligatoire.',
    });
  });

  it('only an administrator writes them; anonymous callers are asked to sign in', async () => {
    const director = await signedInAs(t, ['officeDirector', 'operationsDirectorate'], 'CNAM-DDO');
    const body = await bodyWith({ publicationDirector: 'Intrus' });
    expect((await put(director, body)).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'PUT', url: '/api/site-settings', payload: body });
    expect(anonymous.statusCode).toBe(401);
    expect((await read()).publicationDirector).not.toBe('Intrus');
    const me = (await admin.get('/api/me')).json() as { abilities: string[] };
    expect(me.abilities).toContain('siteSettings.update');
    const other = (await director.get('/api/me')).json() as { abilities: string[] };
    expect(other.abilities).not.toContain('siteSettings.update');
  });
});
