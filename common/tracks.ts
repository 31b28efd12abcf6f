import { TRACK_LABELS, type Track } from './catalog/vocabulary.ts';
import type { Label } from './lifecycle.ts';

/**
 * The four tracks of a development (letter LR-DDO-36-2018 §2.2–2.4), one declarative definition each:
 * the rules the project lifecycle's guards read (common/lifecycles/project.ts) and the obligations the
 * declaration form explains, generated from the same data. The codes are the catalogue's
 * (common/catalog/vocabulary.ts); `notDeclared` is a catalogue state only, never a project's track.
 */
export const PROJECT_TRACKS = ['labelling', 'homologation', 'nonStandard', 'nationalParticipation'] as const;
export type ProjectTrack = (typeof PROJECT_TRACKS)[number] & Track;

export const OBLIGATIONS = [
  'sponsor',
  'factory',
  'grids',
  'acceptance',
  'hosting',
  'support',
  'maintenance',
  'compensation',
] as const;
export type Obligation = (typeof OBLIGATIONS)[number];
export const OBLIGATION_LABELS: Record<Obligation, Label> = {
  sponsor: { fr: 'Sponsor national', en: 'National sponsor' },
  factory: { fr: 'Usine logicielle et Forge', en: 'Software factory and forge' },
  grids: { fr: 'Exigences et grilles', en: 'Requirements and grids' },
  acceptance: { fr: 'Recette', en: 'Acceptance' },
  hosting: { fr: 'Hébergement et Store', en: 'Hosting and Store' },
  support: { fr: 'Support', en: 'Support' },
  maintenance: { fr: 'Maintenance et club utilisateurs', en: 'Maintenance and user club' },
  compensation: { fr: 'Compensation', en: 'Compensation' },
};

export interface TrackRules {
  /** An accepted national sponsorship is needed to enter development (§2.2.1, §2.3). */
  sponsorRequired: boolean;
  /** A forge link is needed to enter development: the work is done on the software factory. */
  forgeLinkRequired: boolean;
  /** A signed national acceptance report (or an administrator's override) is needed to deliver. */
  acceptanceReportRequired: boolean;
  /** May be hosted on AM Cloud and listed in the Store. */
  mayUseAmCloudStore: boolean;
  /**
   * Declared on the portal when development starts, its declaration date kept (§2.2.2); an application
   * already in development comes through the transitional procedure of §2.4 instead.
   */
  declaredAtDevelopmentStart: boolean;
  /** What "delivered" means: a catalogue sheet, or integration into the national information system (§2.3). */
  delivers: 'catalogueSheet' | 'nationalInformationSystem';
  /** The project belongs to a national directorate; local staff contributions are recorded (§2.3). */
  ownedByNationalDirectorate: boolean;
  /** May come from an existing application through the transitional procedure (§2.4). */
  transitionalProcedure: boolean;
}

export interface TrackDefinition {
  code: ProjectTrack;
  label: Label;
  /** In one sentence, who the track is for. */
  purpose: Label;
  /** The letter's paragraph. */
  reference: string;
  rules: TrackRules;
  obligations: Record<Obligation, Label>;
}

const SPONSOR_REQUIRED: Label = {
  fr: "Obligatoire : une direction métier de la Cnam parraine le projet avant qu'il entre en développement.",
  en: 'Required: a business directorate of the Cnam sponsors the project before development starts.',
};
const NO_SPONSOR: Label = { fr: 'Aucun sponsor national requis.', en: 'No national sponsor needed.' };
const NATIONAL_ACCEPTANCE: Label = {
  fr: "Démarche nationale de recette ; procès-verbal national signé par l'agent comptable national (DDFC/DC2R), indispensable pour livrer.",
  en: 'National acceptance method; national report signed by the national accountant (DDFC/DC2R), required to deliver.',
};
const DESIGNER_MAINTAINS: Label = {
  fr: "L'organisme concepteur assure la maintenance et anime le club utilisateurs.",
  en: 'The designer office maintains the application and runs its user club.',
};
const AGREEMENT: Label = {
  fr: "Coûts de l'organisme concepteur compensés par une convention entre la DDO et l'organisme.",
  en: "The designer office's costs are compensated by an agreement between the DDO and the office.",
};
const AM_CLOUD_STORE: Label = {
  fr: 'Hébergée sur l’AM Cloud, publiée sur le Store.',
  en: 'Hosted on AM Cloud, listed in the Store.',
};
const NO_COMPENSATION: Label = { fr: 'Pas de compensation prévue.', en: 'No compensation.' };

