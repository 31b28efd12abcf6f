import { z } from 'zod';
import { rowVersion, text } from '../schemas/common.ts';

/**
 * The site's legal settings — who publishes the portal, who directs its publication, who hosts it, whom
 * to write to about personal data — as one declarative list: the API's schemas and the administrator's
 * form (/administration/parametres) are both built from it, and the legal notice and the personal data
 * page read what it describes (GET /api/site-settings, public).
 */
export type SiteSettingKind = 'line' | 'address' | 'email' | 'phone';

export interface SiteSettingField {
  /** The French subject of the messages ("Le nom de l'éditeur est obligatoire."). */
  subject: string;
  label: { fr: string; en: string };
  description?: { fr: string; en: string };
  kind: SiteSettingKind;
  required: boolean;
  max: number;
  /** The form's group. */
  group: SiteSettingGroup;
  /** Asked by the law (LCEN art. 6 III, RGPD art. 13): the form says so while it is empty. */
  expectedByLaw?: boolean;
}

export const SITE_SETTING_GROUPS = ['publisher', 'host', 'personalData'] as const;
export type SiteSettingGroup = (typeof SITE_SETTING_GROUPS)[number];

export const SITE_SETTING_GROUP_LABELS: Record<SiteSettingGroup, { fr: string; en: string }> = {
  publisher: { fr: 'Éditeur du portail', en: 'Publisher of the portal' },
  host: { fr: 'Hébergeur', en: 'Hosting provider' },
  personalData: { fr: 'Données personnelles', en: 'Personal data' },
};

export const SITE_SETTING_FIELDS = {
  publisherName: {
    subject: "Le nom de l'éditeur",
    label: { fr: "Nom de l'éditeur", en: 'Publisher name' },
    kind: 'line',
    required: true,
    max: 200,
    group: 'publisher',
  },
  publisherAddress: {
    subject: "L'adresse de l'éditeur",
    label: { fr: "Adresse de l'éditeur", en: 'Publisher address' },
    description: { fr: 'Une ligne par ligne de l’adresse postale.', en: 'One line per line of the address.' },
    kind: 'address',
    required: true,
    max: 500,
    group: 'publisher',
  },
  publisherIdentification: {
    subject: "L'identification de l'éditeur",
    label: { fr: 'SIRET ou autre identification', en: 'SIRET or other identification' },
    description: {
      fr: 'Facultatif : numéro SIRET, ou statut juridique de l’éditeur.',
      en: "Optional: SIRET number, or the publisher's legal status.",
    },
    kind: 'line',
    required: false,
    max: 200,
    group: 'publisher',
  },
  publicationDirector: {
    subject: 'Le directeur de la publication',
    label: { fr: 'Directeur ou directrice de la publication', en: 'Director of publication' },
    description: {
      fr: 'Le nom et la fonction de la personne responsable de ce qui est publié sur le portail.',
      en: 'The name and position of the person responsible for what the portal publishes.',
    },
    kind: 'line',
    required: true,
    max: 200,
    group: 'publisher',
  },
  hostName: {
    subject: "Le nom de l'hébergeur",
    label: { fr: "Nom de l'hébergeur", en: 'Hosting provider name' },
    kind: 'line',
    required: true,
    max: 200,
    group: 'host',
  },
  hostAddress: {
    subject: "L'adresse de l'hébergeur",
    label: { fr: "Adresse de l'hébergeur", en: 'Hosting provider address' },
    description: { fr: 'Une ligne par ligne de l’adresse postale.', en: 'One line per line of the address.' },
    kind: 'address',
    required: true,
    max: 500,
    group: 'host',
  },
  hostPhone: {
    subject: "Le téléphone de l'hébergeur",
    label: { fr: "Téléphone de l'hébergeur", en: 'Hosting provider phone' },
    kind: 'phone',
    required: false,
    max: 30,
    group: 'host',
    expectedByLaw: true,
  },
  dpoContact: {
    subject: 'Le contact du délégué à la protection des données',
    label: { fr: 'Délégué à la protection des données (DPO)', en: 'Data protection officer (DPO)' },
    description: {
      fr: 'Comment le joindre : adresse e-mail ou postale.',
      en: 'How to reach them: e-mail or postal address.',
    },
    kind: 'address',
    required: false,
    max: 500,
    group: 'personalData',
    expectedByLaw: true,
  },
  dataRequestsEmail: {
    subject: "L'adresse e-mail des demandes sur les données personnelles",
    label: {
      fr: 'Adresse e-mail des demandes sur les données personnelles',
      en: 'E-mail address for personal data requests',
    },
    description: {
      fr: 'Où une personne écrit pour exercer ses droits (accès, rectification, effacement…).',
      en: 'Where a person writes to exercise their rights (access, rectification, erasure…).',
    },
    kind: 'email',
    required: false,
    max: 254,
    group: 'personalData',
    expectedByLaw: true,
  },
} as const satisfies Record<string, SiteSettingField>;

