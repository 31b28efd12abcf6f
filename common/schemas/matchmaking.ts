import { z } from 'zod';
import { REGIONS } from '../organisations.ts';
import { organisationRef } from './application.ts';
import { text } from './common.ts';
import { projectSummarySchema } from './project.ts';
import { capacitySchema } from './project-collaboration.ts';

/**
 * "Besoins et forces" (issue 10, collaboration): the needs without developers, the capacity offices
 * declared for this quarter and later, and the matches suggested between them, each with its reasons.
 */

/** Why a match was suggested; the web words each code in French and English with its params. */
export const MATCH_REASON_CODES = ['sameDomain', 'sameRegion', 'skills', 'enoughPersonDays'] as const;
export type MatchReasonCode = (typeof MATCH_REASON_CODES)[number];

export const matchmakingQuerySchema = z.object({
  domain: text('Le domaine métier')
    .regex(/^[a-z0-9-]{1,60}$/, {
      error: 'Le domaine métier est un code en minuscules, par exemple relation-client.',
    })
    .optional(),
  region: z
    .enum(REGIONS, { error: 'Région inconnue : choisissez une région de la liste, par exemple bretagne.' })
    .optional(),
});
export type MatchmakingQuery = z.infer<typeof matchmakingQuerySchema>;

/** A need without developers: a project as the projects list shows it, without its offices. */
export const projectNeedSchema = projectSummarySchema
  .pick({
    id: true,
    title: true,
    need: true,
    track: true,
    phase: true,
    domain: true,
    holderOrganisation: true,
    updatedAt: true,
  })
  .meta({ id: 'ProjectNeed' });
export type ProjectNeedDto = z.infer<typeof projectNeedSchema>;

export const matchReasonSchema = z.object({
  code: z.enum(MATCH_REASON_CODES),
  /** sameDomain: `domain` (French label), `domainCode`; sameRegion: `region` (code); skills: `skills`; enoughPersonDays: `personDays`, `minimum`. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
});
export type MatchReasonDto = z.infer<typeof matchReasonSchema>;

export const suggestedMatchSchema = z
  .object({
    project: z.object({ id: z.uuid(), title: z.string() }),
    organisation: organisationRef,
    /** 0–100: the more reasons, and the stronger, the higher. */
    score: z.number().int(),
    reasons: z.array(matchReasonSchema),
    /** What the office declared for this quarter and later. */
    personDays: z.number().int(),
    /** The office's live offer of developer capacity to this project, if it made one. */
    offer: z.object({ id: z.uuid(), state: z.enum(['pending', 'accepted']) }).nullable(),
  })
  .meta({ id: 'SuggestedMatch' });
export type SuggestedMatchDto = z.infer<typeof suggestedMatchSchema>;

const capped = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    /** How many there are in all; `items` holds the first ones. */
    total: z.number().int(),
  });

export const matchmakingSchema = z
  .object({
    /** The current quarter (`2026-T4`): capacities of earlier quarters are past. */
    quarter: z.string(),
    needs: capped(projectNeedSchema),
    capacities: capped(capacitySchema),
    matches: capped(suggestedMatchSchema),
  })
  .meta({ id: 'Matchmaking' });
export type MatchmakingDto = z.infer<typeof matchmakingSchema>;
