import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { z } from 'zod';
import { emailSchema, passwordSchema } from '../common/schemas/user.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { loadReferenceData } from './db/reference/load-reference.ts';
import { recordAudit } from './lib/audit.ts';
import { hashPassword } from './modules/auth/password.ts';
import { findOrganisationByCode } from './modules/organisations/organisations.queries.ts';
import { findUserByEmail, insertUser } from './modules/users/users.queries.ts';

const USAGE = `Utilisation / usage: npm run cli -- <commande>

  db migrate                         applique les migrations (code de sortie non nul en cas d'échec)
  reference load [ORGANISMES] [DOMAINES]  (re)charge les référentiels (organismes, domaines métier ; idempotent)
  user create-admin --email E --name "Nom" [--organisation CODE] [--password P]
                                     crée un administrateur ; sans --password, un mot de passe
                                     aléatoire est généré et affiché une seule fois`;

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
  } else if (area === 'user' && command === 'create-admin') {
    await createAdmin(rest);
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