export type SiteSettingName = keyof typeof SITE_SETTING_FIELDS;
export const SITE_SETTING_NAMES = Object.keys(SITE_SETTING_FIELDS) as SiteSettingName[];

const PHONE = /^\+?[0-9 .()-]{6,30}$/;

/** One field's schema, from its description: trimmed text, its limit, its shape; optional ones become null. */
function fieldSchema(field: SiteSettingField) {
  const base = text(field.subject, { multiline: field.kind === 'address' }).max(field.max, {
    error: `${field.subject} est limité à ${field.max} caractères.`,
  });
  const shaped =
    field.kind === 'email'
      ? base.refine((v) => v === '' || z.email().safeParse(v).success, {
          error: `${field.subject} n'est pas une adresse e-mail valide.`,
        })
      : field.kind === 'phone'
        ? base.refine((v) => v === '' || PHONE.test(v), {
            error: `${field.subject} ne contient que des chiffres, espaces, points, tirets, parenthèses et un + au début.`,
          })
        : base;
  if (field.required)
    return shaped.refine((v) => v.length > 0, { error: `${field.subject} est obligatoire.` });
  return shaped.nullish().transform((v) => (v ? v : null));
}

type IsRequired<K extends SiteSettingName> = (typeof SITE_SETTING_FIELDS)[K]['required'] extends true
  ? true
  : false;

const fields = Object.fromEntries(
  SITE_SETTING_NAMES.map((name) => [name, fieldSchema(SITE_SETTING_FIELDS[name])]),
) as unknown as {
  [K in SiteSettingName]: IsRequired<K> extends true
    ? z.ZodType<string, string>
    : z.ZodType<string | null, string | null | undefined>;
};

/** What the administrator sends: every field, and the version read (a stale one is refused with 409). */
export const siteSettingsBodySchema = z
  .object({ version: rowVersion, ...fields })
  .meta({ id: 'SiteSettingsBody' });
export type SiteSettingsBody = z.input<typeof siteSettingsBodySchema>;
export type SiteSettingsInput = z.output<typeof siteSettingsBodySchema>;

const readFields = Object.fromEntries(
  SITE_SETTING_NAMES.map((name) => [
    name,
    SITE_SETTING_FIELDS[name].required ? z.string() : z.string().nullable(),
  ]),
) as { [K in SiteSettingName]: IsRequired<K> extends true ? z.ZodString : z.ZodNullable<z.ZodString> };

/** What anyone reads, signed in or not. */
export const siteSettingsSchema = z
  .object({ version: z.number().int(), ...readFields, updatedAt: z.string() })
  .meta({ id: 'SiteSettings' });
export type SiteSettingsDto = z.infer<typeof siteSettingsSchema>;

/** The fields the law expects that are still empty (the form lists them). */
export const missingByLaw = (settings: Pick<SiteSettingsDto, SiteSettingName>) =>
  SITE_SETTING_NAMES.filter(
    (name) => (SITE_SETTING_FIELDS[name] as SiteSettingField).expectedByLaw && !settings[name],
  );
