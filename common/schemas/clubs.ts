import { z } from 'zod';
import { WISH_STATES, WISH_VOTE_VALUES } from '../clubs/vocabulary.ts';
import { calendarDate, longText, rowVersion, text } from './common.ts';
import { transitionSchema } from './lifecycle.ts';

/** User clubs (letter §2.2.1): members, news, meetings, the wish list and its votes. */

const title = (label: string) =>
  text(label)
    .min(3, { error: `${label} compte au moins 3 caractères.` })
    .max(200, { error: `${label} est limité à 200 caractères.` });
/** Markdown: leading spaces mean something, so the text is not trimmed. */
const markdown = (label: string, min: number, max: number) =>
  longText(label, { trim: false })
    .max(max, { error: `${label} est limité à ${max.toLocaleString('fr-FR')} caractères.` })
    .refine((value) => value.trim().length >= min, { error: `${label} compte au moins ${min} caractères.` });

export const clubPostInputSchema = z.object({
  title: title('Le titre'),
  body: markdown('Le texte', 3, 20_000),
});
export type ClubPostInput = z.infer<typeof clubPostInputSchema>;

export const clubMeetingInputSchema = z.object({
  title: title('Le titre'),
  heldOn: calendarDate('La date de la réunion'),
  agenda: markdown("L'ordre du jour", 3, 20_000),
  minutes: markdown('Le compte rendu', 3, 50_000).optional(),
});
export type ClubMeetingInput = z.infer<typeof clubMeetingInputSchema>;

export const clubMeetingUpdateSchema = z.object({
  title: title('Le titre').optional(),
  heldOn: calendarDate('La date de la réunion').optional(),
  agenda: markdown("L'ordre du jour", 3, 20_000).optional(),
  minutes: markdown('Le compte rendu', 3, 50_000).nullable().optional(),
  version: rowVersion,
});
export type ClubMeetingUpdate = z.infer<typeof clubMeetingUpdateSchema>;

export const clubWishInputSchema = z.object({
  title: title('Le titre'),
  description: longText('La description')
    .min(10, { error: "Décrivez l'évolution souhaitée (10 caractères au moins)." })
    .max(8000, { error: 'La description est limitée à 8 000 caractères.' }),
});
export type ClubWishInput = z.infer<typeof clubWishInputSchema>;

export const clubVoteSchema = z.object({
  value: z.enum(WISH_VOTE_VALUES, { error: 'Le vote vaut for (pour) ou against (contre).' }),
});
export type ClubVoteInput = z.infer<typeof clubVoteSchema>;

export const clubMemberParamsSchema = z.object({
  id: z.uuid({ error: "L'identifiant de l'application n'est pas valide." }),
  organisationId: z.uuid({ error: "L'identifiant de l'organisme n'est pas valide." }),
});

const office = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
const person = z.object({ id: z.uuid(), displayName: z.string() });

export const clubPostSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    body: z.string(),
    /** The body rendered from Markdown, sanitised. */
    html: z.string(),
    author: person,
    publishedAt: z.string(),
  })
  .meta({ id: 'ClubPost' });
export type ClubPostDto = z.infer<typeof clubPostSchema>;

export const clubMeetingSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    heldOn: z.string(),
    agenda: z.string(),
    agendaHtml: z.string(),
    minutes: z.string().nullable(),
    minutesHtml: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'ClubMeeting' });
export type ClubMeetingDto = z.infer<typeof clubMeetingSchema>;

export const clubWishSchema = z
  .object({
    id: z.uuid(),
    applicationId: z.uuid(),
    title: z.string(),
    description: z.string(),
    state: z.enum(WISH_STATES),
    plannedVersion: z.string().nullable(),
    declineReason: z.string().nullable(),
    author: person,
    office,
    votesFor: z.number().int(),
    votesAgainst: z.number().int(),
    /** The caller's office's vote. */
    myVote: z.enum(WISH_VOTE_VALUES).nullable(),
    /** May the caller's office vote on it now (a member, the wish open). */
    canVote: z.boolean(),
    createdAt: z.string(),
    version: z.number().int(),
    transitions: z.array(transitionSchema),
  })
  .meta({ id: 'ClubWish' });
export type ClubWishDto = z.infer<typeof clubWishSchema>;

export const clubSchema = z
  .object({
    application: z.object({ id: z.uuid(), code: z.string(), name: z.string(), archived: z.boolean() }),
    designerOffice: office,
    members: z.array(z.object({ office, contacts: z.array(person), joinedAt: z.string() })),
    posts: z.array(clubPostSchema),
    meetings: z.array(clubMeetingSchema),
    wishes: z.array(clubWishSchema),
    /** What the caller may do in this club. */
    can: z.object({
      join: z.boolean(),
      leave: z.boolean(),
      publish: z.boolean(),
      wish: z.boolean(),
      vote: z.boolean(),
    }),
    /** Whether the caller's office is a member (and the caller one of its contacts). */
    membership: z.object({ member: z.boolean(), contact: z.boolean() }),
  })
  .meta({ id: 'Club' });
export type ClubDto = z.infer<typeof clubSchema>;
