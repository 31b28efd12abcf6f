import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { and, asc, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { z } from 'zod';
import { emailSchema, passwordSchema } from '../common/schemas/user.ts';
import { ConfigError, loadConfig } from './config.ts';
import { BackupError, backupEmbeddedDatabase, restoreEmbeddedDatabase } from './db/backup.ts';
import { openDatabase } from './db/client.ts';
import { loadReferenceData } from './db/reference/load-reference.ts';
import { users } from './db/schema.ts';
import { recordAudit } from './lib/audit.ts';
import { createAuthorizer } from './lib/policy.ts';
import { hashPassword } from './modules/auth/password.ts';
import { catalogPolicy } from './modules/catalog/catalog.policy.ts';
import { importApplications } from './modules/catalog/transfer/import.service.ts';
import { findOrganisationByCode } from './modules/organisations/organisations.queries.ts';
import { findUserByEmail, insertUser } from './modules/users/users.queries.ts';

const USAGE = `Utilisation / usage: npm run cli -- <commande>

  db migrate                         applique les migrations (code de sortie non nul en cas d'échec)
  worker                             exécute les travaux en arrière-plan sans le serveur HTTP
                                     (PostgreSQL : autant de workers que voulu, arrêt par SIGTERM)
  reference load [ORGANISMES] [DOMAINES]  (re)charge les référentiels (organismes, domaines métier ; idempotent)
  user create-admin --email E --name "Nom" [--organisation CODE] [--password P]
                                     crée un administrateur ; sans --password, un mot de passe
                                     aléatoire est généré et affiché une seule fois
  import applications FICHIER [--as E-MAIL] [--dry-run]
                                     importe un inventaire CSV, XLSX ou un publiccode.yml (une seule
                                     transaction : une erreur et rien n'est écrit) ; l'import est fait
                                     au nom du compte --as, par défaut le premier administrateur actif
  backup FICHIER                     sauvegarde la base embarquée (serveur arrêté) dans FICHIER (.tar.gz)
  restore FICHIER                    restaure FICHIER dans MUTUALIS_DATA_DIR, qui doit être sans base ;
                                     avec PostgreSQL : pg_dump / pg_restore (docs/operations.md)`;

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function createAdmin(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      organisation: { type: 'string', default: 'CNAM-DDO' },
      password: { type: 'string' },
    },
  });
  const input = z
    .object({
      email: emailSchema,
      name: z
        .string({ error: '--name est obligatoire' })
        .trim()
        .min(2, { error: '--name : 2 caractères au moins' }),
      organisation: z.string(),
      password: passwordSchema.optional(),
    })
    .safeParse(values);
  if (!input.success)
    throw new UsageError(input.error.issues.map((i) => `${String(i.path[0])} : ${i.message}`).join('\n'));
  const password = input.data.password ?? randomBytes(18).toString('base64url');
  await withDatabase(async ({ db, migrate }) => {
    await migrate();
    await loadReferenceData(db);
    const organisation = await findOrganisationByCode(db, input.data.organisation);
    if (!organisation) throw new UsageError(`Organisme inconnu : ${input.data.organisation}`);
    if (await findUserByEmail(db, input.data.email))
      throw new UsageError(`Un compte existe déjà pour ${input.data.email}`);
    const passwordHash = await hashPassword(password);
    await db.transaction(async (tx) => {
      const user = await insertUser(tx, {
        email: input.data.email,
        displayName: input.data.name,
        organisationId: organisation.id,
        roles: ['admin'],
        passwordHash,
      });
      await recordAudit(
        { actor: null, db: tx, log: pino({ level: 'warn' }), requestId: 'cli' },
        {
          action: 'user.create',
          targetType: 'user',
          targetId: user.id,
          after: { email: user.email, roles: user.roles, source: 'cli' },
        },
      );
    });
  });
  console.log(`Administrateur créé : ${input.data.email} (${input.data.organisation})`);
  if (!input.data.password)
    console.log(`Mot de passe initial (à changer à la première connexion) : ${password}`);
}

class UsageError extends Error {}