export const TRACK_DEFINITIONS: Record<ProjectTrack, TrackDefinition> = {
  labelling: {
    code: 'labelling',
    label: TRACK_LABELS.labelling,
    purpose: {
      fr: 'Une solution nationale développée par le réseau, avec le sponsor d’une direction de la Cnam.',
      en: 'A national solution built by the network, sponsored by a directorate of the Cnam.',
    },
    reference: '§2.2.1',
    rules: {
      sponsorRequired: true,
      forgeLinkRequired: true,
      acceptanceReportRequired: true,
      mayUseAmCloudStore: true,
      declaredAtDevelopmentStart: false,
      delivers: 'catalogueSheet',
      ownedByNationalDirectorate: false,
      transitionalProcedure: true,
    },
    obligations: {
      sponsor: SPONSOR_REQUIRED,
      factory: {
        fr: 'Obligatoire : développement sur l’Usine logicielle, lien vers la Forge avant le développement.',
        en: 'Required: development on the software factory, forge link before development.',
      },
      grids: {
        fr: 'Exigences du patrimoine national, exigences techniques DDSI, sécurité et CNIL.',
        en: 'National heritage, DDSI technical, security and CNIL requirements.',
      },
      acceptance: NATIONAL_ACCEPTANCE,
      hosting: AM_CLOUD_STORE,
      support: {
        fr: 'Support de niveau 1 par le CSN ; niveau 2 par l’organisme concepteur.',
        en: 'Level-1 support by the CSN; level 2 by the designer office.',
      },
      maintenance: DESIGNER_MAINTAINS,
      compensation: AGREEMENT,
    },
  },
  homologation: {
    code: 'homologation',
    label: TRACK_LABELS.homologation,
    purpose: {
      fr: "Une application locale sans sponsor national, que d'autres organismes utiliseront.",
      en: 'A local application without a national sponsor, which other offices will use.',
    },
    reference: '§2.2.2',
    rules: {
      sponsorRequired: false,
      forgeLinkRequired: true,
      acceptanceReportRequired: true,
      mayUseAmCloudStore: true,
      declaredAtDevelopmentStart: true,
      delivers: 'catalogueSheet',
      ownedByNationalDirectorate: false,
      transitionalProcedure: true,
    },
    obligations: {
      sponsor: NO_SPONSOR,
      factory: {
        fr: 'Obligatoire : déclaration sur le portail au début du développement, Usine logicielle, lien vers la Forge.',
        en: 'Required: declared on the portal when development starts, software factory, forge link.',
      },
      grids: {
        fr: 'Exigences de maturité et de criticité, exigences techniques DDSI.',
        en: 'Maturity and criticality requirements, DDSI technical requirements.',
      },
      acceptance: {
        fr: 'Démarche nationale de recette par un groupe d’organismes ou le centre de recette des Pyrénées-Atlantiques ; procès-verbal national indispensable pour livrer.',
        en: 'National acceptance method by a group of offices or the acceptance centre of the Pyrénées-Atlantiques; national report required to deliver.',
      },
      hosting: AM_CLOUD_STORE,
      support: {
        fr: 'Support utilisateur et accompagnement des organismes par l’organisme concepteur.',
        en: 'User support and help to offices by the designer office.',
      },
      maintenance: DESIGNER_MAINTAINS,
      compensation: NO_COMPENSATION,
    },
  },
  nonStandard: {
    code: 'nonStandard',
    label: TRACK_LABELS.nonStandard,
    purpose: {
      fr: "Une application pour le seul usage de l'organisme, inscrite au catalogue.",
      en: "An application for the office's own use, listed in the catalogue.",
    },
    reference: '§2.2.3',
    rules: {
      sponsorRequired: false,
      forgeLinkRequired: false,
      acceptanceReportRequired: false,
      mayUseAmCloudStore: false,
      declaredAtDevelopmentStart: false,
      delivers: 'catalogueSheet',
      ownedByNationalDirectorate: false,
      transitionalProcedure: false,
    },
    obligations: {
      sponsor: NO_SPONSOR,
      factory: {
        fr: 'Recommandé : les outils de la Forge, pour profiter des bonnes pratiques de la communauté.',
        en: "Recommended: the forge's tools, to benefit from the community's practices.",
      },
      grids: {
        fr: "Les seules exigences que l'organisme se fixe.",
        en: 'Only the requirements the office sets itself.',
      },
      acceptance: { fr: 'Pas de recette nationale.', en: 'No national acceptance.' },
      hosting: {
        fr: "Jamais d'hébergement AM Cloud ni de publication sur le Store.",
        en: 'Never hosted on AM Cloud nor listed in the Store.',
      },
      support: { fr: "Par l'organisme.", en: 'By the office.' },
      maintenance: { fr: "Par l'organisme.", en: 'By the office.' },
      compensation: NO_COMPENSATION,
    },
  },
  nationalParticipation: {
    code: 'nationalParticipation',
    label: TRACK_LABELS.nationalParticipation,
    purpose: {
      fr: 'Des collaborateurs locaux rejoignent un développement national, qui appartient à une direction de la Cnam.',
      en: 'Local staff join a national development, owned by a directorate of the Cnam.',
    },
    reference: '§2.3',
    rules: {
      sponsorRequired: true,
      forgeLinkRequired: false,
      acceptanceReportRequired: false,
      mayUseAmCloudStore: false,
      declaredAtDevelopmentStart: false,
      delivers: 'nationalInformationSystem',
      ownedByNationalDirectorate: true,
      transitionalProcedure: false,
    },
    obligations: {
      sponsor: SPONSOR_REQUIRED,
      factory: { fr: 'Les canaux nationaux de la Cnam.', en: "The Cnam's national channels." },
      grids: { fr: 'Les exigences nationales.', en: 'National requirements.' },
      acceptance: { fr: 'Recette nationale.', en: 'National acceptance.' },
      hosting: {
        fr: "Intégrée au système d'information national et déployée par les canaux de la Cnam, ni AM Cloud ni Store.",
        en: 'Integrated into the national information system and deployed by the Cnam, neither AM Cloud nor Store.',
      },
      support: { fr: 'National.', en: 'National.' },
      maintenance: { fr: 'National.', en: 'National.' },
      compensation: {
        fr: "Convention entre la DDO et l'organisme, selon la durée, la complexité et l'impact sur ses propres réalisations.",
        en: "Agreement between the DDO and the office, by duration, complexity and impact on the office's own work.",
      },
    },
  },
};

