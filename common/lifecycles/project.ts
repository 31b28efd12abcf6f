import { z } from 'zod';
import {
  defineLifecycle,
  developerOf,
  directorOf,
  type Guard,
  type GuardRefusal,
  role,
  sponsorOf,
} from '../lifecycle.ts';
import { ACTIVE_PHASES, type ActivePhase, type ProjectPhase } from '../projects.ts';
import { calendarDate, longText } from '../schemas/common.ts';
import { type ProjectTrack, TRACK_DEFINITIONS, trackRules } from '../tracks.ts';

/** What the guards of a project read; the server gathers them in the transaction (projects.lifecycle.ts). */
export interface ProjectFacts {
  track: ProjectTrack;
  phase: ProjectPhase;
  /** An accepted, not withdrawn, sponsorship by a national directorate. */
  sponsorshipAccepted: boolean;
  hasForgeLink: boolean;
  amStore: boolean;
  /** Set by the acceptance module: the national acceptance report is signed. */
  acceptanceReportSigned: boolean;
  transitionalProcedure: boolean;
  hasTransitionalApplication: boolean;
  /** Homologation: the day the project was declared on the portal (AAAA-MM-JJ). */
  homologationDeclaredOn: string | null;
  hasOwningDirectorate: boolean;
  /** The phase a suspended project resumes to. */
  suspendedFrom: ActivePhase | null;
}

export type ProjectTransition =
  | 'frame'
  | 'startDevelopment'
  | 'submitForAcceptance'
  | 'deliver'
  | 'deliverWithoutReport'
  | 'suspend'
  | 'resume'
  | 'abandon';

const reason = (label: { fr: string; en: string }, what: string) =>
  longText(what.charAt(0).toUpperCase() + what.slice(1), { missing: `Indiquez ${what}.` })
    .min(3, { error: `Indiquez ${what} (3 caractères au moins).` })
    .max(1000, { error: `${what.charAt(0).toUpperCase() + what.slice(1)} est limité à 1 000 caractères.` })
    .meta({ label });

/** Today in UTC (AAAA-MM-JJ). */
const today = () => new Date().toISOString().slice(0, 10);

const startDevelopmentInput = z.object({
  startedOn: calendarDate('La date de début du développement')
    .refine((date) => date <= today(), {
      error: 'La date de début du développement ne peut pas être dans le futur.',
    })
    .optional()
    .meta({ label: { fr: 'Début effectif du développement', en: 'Development actually started on' } }),
});
type StartDevelopmentInput = z.infer<typeof startDevelopmentInput>;

// ——— Guards: each reads the track's rules (common/tracks.ts) ———

/** A refusal naming the track as a sentence does ("un projet en labellisation", "un projet hors standard"). */
export const trackRefusal = (code: string, track: ProjectTrack): GuardRefusal => ({
  code,
  params: { track: TRACK_DEFINITIONS[track].label.fr.toLowerCase() },
});
const refuse = trackRefusal;

const sponsorshipGuard: Guard<ProjectFacts, unknown> = (facts) =>
  trackRules(facts.track).sponsorRequired && !facts.sponsorshipAccepted
    ? refuse('sponsorshipRequired', facts.track)
    : null;
const forgeGuard: Guard<ProjectFacts, unknown> = (facts) =>
  trackRules(facts.track).forgeLinkRequired && !facts.hasForgeLink
    ? refuse('forgeLinkRequired', facts.track)
    : null;
/** §2.2.3: never AM Cloud or the Store off the tracks that allow it (the database holds it too). */
const amStoreGuard: Guard<ProjectFacts, unknown> = (facts) =>
  facts.amStore && !trackRules(facts.track).mayUseAmCloudStore
    ? refuse('amStoreNotAllowed', facts.track)
    : null;
/** §2.4: the transitional procedure names the existing application it concerns. */
const transitionalGuard: Guard<ProjectFacts, unknown> = (facts) =>
  facts.transitionalProcedure && !facts.hasTransitionalApplication
    ? refuse('transitionalApplicationMissing', facts.track)
    : null;
/**
 * §2.2.2: a homologation project is declared when its development starts; one whose development started
 * before it was declared is refused, unless it is an existing application under the transitional procedure.
 */
