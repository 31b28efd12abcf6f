import { z } from 'zod';
import { CERTIFICATION_STATUSES, TRACKS } from '../catalog/vocabulary.ts';
import { organisationRef } from './application.ts';
import { designedApplicationSchema, officeApplicationRef, usedApplicationSchema } from './office.ts';

/**
 * The home page: one section per thing the caller's roles give them to follow. A section the caller
 * is not granted is null (the policy decides, deny by default).
 */

/** What a sheet lacks for its maintainers to act on. */
export const SHEET_ISSUES = [
  'stale',
  'noVersion',
  'missingDescription',
  'missingLicence',
  'missingMaintainer',
  'missingCnilReference',
] as const;
export type SheetIssue = (typeof SHEET_ISSUES)[number];

/** Why a transition waits on someone: the state of the subject that calls for it. */
export const DECISION_REASONS = ['retiredStillPublished', 'certificationInProgress'] as const;
export type DecisionReason = (typeof DECISION_REASONS)[number];

const label = z.object({ fr: z.string(), en: z.string() });
const bounded = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

const officeSection = z.object({
  designed: bounded(designedApplicationSchema),
  used: bounded(usedApplicationSchema),
  declaredUsers: z.number().int(),
  /** The applications most used in the network that the office neither uses nor designs. */
  suggestions: z.array(
    z.object({
      application: officeApplicationRef,
      designerOrganisation: organisationRef,
      usingOffices: z.number().int(),
    }),
  ),
});

const maintenanceSection = z.object({
  /** Sheets of the office (live ones). */
  total: z.number().int(),
  /** Sheets with at least one issue. */
  needingUpdate: z.number().int(),
  issueCounts: z.object(
    Object.fromEntries(SHEET_ISSUES.map((issue) => [issue, z.number().int()])) as Record<
      SheetIssue,
      z.ZodNumber
    >,
  ),
  /** The sheets that need work first, bounded. */
  items: z.array(
    z.object({
      application: officeApplicationRef,
      updatedAt: z.string(),
      issues: z.array(z.enum(SHEET_ISSUES)),
    }),
  ),
});

const decisionsSection = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      application: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
      lifecycle: z.string(),
      transition: z.string(),
      label,
      reason: z.enum(DECISION_REASONS),
    }),
  ),
});

const networkSection = z.object({
  applications: z.number().int(),
  byStatus: z.array(z.object({ status: z.enum(CERTIFICATION_STATUSES), count: z.number().int() })),
  byTrack: z.array(z.object({ track: z.enum(TRACKS), count: z.number().int() })),
  offices: z.object({ total: z.number().int(), declaring: z.number().int(), designing: z.number().int() }),
  usages: z.number().int(),
  declaredUsers: z.number().int(),
  latestChanges: z.array(
    z.object({
      id: z.number().int(),
      action: z.string(),
      occurredAt: z.string(),
      application: z.object({ id: z.uuid(), code: z.string(), name: z.string(), archived: z.boolean() }),
      organisation: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
    }),
  ),
});

export const homeSchema = z
  .object({
    organisation: organisationRef,
    office: officeSection.nullable(),
    maintenance: maintenanceSection.nullable(),
    decisions: decisionsSection.nullable(),
    network: networkSection.nullable(),
  })
  .meta({ id: 'Home' });
export type HomeDto = z.infer<typeof homeSchema>;