export const trackRules = (track: ProjectTrack): TrackRules => TRACK_DEFINITIONS[track].rules;

/** The four questions of the guided choice; each answer is yes, no, or not answered yet. */
export const TRACK_QUESTIONS = ['nationalNeed', 'otherOffices', 'ownUseOnly', 'joiningNational'] as const;
export type TrackQuestion = (typeof TRACK_QUESTIONS)[number];
export const TRACK_QUESTION_LABELS: Record<TrackQuestion, Label> = {
  nationalNeed: {
    fr: 'Le besoin est-il national (porté par une direction de la Cnam) ?',
    en: 'Is it a national need (carried by a directorate of the Cnam)?',
  },
  otherOffices: {
    fr: "D'autres organismes utiliseront-ils l'application ?",
    en: 'Will other offices use the application?',
  },
  ownUseOnly: {
    fr: "L'application est-elle pour le seul usage de votre organisme ?",
    en: "Is the application for your office's own use only?",
  },
  joiningNational: {
    fr: 'Des collaborateurs locaux rejoignent-ils un développement national ?',
    en: 'Do local staff join a national development?',
  },
};
export type TrackAnswers = Partial<Record<TrackQuestion, boolean>>;

export interface TrackRecommendation {
  track: ProjectTrack | null;
  /** Why, in words (null when the answers do not decide yet). */
  because: Label | null;
}

/**
 * The track the answers point to. Joining a national development decides first (§2.3), then a national
 * need (§2.2.1), then use by other offices (§2.2.2), then own use (§2.2.3).
 */
export function recommendTrack(answers: TrackAnswers): TrackRecommendation {
  if (answers.joiningNational)
    return {
      track: 'nationalParticipation',
      because: {
        fr: 'Des collaborateurs locaux rejoignent un développement national : participation nationale (§2.3).',
        en: 'Local staff join a national development: national participation (§2.3).',
      },
    };
  if (answers.nationalNeed)
    return {
      track: 'labelling',
      because: {
        fr: 'Un besoin national porté par une direction de la Cnam : labellisation, avec son sponsor (§2.2.1).',
        en: 'A national need carried by a directorate of the Cnam: labelling, with its sponsor (§2.2.1).',
      },
    };
  if (answers.otherOffices)
    return {
      track: 'homologation',
      because: {
        fr: "D'autres organismes l'utiliseront sans sponsor national : homologation, pour l'AM Cloud et le Store (§2.2.2).",
        en: 'Other offices will use it without a national sponsor: homologation, for AM Cloud and the Store (§2.2.2).',
      },
    };
  if (answers.ownUseOnly)
    return {
      track: 'nonStandard',
      because: {
        fr: 'Pour le seul usage de votre organisme : hors standard, au catalogue mais sans AM Cloud ni Store (§2.2.3).',
        en: "For your office's own use: non-standard, in the catalogue but without AM Cloud or the Store (§2.2.3).",
      },
    };
  return { track: null, because: null };
}