async function backupOrRestore(action: 'backup' | 'restore', file: string) {
  const config = loadConfig();
  if (config.databaseUrl)
    throw new UsageError(
      'DATABASE_URL désigne un serveur PostgreSQL : sauvegardez-le avec pg_dump et restaurez-le avec pg_restore (docs/operations.md).',
    );
  try {
    if (action === 'backup') {
      const { bytes } = await backupEmbeddedDatabase(config.dataDir, file);
      console.log(`Sauvegarde écrite : ${file} (${Math.round(bytes / 1024)} Kio).`);
      console.log(`Les pièces jointes (${path.join(config.dataDir, 'attachments')}) se copient à part.`);
    } else {
      const { tables } = await restoreEmbeddedDatabase(config.dataDir, file);
      console.log(
        `Base restaurée dans ${config.dataDir} (${tables} tables) ; le prochain démarrage la migre.`,
      );
    }
  } catch (error) {
    if (error instanceof BackupError) throw new UsageError(error.message);
    throw error;
  }
}

/** A progress bar on stderr: redrawn in place on a terminal, one line per step otherwise. */
function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  return (done: number, total: number) => {
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
    if (tty) process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
    else process.stderr.write(`${line}\n`);
  };
}

async function importInventory(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { as: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (!file) throw new UsageError(USAGE);
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    throw new UsageError(`Fichier illisible : ${file}`);
  }
  const result = await withDatabase(async ({ db, migrate }) => {
    await migrate();
    await loadReferenceData(db);
    const user = values.as
      ? await findUserByEmail(db, values.as)
      : (
          await db
            .select()
            .from(users)
            .where(and(eq(users.status, 'active'), sql`'admin' = ANY(${users.roles})`))
            .orderBy(asc(users.createdAt))
            .limit(1)
        )[0];
    if (user?.status !== 'active')
      throw new UsageError(
        values.as
          ? `Compte introuvable ou désactivé : ${values.as}`
          : 'Aucun administrateur actif : créez-en un (user create-admin) ou précisez --as.',
      );
    const actor = {
      userId: user.id,
      organisationId: user.organisationId,
      roles: user.roles,
      sessionId: 'cli',
      csrfToken: '',
    };
    const log = pino({ level: 'warn' });
    return importApplications(
      { actor, db, log, requestId: 'cli' },
      createAuthorizer([catalogPolicy]),
      { name: path.basename(file), content },
      { dryRun: values['dry-run'], onProgress: progressBar('Import') },
    );
  });
  for (const error of result.errors) console.error(`Ligne ${error.line} — ${error.field} : ${error.message}`);
  for (const warning of result.warnings ?? [])
    console.warn(`Avertissement, ligne ${warning.line} — ${warning.message}`);
  for (const office of result.citedOffices ?? [])
    console.warn(`Organisme cité par le fichier, utilisation non déclarée : ${office.name} (${office.code})`);
  if (result.errors.length > 0) {
    throw new UsageError(
      `${result.errors.length} erreur(s) : rien n'a été importé (${result.rows} lignes lues).`,
    );
  }
  console.log(
    `${result.dryRun ? 'Vérification sans écriture' : 'Import terminé'} : ${result.created} création(s), ${result.updated} mise(s) à jour, ${result.rows} ligne(s) lue(s).`,
  );
}

async function run(argv: string[]) {
  const [area, command, ...rest] = argv;
  if (area === 'db' && command === 'migrate') {
    await withDatabase(async ({ migrate, kind }) => {
      await migrate();
      console.log(`Migrations appliquées (${kind === 'embedded' ? 'base embarquée' : 'PostgreSQL'}).`);
    });
  } else if (area === 'reference' && command === 'load') {
    const result = await withDatabase(async ({ db, migrate }) => {
      await migrate();
      return loadReferenceData(db, { organisations: rest[0], businessDomains: rest[1] });
    });
    const { organisations: o, businessDomains: d } = result;
    console.log(
      `Référentiel des organismes ${o.version} : ${o.total} lignes, ${o.inserted} ajoutées, ${o.updated} mises à jour.`,
    );
    console.log(
      `Domaines métier ${d.version} : ${d.total} lignes, ${d.inserted} ajoutés, ${d.updated} mis à jour.`,
    );
  } else if (area === 'import' && command === 'applications') {
    await importInventory(rest);
  } else if (area === 'user' && command === 'create-admin') {
    await createAdmin(rest);
  } else if ((area === 'backup' || area === 'restore') && command && rest.length === 0) {
    await backupOrRestore(area, command);
  } else if (area === 'worker' && command === undefined) {
    await (await import('./worker.ts')).runWorker();
  } else {
    throw new UsageError(USAGE);
  }
}

run(process.argv.slice(2)).then(
  () => process.exit(0),
  (error) => {
    if (error instanceof UsageError || error instanceof ConfigError) console.error(error.message);
    else console.error('Échec / failed:', error);
    process.exit(1);
  },
);