const homologationDeclarationGuard: Guard<ProjectFacts, StartDevelopmentInput> = (facts, input) => {
  if (!trackRules(facts.track).declaredAtDevelopmentStart || facts.transitionalProcedure) return null;
  const startedOn = input?.startedOn ?? today();
  return facts.homologationDeclaredOn && startedOn < facts.homologationDeclaredOn
    ? { code: 'homologationDeclaredLate', params: { declaredOn: facts.homologationDeclaredOn, startedOn } }
    : null;
};
const nationalDirectorateGuard: Guard<ProjectFacts, unknown> = (facts) =>
  trackRules(facts.track).ownedByNationalDirectorate && !facts.hasOwningDirectorate
    ? refuse('owningDirectorateRequired', facts.track)
    : null;
const acceptanceReportGuard: Guard<ProjectFacts, unknown> = (facts) =>
  trackRules(facts.track).acceptanceReportRequired && !facts.acceptanceReportSigned
    ? refuse('acceptanceReportRequired', facts.track)
    : null;
/** The override is for a report the acceptance module cannot record yet: never for a track without one. */
const overrideNeededGuard: Guard<ProjectFacts, unknown> = (facts) =>
  !trackRules(facts.track).acceptanceReportRequired
    ? refuse('overrideNotNeeded', facts.track)
    : facts.acceptanceReportSigned
      ? { code: 'acceptanceReportAlreadySigned' }
      : null;
/** Tracks with a national acceptance go through it; the others may deliver from development. */
const acceptancePhaseGuard: Guard<ProjectFacts, unknown> = (facts) =>
  trackRules(facts.track).acceptanceReportRequired && facts.phase !== 'acceptance'
    ? refuse('acceptancePhaseRequired', facts.track)
    : null;

/** Who moves a project: its developers, its holder's director, its sponsor, the DDSI and administrators. */
const projectParties = [
  role('admin', 'itDirectorate'),
  developerOf('developerOffices'),
  directorOf('holderOffice'),
  sponsorOf('sponsorship'),
];

/**
 * A project in progress (§2.1.1): need expressed → framing → development → acceptance → delivered,
 * suspended (resumed to the phase it left) and abandoned, each with a reason. The guards are the track
 * rules; delivering creates or updates the catalogue sheet (server/modules/projects/projects.lifecycle.ts),
 * except for a national participation, which is integrated into the national information system.
 */
