import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeveloperDirectoryDto, DeveloperProfileDto } from '../../../common/schemas/community.ts';
import { auditEvents } from '../../db/schema.ts';
import { createSheet } from '../../test/catalog-fixtures.ts';
import { createTestContext, organisationId, signUp, type TestContext } from '../../test/harness.ts';
import { markTrained } from './developers.queries.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const profile = (overrides: Record<string, unknown> = {}) => ({
  headline: 'Développeuse PHP',
  skills: ['Recette', 'Accessibilité'],
  technologies: ['PHP', 'Symfony'],
  applicationIds: [],
  projectIds: [],
  availableForCollaboration: true,
  ...overrides,
});

describe('developer profiles', () => {
  it('the person writes her profile (first without a version, then at the version read) and the network sees it', async () => {
    const { user, agent } = await signUp(t, {
      roles: ['developer'],
      organisationCode: 'CPAM-35',
      displayName: 'Annaïg Le Goff',
    });
    const admin = (await signUp(t, { roles: ['admin'], organisationCode: 'CNAM-DDSI' })).agent;
    const sheet = await createSheet(admin, await organisationId(t.db, 'CPAM-35'), {
      name: 'Outil de Rennes',
    });

    const first = await agent.request('PUT', '/api/me/developer-profile', {
      ...profile({ technologies: ['PHP', 'php', 'Symfony'], applicationIds: [sheet.id, sheet.id] }),
    });
    expect(first.statusCode, first.body).toBe(200);
    const written = first.json<DeveloperProfileDto>();
    expect(written).toMatchObject({
      displayName: 'Annaïg Le Goff',
      office: { code: 'CPAM-35', region: 'bretagne' },
      technologies: ['PHP', 'Symfony'],
      applications: [{ id: sheet.id, name: 'Outil de Rennes' }],
      version: 1,
      editable: true,
      trainedAt: null,
    });

    const colleague = (await signUp(t, { roles: ['agent'], organisationCode: 'CPAM-13' })).agent;
    const seen = (await colleague.get(`/api/developers/${user.id}`)).json<DeveloperProfileDto>();
    expect(seen).toMatchObject({
      headline: 'Développeuse PHP',
      editable: false,
      availableForCollaboration: true,
    });

    const second = await agent.request('PUT', '/api/me/developer-profile', {
      ...profile({ headline: 'Référente accessibilité' }),
      version: 1,
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({
      headline: 'Référente accessibilité',
      version: 2,
      applications: [],
    });

    const stale = await agent.request('PUT', '/api/me/developer-profile', { ...profile(), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(/Ce profil a été modifié/);

    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'developerProfile.update'), eq(auditEvents.targetId, user.id)));
    expect(events).toHaveLength(2);
  });

  it('refuses what does not hold, in French, naming the field', async () => {
    const { agent } = await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-69' });
    const put = (body: unknown) => agent.request('PUT', '/api/me/developer-profile', body);

    const unknownApp = await put(profile({ applicationIds: ['00000000-0000-4000-8000-000000000000'] }));
    expect(unknownApp.statusCode).toBe(422);
    expect(unknownApp.json().errors).toEqual([
      { field: 'applicationIds', message: "Une des applications citées n'existe pas dans le catalogue." },
    ]);

    const notAList = await put(profile({ technologies: 'PHP' }));
    expect(notAList.statusCode).toBe(400);
    expect(notAList.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(notAList.json().errors[0]).toMatchObject({ field: 'technologies' });
    expect(notAList.json().errors[0].message).toMatch(/liste/);

    const extra = await put({ ...profile(), trainedAt: '2026-01-01' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors[0].field).toBe('trainedAt');

    const tooLong = await put(profile({ skills: ['x'.repeat(61)] }));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].message).toBe('Une compétence est limité à 60 caractères.');

    const firstWithVersion = await put({ ...profile(), version: 3 });
    expect(firstWithVersion.statusCode).toBe(409);

    const badQuery = await agent.get('/api/developers?trained=peut-etre');
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().errors[0]).toMatchObject({ field: 'trained' });
  });

  it('only developers and referents keep a profile', async () => {
    const { agent } = await signUp(t, { roles: ['agent'], organisationCode: 'CPAM-69' });
    const response = await agent.request('PUT', '/api/me/developer-profile', profile());
    expect(response.statusCode).toBe(403);
    const missing = await agent.get(`/api/developers/${(await signUp(t, { roles: ['agent'] })).user.id}`);
    expect(missing.statusCode).toBe(404);
  });
});

describe('the developers directory', () => {
  it('searches and filters by region, technology, skill, training and availability, with facets', async () => {
    const tech = `Laminas${Date.now()}`;
    const people = [
      { code: 'CPAM-33', name: 'Bordelais Un', technologies: [tech, 'PHP'], available: true, trained: true },
      { code: 'CPAM-33', name: 'Bordelais Deux', technologies: [tech], available: false, trained: false },
      {
        code: 'CPAM-67',
        name: 'Strasbourgeois',
        technologies: [tech, 'Java'],
        available: true,
        trained: false,
      },
    ];
    for (const person of people) {
      const { user, agent } = await signUp(t, {
        roles: ['developer'],
        organisationCode: person.code,
        displayName: person.name,
      });
      const put = await agent.request(
        'PUT',
        '/api/me/developer-profile',
        profile({ technologies: person.technologies, availableForCollaboration: person.available }),
      );
      expect(put.statusCode, put.body).toBe(200);
      if (person.trained) await markTrained(t.db, user.id, '2026-03-12');
    }
    // Agents are not in the directory, even with the technology in their name.
    await signUp(t, { roles: ['agent'], organisationCode: 'CPAM-33', displayName: `Agent ${tech}` });
    const reader = (await signUp(t, { roles: ['agent'], organisationCode: 'CPAM-13' })).agent;
    const search = async (query: string) => {
      const response = await reader.get(`/api/developers?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<DeveloperDirectoryDto>();
    };

    const all = await search(`q=${tech.toLowerCase()}`);
    expect(all.items.map((d) => d.displayName)).toEqual(['Bordelais Deux', 'Bordelais Un', 'Strasbourgeois']);
    expect(all.facets.regions).toEqual([
      { value: 'nouvelle-aquitaine', count: 2 },
      { value: 'grand-est', count: 1 },
    ]);
    expect(all.facets.technologies[0]).toEqual({ value: tech, count: 3 });
    expect(all.facets.technologies).toContainEqual({ value: 'Java', count: 1 });
    expect(all.facets).toMatchObject({ trained: 1, available: 2 });

    const inRegion = await search(`technology=${tech.toUpperCase()}&region=nouvelle-aquitaine`);
    expect(inRegion.items.map((d) => d.displayName)).toEqual(['Bordelais Deux', 'Bordelais Un']);
    expect((await search(`technology=${tech}&trained=true`)).items.map((d) => d.displayName)).toEqual([
      'Bordelais Un',
    ]);
    const available = await search(`technology=${tech}&available=true`);
    // A query string naming a filter twice is refused, naming it.
    expect((await reader.get(`/api/developers?technology=a&technology=b`)).statusCode).toBe(400);
    expect(available.items.map((d) => d.displayName)).toEqual(['Bordelais Un', 'Strasbourgeois']);
    const trainedOne = (await search(`technology=${tech}&trained=true`)).items[0];
    expect(trainedOne?.trainedAt).toBe('2026-03-12');
    expect((await search(`q=bordelais&skill=accessibilite`)).total).toBe(2);
    expect((await search(`q=bordelais&skill=Java`)).total).toBe(0);
  });
});
