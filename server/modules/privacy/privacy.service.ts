import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { ErasureInput } from '../../../common/schemas/privacy.ts';
import type { Transaction } from '../../db/client.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext, type TxContext } from '../../lib/context.ts';
import { AppError, notFound, staleVersion } from '../../lib/errors.ts';
import { type Authorizer, systemActor } from '../../lib/policy.ts';
import { hashPassword } from '../auth/password.ts';
import { countActiveAdminsById, findUser, type UserWithOrganisation } from '../users/users.queries.ts';
import { NAME_BEARING_COLUMNS, USER_REFERENCES } from './personal-data.ts';
import {
  type Account,
  accountOf,
  auditEventsAbout,
  clearContactPhones,
  columnTypes,
  deactivatedBefore,
  deleteRowsReferring,
  deleteSignInAttempts,
  type JsonRow,
  nextErasureNumber,
  pseudonymiseAccount,
  type Replacement,
  replaceInColumn,
  rowsReferring,
  signInAttemptsOf,
} from './privacy.queries.ts';

export interface PersonalDataRecords {
  table: string;
  column: string;
  rows: JsonRow[];
}

export interface PersonalData {
  account: Account;
  records: PersonalDataRecords[];
  signInAttempts: Awaited<ReturnType<typeof signInAttemptsOf>>;
  accountEvents: Awaited<ReturnType<typeof auditEventsAbout>>;
  generatedAt: Date;
}

async function gather(ctx: ServiceContext, userId: string): Promise<PersonalData> {
  const account = await accountOf(ctx.db, userId);
  if (!account) throw notFound('Utilisateur');
  const records: PersonalDataRecords[] = [];
  for (const [table, entry] of Object.entries(USER_REFERENCES)) {
    for (const column of Object.keys(entry.references)) {
      records.push({ table, column, rows: await rowsReferring(ctx.db, table, column, userId) });
    }
  }
  return {
    account,
    records,
    signInAttempts: await signInAttemptsOf(ctx.db, account.email),
    accountEvents: await auditEventsAbout(ctx.db, userId),
    generatedAt: new Date(),
  };
}

/** Everything the portal holds about the signed-in person (RGPD art. 15 and 20). */
export async function exportOwnData(ctx: ServiceContext) {
  return gather(ctx, requireActor(ctx).userId);
}

/**
 * An administrator answers someone's access request: the same export, read in the transaction that
 * records who downloaded it (`user.export`; the event holds no data of the person).
 */
export async function exportUserData(ctx: ServiceContext, authorizer: Authorizer, userId: string) {
  authorizer.authorize(requireActor(ctx), 'user.export');
  return inTransaction(ctx, async (tx) => {
    const data = await gather(tx, userId);
    await recordAudit(tx, { action: 'user.export', targetType: 'user', targetId: userId });
    return data;
  });
}

/** « Personne effacée n° N » and an address that can never receive mail (RFC 2606 `.invalid`). */
export const pseudonymFor = (n: number) => ({
  displayName: `Personne effacée n° ${n}`,
  email: `personne-effacee-${n}@effacement.invalid`,
});

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The text as a whole: not inside a longer word or address. */
const whole = (pattern: string) => `(?<![[:alnum:]_.+-])${pattern}(?![[:alnum:]_-])`;

function replacement(from: string, to: string): Replacement {
  const inJson = JSON.stringify(from).slice(1, -1);
  return {
    pattern: whole(escapeRegex(from)),
    jsonPattern: whole(escapeRegex(inJson)),
    value: to,
    jsonValue: JSON.stringify(to).slice(1, -1),
  };
}

/**
 * Pseudonymises the person where the portal names them and closes the account; ids, foreign keys,
 * dates, states and amounts stay as they are. Audited as `user.erase` with the pseudonym's number only.
 */
async function erase(tx: TxContext, user: UserWithOrganisation, unusableHash: string) {
  const number = await nextErasureNumber(tx.db);
  const pseudonym = pseudonymFor(number);
  const replacements = [
    replacement(user.email, pseudonym.email),
    replacement(user.displayName, pseudonym.displayName),
  ];
  await clearContactPhones(tx.db, user.email);
  const types = await columnTypes(tx.db);
  for (const [table, columns] of Object.entries(NAME_BEARING_COLUMNS)) {
    for (const column of columns) {
      const type = types.get(`${table}.${column}`);
      if (!type) throw new Error(`${table}.${column} is not in the schema`);
      await replaceInColumn(tx.db, table, column, type, replacements);
    }
  }
  for (const [table, entry] of Object.entries(USER_REFERENCES)) {
    for (const [column, reference] of Object.entries(entry.references)) {
      if (reference.erase === 'delete') await deleteRowsReferring(tx.db, table, column, user.id);
    }
  }
  await deleteSignInAttempts(tx.db, user.email);
  const done = await pseudonymiseAccount(tx.db, user.id, {
    ...pseudonym,
    passwordHash: unusableHash,
    erasureNumber: number,
  });
  if (!done) throw new AppError('conflict', 'Cette personne a déjà été effacée.');
  await recordAudit(tx, {
    action: 'user.erase',
    targetType: 'user',
    targetId: user.id,
    after: { erasureNumber: number },
  });
  return { number, ...pseudonym };
}

const unusableHash = () => hashPassword(randomBytes(32).toString('base64url'));

const refuse = (detail: string, field?: string) =>
  new AppError(
    field ? 'badRequest' : 'unprocessable',
    detail,
    field ? { errors: [{ field, message: detail }] } : {},
  );

/**
 * An administrator answers an erasure request (RGPD art. 17). Refused for oneself, for the last active
 * administrator, without the person's name typed as confirmation, or on a stale version.
 */
export async function eraseUser(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  input: ErasureInput,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'user.erase');
  const hash = await unusableHash();
  return inTransaction(ctx, async (tx) => {
    const user = await findUser(tx.db, id, { forUpdate: true });
    if (!user) throw notFound('Utilisateur');
    if (user.erasedAt) throw new AppError('conflict', 'Cette personne a déjà été effacée.');
    if (actor.userId === id)
      throw refuse('Vous ne pouvez pas effacer votre propre compte : demandez-le à un autre administrateur.');
    if (user.version !== input.version) throw staleVersion('user');
    if (comparable(input.confirmation) !== comparable(user.displayName))
      throw refuse(
        `Pour confirmer, saisissez le nom de la personne : « ${user.displayName} ».`,
        'confirmation',
      );
    if (user.status === 'active' && user.roles.includes('admin')) {
      const others = (await countActiveAdminsById(tx.db)).filter((other) => other !== id);
      if (others.length === 0)
        throw refuse("C'est le dernier administrateur actif : nommez-en un autre avant de l'effacer.");
    }
    return erase(tx, user, hash);
  });
}

const comparable = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');

/**
 * The retention purge of deactivated accounts (server/modules/retention/retention.purges.ts): in the
 * transaction it is given, erases at most `limit` accounts deactivated before `cutoff`, each audited
 * as `user.erase` by the retention job, and answers how many it erased.
 */
export async function purgeDeactivatedAccounts(
  db: Transaction,
  cutoff: Date,
  limit: number,
  log: FastifyBaseLogger,
): Promise<number> {
  const tx: TxContext = { actor: null, system: systemActor('retention'), db, log, requestId: null };
  let erased = 0;
  for (const id of (await deactivatedBefore(db, cutoff)).slice(0, limit)) {
    const user = await findUser(db, id, { forUpdate: true });
    if (!user || user.erasedAt || user.status !== 'deactivated') continue;
    await erase(tx, user, await unusableHash());
    erased += 1;
  }
  return erased;
}
