import { z } from 'zod';
import { PROPOSAL_STATES, REFERENTIAL_CATEGORIES, VOTE_VALUES } from '../referential/vocabulary.ts';
import { longText, text } from './common.ts';
import { lifecycleViewSchema, transitionSchema } from './lifecycle.ts';

const category = z.enum(REFERENTIAL_CATEGORIES, {
  error: 'La catégorie est psram, starterKit, security, cnil, hosting ou acceptance.',
});
const draft = {
  title: text('Le titre de la page')
    .min(3, { error: 'Le titre de la page compte au moins 3 caractères.' })
    .max(150, { error: 'Le titre de la page est limité à 150 caractères.' }),
  body: longText('Le contenu de la page (Markdown)')
    .min(10, { error: 'Le contenu de la page compte au moins 10 caractères.' })
    .max(100_000, { error: 'Le contenu de la page est limité à 100 000 caractères.' }),
  rationale: longText('La justification de la proposition')
    .min(10, { error: 'Expliquez la proposition en 10 caractères au moins.' })
    .max(5000, { error: 'La justification est limitée à 5 000 caractères.' }),
};

/** A change of an existing page, written from its current version (`baseVersionId`). */
export const proposeChangeSchema = z.object({
  baseVersionId: z.uuid({ error: 'La version de départ (baseVersionId) est un identifiant.' }),
  ...draft,
});
export type ProposeChangeInput = z.infer<typeof proposeChangeSchema>;

/** A new page, in a category. */
export const proposePageSchema = z.object({ category, ...draft });
export type ProposePageInput = z.infer<typeof proposePageSchema>;

/** One vote per person: voting again replaces it. */
export const voteSchema = z.object({
  value: z.enum(VOTE_VALUES, { error: 'Le vote vaut up (pour) ou down (contre).' }),
  comment: longText('Le commentaire', { missing: 'Le commentaire est un texte (vide si aucun).' }).max(2000, {
    error: 'Le commentaire est limité à 2 000 caractères.',
  }),
});
export type VoteInput = z.infer<typeof voteSchema>;

export const referentialListQuerySchema = z.object({
  q: text('La recherche').max(200, { error: 'La recherche est limitée à 200 caractères.' }).optional(),
  category: category.optional(),
});

const person = z.object({ id: z.string(), name: z.string(), office: z.string() });

export const referentialPageSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  category,
  versionNumber: z.number().int(),
  updatedAt: z.string(),
  openProposals: z.number().int(),
});

export const referentialListSchema = z
  .object({
    items: z.array(referentialPageSummarySchema),
    /** Proposals of new pages still open. */
    newPageProposals: z.array(
      z.object({ id: z.string(), title: z.string(), category, createdAt: z.string() }),
    ),
  })
  .meta({ id: 'ReferentialList' });
export type ReferentialListDto = z.infer<typeof referentialListSchema>;

const versionSummary = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  summary: z.string(),
  author: person.nullable(),
  acceptedBy: person.nullable(),
  createdAt: z.string(),
});

const proposalSummary = z.object({
  id: z.string(),
  title: z.string(),
  state: z.enum(PROPOSAL_STATES),
  author: person,
  createdAt: z.string(),
  up: z.number().int(),
  down: z.number().int(),
});

export const referentialPageSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    category,
    version: z.number().int(),
    current: versionSummary.extend({
      body: z.string(),
      bodyHtml: z.string(),
      toc: z.array(z.object({ level: z.number().int(), text: z.string(), anchor: z.string() })),
    }),
    /** The newest first. */
    versions: z.array(versionSummary),
    proposals: z.array(proposalSummary),
    abilities: z.object({ propose: z.boolean() }),
  })
  .meta({ id: 'ReferentialPage' });
export type ReferentialPageDto = z.infer<typeof referentialPageSchema>;

export const diffLineSchema = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
export type DiffLine = z.infer<typeof diffLineSchema>;

export const referentialDiffSchema = z
  .object({
    from: z.object({ number: z.number().int(), title: z.string() }),
    to: z.object({ number: z.number().int(), title: z.string() }),
    lines: z.array(diffLineSchema),
  })
  .meta({ id: 'ReferentialDiff' });
export type ReferentialDiffDto = z.infer<typeof referentialDiffSchema>;

const versionNumber = (label: string) =>
  z.coerce
    .number({ error: `${label} est un numéro de version.` })
    .int({ error: `${label} est un numéro de version entier.` })
    .min(1, { error: `${label} est un numéro de version (1 ou plus).` })
    .max(100_000, { error: `${label} est un numéro de version (100 000 au plus).` });

export const referentialDiffQuerySchema = z.object({
  from: versionNumber('La version de départ (from)'),
  to: versionNumber("La version d'arrivée (to)"),
});

export const proposalSchema = z
  .object({
    id: z.string(),
    page: z.object({ id: z.string(), slug: z.string(), title: z.string() }).nullable(),
    category,
    title: z.string(),
    body: z.string(),
    bodyHtml: z.string(),
    rationale: z.string(),
    state: z.enum(PROPOSAL_STATES),
    author: person,
    createdAt: z.string(),
    decisionNote: z.string().nullable(),
    version: z.number().int(),
    baseVersion: z.object({ id: z.string(), number: z.number().int() }).nullable(),
    /** Against the version it started from (every line added for a new page). */
    diff: z.array(diffLineSchema),
    votes: z.object({
      up: z.number().int(),
      down: z.number().int(),
      mine: z.enum(VOTE_VALUES).nullable(),
      items: z.array(
        z.object({ voter: person, value: z.enum(VOTE_VALUES), comment: z.string(), at: z.string() }),
      ),
    }),
    abilities: z.object({ vote: z.boolean() }),
    transitions: z.array(transitionSchema),
    lifecycles: z.array(lifecycleViewSchema),
  })
  .meta({ id: 'ReferentialProposal' });
export type ProposalDto = z.infer<typeof proposalSchema>;
