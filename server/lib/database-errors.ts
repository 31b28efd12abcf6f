import { checkViolationField, sqlState } from '../db/checks.ts';
import { AppError } from './errors.ts';

/**
 * PostgreSQL errors a request can provoke, turned into the problem a user can act on (French, naming
 * the field where the database says which). Schemas refuse these values first; this is the net
 * under them, so that no bad input ends as a 500. Nothing of the query, its parameters or the rows'
 * values is repeated: the database's `detail` and message carry them.
 */

/** The driver's error (pg or PGlite), possibly wrapped by Drizzle as `cause`. */
export interface DriverError {
  code: string;
  constraint?: string;
  table?: string;
  column?: string;
  detail?: string;
  routine?: string;
}

export function driverError(error: unknown): DriverError | null {
  let current = error;
  for (let depth = 0; typeof current === 'object' && current !== null && depth < 5; depth += 1) {
    if ('code' in current && typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code))
      return current as DriverError;
    current = 'cause' in current ? current.cause : undefined;
  }
  return null;
}

const camelCase = (column: string) =>
  column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Unique constraints by name: the field they hold and what the user is told. */
const UNIQUE_FIELDS: Record<string, { field: string; message: string }> = {
  applications_code_key: {
    field: 'code',
    message: 'Une autre application porte déjà cet identifiant : choisissez-en un autre.',
  },
  agreement_statements_live_period_key: {
    field: 'periodStart',
    message: 'Cette période a déjà son relevé : retirez le brouillon pour le recalculer.',
  },
  users_email_key: { field: 'email', message: 'Un compte existe déjà pour cette adresse e-mail.' },
  organisations_code_key: { field: 'code', message: 'Un organisme porte déjà ce code.' },
  sponsorship_requests_live_key: {
    field: 'directorateId',
    message: 'Une demande de sponsor est déjà en cours ou acceptée auprès de cette direction.',
  },
  project_offers_live_key: {
    field: 'kind',
    message: 'Votre organisme a déjà fait cette proposition à ce projet : elle est en attente ou acceptée.',
  },
  regional_referents_office_region_key: {
    field: 'organisationId',
    message: 'Cet organisme est déjà référent de cette région.',
  },
  referent_applications_region_key: {
    field: 'region',
    message: 'Votre organisme a déjà une candidature en attente pour cette région.',
  },
  training_registrations_live_key: {
    field: 'developerId',
    message: 'Ce développeur a déjà une place ou une place en attente dans cette session.',
  },
  training_registrations_demand_key: {
    field: 'developerId',
    message: 'Ce développeur a déjà une demande de formation en attente pour sa région.',
  },
  capacity_declarations_quarter_key: {
    field: 'quarter',
    message: 'Votre organisme a déjà déclaré sa capacité pour ce trimestre : modifiez-la.',
  },
  application_versions_number_key: {
    field: 'versions',
    message: 'Deux versions portent le même numéro : chaque numéro de version est unique.',
  },
  application_contributors_pkey: {
    field: 'contributorOrganisationIds',
    message: 'Un organisme contributeur est cité deux fois.',
  },
  application_usages_pkey: {
    field: 'organisation',
    message: "L'utilisation de cette application par votre organisme est déjà déclarée.",
  },
};

/** The column named by the key of a constraint's detail, `Key (designer_organisation_id)=(…)`; never the value. */
const keyColumn = (detail: string | undefined) => /^Key \(([a-z_]+)\)=/.exec(detail ?? '')?.[1] ?? null;

function uniqueViolation(driver: DriverError): AppError {
  const known = driver.constraint ? UNIQUE_FIELDS[driver.constraint] : undefined;
  const column = keyColumn(driver.detail);
  const field = known?.field ?? (column ? camelCase(column) : null);
  const message = known?.message ?? 'Cette valeur est déjà utilisée : choisissez-en une autre.';
  return new AppError(
    'conflict',
    field ? `La valeur de « ${field} » est déjà prise. ${message}` : message,
    field ? { errors: [{ field, message }] } : {},
  );
}

function foreignKeyViolation(driver: DriverError): AppError {
  const column = keyColumn(driver.detail);
  const field = column ? camelCase(column) : null;
  const message = "L'élément désigné n'existe pas (ou plus) : rechargez la page et choisissez-en un autre.";
  return new AppError(
    'unprocessable',
    field ? `« ${field} » désigne un élément introuvable. ${message}` : message,
    field ? { errors: [{ field, message }] } : {},
  );
}

/** Invalid values (SQLSTATE class 22, limits 54): 400 with what kind of value is wrong. */
const DATA_EXCEPTIONS: Record<string, string> = {
  '22021':
    'Un champ contient un caractère que la base de données refuse (caractère nul U+0000 ou mal encodé) : retirez-le.',
  '22P05':
    'Un champ contient un caractère que la base de données refuse (caractère nul U+0000 ou mal encodé) : retirez-le.',
  '22007': "Une date n'est pas valide : utilisez le format AAAA-MM-JJ.",
  '22008': 'Une date est hors des limites acceptées : entre le 1er janvier 1900 et le 31 décembre 2100.',
  '22009': 'Une date-heure porte un décalage horaire impossible : utilisez Z ou +01:00 par exemple.',
  '22003': 'Un nombre est hors des limites acceptées.',
  '22001': 'Un texte est trop long.',
  '22P02': "Une valeur n'a pas le format attendu (identifiant, nombre, date).",
  '54000': 'Une valeur est trop longue pour être enregistrée ou recherchée : raccourcissez-la.',
  '54001': 'La requête est trop complexe : simplifiez-la (moins de mots, moins de filtres).',
};

/**
 * The problem for a database error a request caused, or null for anything else (a fault of the
 * server, answered 500). `kind` is what the log records instead of the error's text.
 */
export function appErrorFromDatabase(error: unknown): AppError | null {
  const driver = driverError(error);
  if (!driver) return null;
  const state = sqlState(error);
  if (state === '40P01' || state === '40001')
    // Two changes crossed (deadlock or serialisation failure): the database undid this one entirely.
    return new AppError(
      'conflict',
      "Une autre modification est intervenue au même moment : rien n'a été enregistré. Rechargez la page, puis recommencez.",
    );
  if (driver.code === '23505') return uniqueViolation(driver);
  if (driver.code === '23503') return foreignKeyViolation(driver);
  const refusedField = checkViolationField(error);
  if (refusedField) {
    // The database holds the code lists too: a value the schemas let through is refused there, not stored.
    const message = 'Cette valeur ne fait pas partie de la liste autorisée.';
    return new AppError('unprocessable', `La valeur de « ${refusedField} » n'est pas reconnue. ${message}`, {
      errors: [{ field: refusedField, message }],
    });
  }
  if (driver.code === '23502') {
    const field = driver.column ? camelCase(driver.column) : null;
    const message = 'Ce champ est obligatoire.';
    return new AppError(
      'badRequest',
      field ? `« ${field} » est obligatoire.` : 'Un champ obligatoire manque.',
      field ? { errors: [{ field, message }] } : {},
    );
  }
  const detail = DATA_EXCEPTIONS[driver.code];
  if (detail) return new AppError('badRequest', detail);
  if (driver.code.startsWith('22')) return new AppError('badRequest', "Une valeur envoyée n'est pas valide.");
  return null;
}
