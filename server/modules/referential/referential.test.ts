import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema.ts';
import { lineDiff } from '../../lib/line-diff.ts';
import { signedInAs } from '../../test/catalog-fixtures.ts';
import { type Agent, createTestContext, type TestContext } from '../../test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
}, 120_000);
afterAll(() => t.close());

const PSRAM_V1 = [
  '# Nommage des classes',
  '',
  '## Règle',
  '',
  'Les classes sont nommées en PascalCase.',
  '',
  '## Exemple',
  '',
  '`class DossierAssure`',
].join('\n');

/** A page published the way the community does it: proposed, then accepted by a maintainer. */
async function publishPage(
  author: Agent,
  maintainer: Agent,
  input: { category: string; title: string; body: string },
) {
  const proposed = await author.post('/api/referential/proposals', {
    ...input,
    rationale: 'Première version de la page.',
  });
  expect(proposed.statusCode).toBe(201);
  const accepted = await maintainer.post(`/api/referential/proposals/${proposed.json().id}/transitions`, {
    action: 'accept',
    version: 1,
  });
  expect(accepted.statusCode).toBe(200);
  return accepted.json().page as { id: string; slug: string };
}

describe('good-practice referential', () => {
  it('a referent proposes a change of a PSRAM page, two people vote once each, the DDSI accepts, the history shows the diff', async () => {
    const referent = await signedInAs(t, ['referent'], 'CPAM-67');
    const ddsi = await signedInAs(t, ['itDirectorate'], 'CNAM-DDGOS');
    const developer = await signedInAs(t, ['developer'], 'CPAM-69');
    const agent = await signedInAs(t, ['agent'], 'CPAM-13');
    const page = await publishPage(referent, ddsi, {
      category: 'psram',
      title: 'Nommage des classes',
      body: PSRAM_V1,
    });
    expect(page.slug).toBe('nommage-des-classes');

    const read = (await developer.get(`/api/referential/pages/${page.slug}`)).json();
    expect(read.current).toMatchObject({ number: 1, title: 'Nommage des classes' });
    expect(read.current.toc).toEqual([
      { level: 2, text: 'Règle', anchor: 'section-regle' },
      { level: 2, text: 'Exemple', anchor: 'section-exemple' },
    ]);
    expect(read.current.bodyHtml).toContain('<h2 id="section-regle">Règle</h2>');

    const body = PSRAM_V1.replace('en PascalCase.', 'en PascalCase, sans abréviation.');
    const proposed = await referent.request('POST', `/api/referential/pages/${page.slug}/proposals`, {
      baseVersionId: read.current.id,
      title: 'Nommage des classes',
      body,
      rationale: 'Les abréviations gênent la relecture.',
    });
    expect(proposed.statusCode).toBe(201);
    const id = proposed.json().id;
    expect(proposed.json().diff.filter((l: { kind: string }) => l.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'Les classes sont nommées en PascalCase.' },
      { kind: 'added', text: 'Les classes sont nommées en PascalCase, sans abréviation.' },
    ]);

    // One vote per person: the developer changes his mind, his vote is replaced.
    await developer.request('PUT', `/api/referential/proposals/${id}/vote`, {
      value: 'down',
      comment: 'Trop strict',
    });
    await developer.request('PUT', `/api/referential/proposals/${id}/vote`, {
      value: 'up',
      comment: 'Convaincu',
    });
    const voted = await agent.request('PUT', `/api/referential/proposals/${id}/vote`, {
      value: 'up',
      comment: '',
    });
    expect(voted.json().votes).toMatchObject({ up: 2, down: 0, mine: 'up' });
    expect(voted.json().votes.items.map((v: { comment: string }) => v.comment)).toEqual(['Convaincu', '']);

    // A developer may not decide; the DDSI may.
    const refused = await developer.post(`/api/referential/proposals/${id}/transitions`, {
      action: 'accept',
      version: 1,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe("Vous n'avez pas les droits nécessaires pour cette action.");
    const accepted = await ddsi.post(`/api/referential/proposals/${id}/transitions`, {
      action: 'accept',
      version: 1,
    });
    expect(accepted.json().state).toBe('accepted');

    const after = (await agent.get(`/api/referential/pages/${page.slug}`)).json();
    expect(after.current).toMatchObject({ number: 2, author: { name: expect.any(String) } });
    expect(after.current.acceptedBy).not.toBeNull();
    expect(after.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const diff = (await agent.get(`/api/referential/pages/${page.slug}/diff?from=1&to=2`)).json();
    expect(diff.lines.filter((l: { kind: string }) => l.kind === 'added')).toEqual([
      { kind: 'added', text: 'Les classes sont nommées en PascalCase, sans abréviation.' },
    ]);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, id), eq(auditEvents.action, 'referentialProposal.accept')));
    expect(audit).toBeDefined();

    // Closed: no more votes.
    const late = await agent.request('PUT', `/api/referential/proposals/${id}/vote`, {
      value: 'down',
      comment: '',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe('Cette proposition est close : elle ne prend plus de vote.');
  });

  it('refuses to accept a change written from a version that is no longer current, and to write one', async () => {
    const referent = await signedInAs(t, ['referent'], 'CPAM-67');
    const page = await publishPage(referent, referent, {
      category: 'security',
      title: 'Mots de passe',
      body: 'Douze caractères au moins.',
    });
    const base = (await referent.get(`/api/referential/pages/${page.slug}`)).json().current.id;
    const propose = (text: string) =>
      referent.post(`/api/referential/pages/${page.slug}/proposals`, {
        baseVersionId: base,
        title: 'Mots de passe',
        body: text,
        rationale: 'Recommandation ANSSI à jour.',
      });
    const first = (await propose('Quatorze caractères au moins.')).json().id;
    const second = (await propose('Seize caractères au moins.')).json().id;
    await referent.post(`/api/referential/proposals/${first}/transitions`, { action: 'accept', version: 1 });
    const stale = await referent.post(`/api/referential/proposals/${second}/transitions`, {
      action: 'accept',
      version: 1,
    });
    expect(stale.statusCode).toBe(422);
    expect(stale.json().detail).toBe(
      'La page a changé depuis cette proposition : son auteur doit la reprendre sur la version courante.',
    );
    const late = await propose('Vingt caractères.');
    expect(late.statusCode).toBe(409);

    const declined = await referent.post(`/api/referential/proposals/${second}/transitions`, {
      action: 'decline',
      version: 1,
      input: {},
    });
    expect(declined.statusCode).toBe(400);
    expect(declined.json().detail).toContain('Indiquez le motif du refus.');
  });

  it('finds pages by a French search (stems, accents) and by category', async () => {
    const referent = await signedInAs(t, ['referent'], 'CPAM-67');
    await publishPage(referent, referent, {
      category: 'cnil',
      title: 'Journalisation des accès',
      body: 'Les accès aux données de santé sont journalisés et conservés six mois.',
    });
    const search = async (query: string) =>
      (await referent.get(`/api/referential/pages?${query}`))
        .json()
        .items.map((p: { title: string }) => p.title);
    expect(await search('q=donn%C3%A9e%20journalis%C3%A9e')).toContain('Journalisation des accès');
    expect(await search('category=cnil')).toContain('Journalisation des accès');
    expect(await search('category=hosting&q=journalisation')).toEqual([]);
    expect(await search('q=hébergement%20souverain')).not.toContain('Journalisation des accès');
  });

  it('answers bad input in French, naming the field', async () => {
    const agent = await signedInAs(t, ['agent'], 'CPAM-13');
    const short = await agent.post('/api/referential/proposals', {
      category: 'psram',
      title: 'A',
      body: 'x',
      rationale: 'y',
    });
    expect(short.statusCode).toBe(400);
    expect(short.headers['content-type']).toContain('application/problem+json');
    expect(short.json().detail).toContain('Le titre de la page compte au moins 3 caractères.');
    const category = await agent.post('/api/referential/proposals', {
      category: 'divers',
      title: 'Titre',
      body: 'Contenu assez long.',
      rationale: 'Justification assez longue.',
    });
    expect(category.json().detail).toContain('La catégorie est psram');
    const missing = await agent.get('/api/referential/pages/page-absente');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toBe('Cette page du référentiel est introuvable.');
  });

  it('diffs lines as the longest common subsequence, removals before additions', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc\nd')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'x' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
  });
});