export const projectLifecycle = defineLifecycle<ProjectPhase, ProjectTransition, ProjectFacts>({
  name: 'project',
  targetType: 'project',
  label: { fr: 'Projet', en: 'Project' },
  initial: 'needExpressed',
  states: {
    needExpressed: { label: { fr: 'Besoin exprimé', en: 'Need expressed' } },
    framing: { label: { fr: 'Cadrage', en: 'Framing' } },
    development: { label: { fr: 'Développement', en: 'Development' } },
    acceptance: { label: { fr: 'Recette', en: 'Acceptance' } },
    delivered: { label: { fr: 'Livré', en: 'Delivered' }, terminal: true },
    suspended: { label: { fr: 'Suspendu', en: 'Suspended' }, side: true },
    abandoned: { label: { fr: 'Abandonné', en: 'Abandoned' }, side: true, terminal: true },
  },
  fields: {
    developerOffices: { fr: "d'un organisme développeur", en: 'of a developer office' },
    holderOffice: { fr: "de l'organisme porteur", en: 'of the holder office' },
    sponsorship: { fr: 'de la direction sponsor', en: 'of the sponsoring directorate' },
  },
  transitions: {
    frame: {
      from: ['needExpressed'],
      to: 'framing',
      parties: projectParties,
      label: { fr: 'Passer au cadrage', en: 'Start framing' },
    },
    startDevelopment: {
      from: ['framing'],
      to: 'development',
      parties: projectParties,
      label: { fr: 'Lancer le développement', en: 'Start development' },
      input: startDevelopmentInput,
      guards: [
        sponsorshipGuard,
        forgeGuard,
        amStoreGuard,
        transitionalGuard,
        homologationDeclarationGuard,
        nationalDirectorateGuard,
      ],
    },
    submitForAcceptance: {
      from: ['development'],
      to: 'acceptance',
      parties: projectParties,
      label: { fr: 'Passer en recette', en: 'Submit for acceptance' },
      guards: [amStoreGuard],
    },
    deliver: {
      from: ['development', 'acceptance'],
      to: 'delivered',
      parties: projectParties,
      label: { fr: 'Livrer', en: 'Deliver' },
      confirm: true,
      guards: [acceptancePhaseGuard, acceptanceReportGuard, amStoreGuard],
    },
    deliverWithoutReport: {
      from: ['acceptance'],
      to: 'delivered',
      // Until the acceptance module records signed reports, only an administrator may vouch for one.
      parties: [role('admin')],
      label: { fr: 'Livrer sans procès-verbal enregistré', en: 'Deliver without a recorded report' },
      confirm: true,
      tone: 'danger',
      input: z.object({
        reason: reason(
          {
            fr: 'Motif de la dérogation (référence du PV signé)',
            en: 'Reason for the override (signed report)',
          },
          'le motif de la dérogation',
        ),
      }),
      guards: [overrideNeededGuard, amStoreGuard],
    },
    suspend: {
      from: ACTIVE_PHASES,
      to: 'suspended',
      parties: projectParties,
      label: { fr: 'Suspendre', en: 'Suspend' },
      input: z.object({
        reason: reason(
          { fr: 'Motif de la suspension', en: 'Reason for suspending' },
          'le motif de la suspension',
        ),
      }),
    },
    resume: {
      from: ['suspended'],
      to: [...ACTIVE_PHASES],
      resolveTo: (facts) => facts.suspendedFrom ?? 'needExpressed',
      parties: projectParties,
      label: { fr: 'Reprendre', en: 'Resume' },
    },
    abandon: {
      from: [...ACTIVE_PHASES, 'suspended'],
      to: 'abandoned',
      parties: projectParties,
      label: { fr: 'Abandonner', en: 'Abandon' },
      confirm: true,
      tone: 'danger',
      input: z.object({
        reason: reason({ fr: "Motif de l'abandon", en: 'Reason for abandoning' }, "le motif de l'abandon"),
      }),
    },
  },
  messages: {
    sponsorshipRequired: {
      fr: "Un projet en {track} ne peut pas entrer en développement sans sponsor national accepté : demandez le parrainage d'une direction de la Cnam et attendez sa décision.",
      en: 'A {track} project cannot enter development without an accepted national sponsorship: ask a directorate of the Cnam and wait for its decision.',
    },
    forgeLinkRequired: {
      fr: "Un projet en {track} ne peut pas entrer en développement sans lien vers la Forge : renseignez l'adresse du projet sur la Forge.",
      en: 'A {track} project cannot enter development without a forge link: fill in the address of the project on the forge.',
    },
    amStoreNotAllowed: {
      fr: "Un projet {track} ne peut jamais être destiné à l'AM Cloud ni au Store : retirez cette option ou changez de filière.",
      en: 'A {track} project can never be meant for AM Cloud or the Store: remove that option or change track.',
    },
    transitionalApplicationMissing: {
      fr: "La procédure transitoire concerne une application existante : choisissez la fiche du catalogue qu'elle concerne.",
      en: 'The transitional procedure concerns an existing application: choose its catalogue sheet.',
    },
    homologationDeclaredLate: {
      fr: "Un projet en homologation se déclare au moment d'engager le développement : déclaré le {declaredOn}, il ne peut pas avoir commencé le {startedOn}. S'il s'agit d'une application existante, cochez « application existante — procédure transitoire » et choisissez sa fiche.",
      en: 'A homologation project is declared when development starts: declared on {declaredOn}, it cannot have started on {startedOn}. For an existing application, tick "existing application — transitional procedure" and choose its sheet.',
    },
    owningDirectorateRequired: {
      fr: 'Une participation nationale appartient à une direction nationale : choisissez la direction à laquelle le développement appartient.',
      en: 'A national participation belongs to a national directorate: choose the directorate that owns the development.',
    },
    acceptancePhaseRequired: {
      fr: 'Un projet en {track} passe par la recette nationale avant sa livraison : passez-le d’abord en recette.',
      en: 'A {track} project goes through national acceptance before delivery: submit it for acceptance first.',
    },
    acceptanceReportRequired: {
      fr: "Un projet en {track} ne peut être livré qu'avec un procès-verbal national de recette signé par l'agent comptable national : en attendant son enregistrement, un administrateur peut livrer avec un motif écrit.",
      en: 'A {track} project can only be delivered with a national acceptance report signed by the national accountant: until it is recorded, an administrator may deliver with a written reason.',
    },
    overrideNotNeeded: {
      fr: "Un projet en {track} n'a pas de procès-verbal national : livrez-le avec l'action « Livrer ».",
      en: 'A {track} project has no national report: deliver it with the "Deliver" action.',
    },
    acceptanceReportAlreadySigned: {
      fr: "Le procès-verbal national est enregistré : livrez avec l'action « Livrer ».",
      en: 'The national report is recorded: deliver with the "Deliver" action.',
    },
  },
});
