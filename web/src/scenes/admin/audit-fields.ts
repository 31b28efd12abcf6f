import {
  isRetentionCategory,
  RETENTION_PURGED_ACTION,
  type RetentionPurgeDetails,
} from '../../../../common/retention.ts';
import { formatDateTime, formatDay } from '../../components/dates.ts';

type Label = { fr: string; en: string };

/** The names people read for the fields the trail records; a field missing here is shown as recorded. */
const FIELD_LABELS: Record<string, Label> = {
  version: { fr: 'Version de la fiche', en: 'Record version' },
  name: { fr: 'Nom', en: 'Name' },
  code: { fr: 'Identifiant', en: 'Code' },
  codes: { fr: 'Identifiants', en: 'Codes' },
  summary: { fr: 'Résumé', en: 'Summary' },
  description: { fr: 'Description', en: 'Description' },
  track: { fr: 'Filière', en: 'Track' },
  certificationStatus: { fr: 'Certification', en: 'Certification' },
  lifecycleStage: { fr: 'Étape de vie', en: 'Lifecycle stage' },
  archivedAt: { fr: 'Archivée le', en: 'Archived on' },
  archiveReason: { fr: "Motif de l'archivage", en: 'Reason for archiving' },
  reason: { fr: 'Motif', en: 'Reason' },
  comment: { fr: 'Commentaire', en: 'Comment' },
  hosting: { fr: 'Hébergement', en: 'Hosting' },
  personalData: { fr: 'Données personnelles', en: 'Personal data' },
  domain: { fr: 'Domaine métier', en: 'Business domain' },
  designerOrganisation: { fr: 'Organisme concepteur', en: 'Designer office' },
  userCount: { fr: "Nombre d'utilisateurs", en: 'Number of users' },
  since: { fr: 'Utilisée depuis', en: 'Used since' },
  versionNumber: { fr: 'Version utilisée', en: 'Version used' },
  declaredFor: { fr: 'Déclarée pour', en: 'Declared for' },
  created: { fr: 'Fiches créées', en: 'Sheets created' },
  updated: { fr: 'Fiches mises à jour', en: 'Sheets updated' },
  file: { fr: 'Fichier', en: 'File' },
  fileName: { fr: 'Fichier', en: 'File' },
  email: { fr: 'Adresse e-mail', en: 'E-mail address' },
  displayName: { fr: 'Nom affiché', en: 'Display name' },
  roles: { fr: 'Rôles', en: 'Roles' },
  status: { fr: 'Statut', en: 'Status' },
  organisationId: { fr: 'Organisme', en: 'Office' },
  endedSessions: { fr: 'Sessions terminées', en: 'Sessions ended' },
  kind: { fr: 'Nature', en: 'Kind' },
  size: { fr: 'Taille (octets)', en: 'Size (bytes)' },
  warnings: { fr: 'Avertissements', en: 'Warnings' },
  citedOffices: { fr: 'Organismes cités', en: 'Offices named' },
};

export function auditFieldLabel(field: string, language: string): string {
  const label = FIELD_LABELS[field];
  return label ? (language === 'en' ? label.en : label.fr) : field;
}

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A recorded value as people read it: dates in words, the rest as recorded. */
export function auditValue(value: string, language: string): string {
  if (ISO_MOMENT.test(value)) return formatDateTime(value, language) ?? value;
  if (ISO_DAY.test(value)) return formatDay(value, language) ?? value;
  return value;
}

/** What a person gave with a transition (a reason, a comment…), as rows of the change table. */
export function transitionInputRows(details: unknown): { field: string; value: string }[] {
  if (!details || typeof details !== 'object') return [];
  const input = (details as { input?: unknown }).input;
  if (!input || typeof input !== 'object' || Array.isArray(input)) return [];
  return Object.entries(input as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([field, value]) => ({
      field,
      value: typeof value === 'object' ? JSON.stringify(value) : String(value),
    }));
}

/** What a retention purge recorded (category, count, cutoff, period), or null for any other event. */
export function retentionPurge(event: { action: string; details: unknown }): RetentionPurgeDetails | null {
  if (event.action !== RETENTION_PURGED_ACTION || !event.details || typeof event.details !== 'object')
    return null;
  const { category, count, cutoff, periodDays } = event.details as Record<string, unknown>;
  if (!isRetentionCategory(category) || typeof count !== 'number' || typeof cutoff !== 'string') return null;
  return { category, count, cutoff, periodDays: typeof periodDays === 'number' ? periodDays : 0 };
}
