import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema.ts';
import { createTestContext, createUser, login, type TestContext } from '../../test/harness.ts';

/**
 * The completion of mentions: `@` and a few letters propose active people by the start of a name, with
 * their office, never their e-mail address; a handful at a time; never the asker.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
}, 60_000);
afterAll(() => t.close());

type Suggestion = { handle: string; displayName: string; office: string };
const suggest = async (agent: Awaited<ReturnType<typeof login>>, q: string) => {
  const response = await agent.get(`/api/people/mentions?q=${encodeURIComponent(q)}`);
  expect(response.statusCode).toBe(200);
  return response.json().items as Suggestion[];
};

describe('mention suggestions', () => {
  it('propose active people whose first or last name starts with the letters, accents aside', async () => {
    const asker = await createUser(t.db, { roles: ['agent'], displayName: 'Éloïse Demandeuse' });
    await createUser(t.db, { roles: ['developer'], organisationCode: 'CPAM-13', displayName: 'Éloïse Cité' });
    await createUser(t.db, { roles: ['agent'], displayName: 'Jean-Éloi Partant' });
    const gone = await createUser(t.db, { roles: ['agent'], displayName: 'Éloïse Partie' });
    await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, gone.id));
    const agent = await login(t.app, asker.email);

    const byFirstName = await suggest(agent, 'Élo');
    // A part of a compound first name counts too (Jean-Éloi); the deactivated Éloïse and the asker do not.
    expect(byFirstName.map((s) => s.handle)).toEqual(['eloise.cite', 'jean-eloi.partant']);
    expect(byFirstName[0]).toMatchObject({
      handle: 'eloise.cite',
      displayName: 'Éloïse Cité',
      office: expect.stringMatching(/Bouches-du-Rhône|Marseille/),
    });
    expect(Object.keys(byFirstName[0] ?? {})).not.toContain('email');
    expect((await suggest(agent, 'cit')).map((s) => s.handle)).toEqual(['eloise.cite']);
    expect((await suggest(agent, 'jean')).map((s) => s.handle)).toEqual(['jean-eloi.partant']);
    expect((await suggest(agent, 'eloise.c')).map((s) => s.handle)).toEqual(['eloise.cite']);
    expect(await suggest(agent, 'zzz')).toEqual([]);
  });

  it('propose a handful at a time', async () => {
    for (let i = 0; i < 10; i += 1)
      await createUser(t.db, { roles: ['agent'], displayName: 'Zéphyrine Nombreuse' });
    const agent = await login(
      t.app,
      (await createUser(t.db, { roles: ['sponsor'], organisationCode: 'CNAM-DDGOS' })).email,
    );
    const many = await suggest(agent, 'zeph');
    expect(many).toHaveLength(8);
    expect(new Set(many.map((s) => s.handle))).toEqual(new Set(['zephyrine.nombreuse']));
  });

  it('refuses what cannot start a name, in French', async () => {
    const agent = await login(t.app, (await createUser(t.db, { roles: ['agent'] })).email);
    for (const q of ['a%', '_', '1abc', 'a'.repeat(61)]) {
      const refused = await agent.get(`/api/people/mentions?q=${encodeURIComponent(q)}`);
      expect(refused.statusCode, q).toBe(400);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.json().errors[0].field).toBe('q');
    }
    const missing = await agent.get('/api/people/mentions');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toContain('Tapez le début d’un nom après @.');
  });
});
