import type { Config } from '../../config.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, type ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { findOrganisation } from '../organisations/organisations.queries.ts';
import {
  findUser,
  findUserByEmail,
  recordLogin,
  type UserRow,
  updateUserAtVersion,
} from '../users/users.queries.ts';
import { recognizeDevice, reserveLoginAttempt, settleAttempt } from './login-throttle.ts';
import { hashPassword, spendVerificationTime, verifyPassword } from './password.ts';
import { deleteSession, deleteUserSessions, hashToken, insertSession } from './sessions.queries.ts';

const BAD_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.';

export async function login(
  ctx: ServiceContext,
  config: Config,
  input: {
    email: string;
    password: string;
    ip: string;
    userAgent: string | undefined;
    /** The session cookie the browser still carried, if any: it is ended, never reused. */
    previousToken?: string | undefined;
    /** The known-device cookie the browser carried, if any. */
    deviceToken?: string | undefined;
  },
) {
  const emailKey = input.email.trim().toLowerCase();
  if (!config.localLogin && emailKey !== config.breakGlassAdminEmail)
    throw new AppError(
      'forbidden',
      "La connexion par mot de passe est désactivée sur ce portail : connectez-vous avec l'annuaire de l'Assurance Maladie.",
    );
  const attempt = await reserveLoginAttempt(ctx, { emailKey, ip: input.ip, deviceToken: input.deviceToken });
  const user = await findUserByEmail(ctx.db, emailKey);
  const valid =
    user && user.status === 'active'
      ? await verifyPassword(user.passwordHash, input.password)
      : await spendVerificationTime(input.password).then(() => false);
  if (!user || !valid) {
    await settleAttempt(ctx.db, attempt, false);
    throw new AppError('unauthenticated', BAD_CREDENTIALS);
  }
  return inTransaction(ctx, async (tx) => {
    await settleAttempt(tx.db, attempt, true);
    const deviceToken = await recognizeDevice(tx.db, attempt, user.id);
    return { ...(await openSession(tx, config, user, input)), deviceToken };
  });
}

/**
 * Opens a session for a user who has just proved who they are (password or the network's directory), in
 * the caller's transaction: the session the browser still carried ends, the sign-in is audited.
 */
export async function openSession(
  tx: ServiceContext,
  config: Config,
  user: Pick<UserRow, 'id' | 'organisationId' | 'roles'>,
  input: { ip: string; userAgent: string | undefined; previousToken?: string | undefined; via?: 'directory' },
) {
  if (input.previousToken) await deleteSession(tx.db, hashToken(input.previousToken));
  const session = await insertSession(tx.db, {
    userId: user.id,
    ip: input.ip,
    userAgent: input.userAgent,
    timeouts: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
  });
  await recordLogin(tx.db, user.id);
  const actorCtx = {
    ...tx,
    actor: {
      userId: user.id,
      organisationId: user.organisationId,
      roles: user.roles,
      sessionId: '',
      csrfToken: '',
    },
  };
  await recordAudit(actorCtx, {
    action: 'session.login',
    targetType: 'user',
    targetId: user.id,
    ...(input.via ? { details: { via: input.via } } : {}),
  });
  const full = await findUser(tx.db, user.id);
  if (!full) throw new Error('user vanished during login');
  return { user: full, session };
}

export async function logout(ctx: ServiceContext) {
  const actor = ctx.actor;
  if (!actor) return;
  await inTransaction(ctx, async (tx) => {
    await deleteSession(tx.db, actor.sessionId);
    await recordAudit(tx, { action: 'session.logout', targetType: 'user', targetId: actor.userId });
  });
}

/** The signed-in user and their office, for `/api/me`; a session whose account is gone has ended. */
export async function getMe(ctx: ServiceContext) {
  const actor = ctx.actor;
  const user = actor && (await findUser(ctx.db, actor.userId));
  const organisation = user && (await findOrganisation(ctx.db, user.organisationId));
  if (!actor || !user || !organisation) throw new AppError('unauthenticated', 'Votre session a pris fin.');
  return { actor, user, organisation };
}

/** A password change ends every other session of the user; the current one stays. */
export async function changeOwnPassword(
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('unauthenticated', 'Connectez-vous pour changer votre mot de passe.');
  const user = await findUser(ctx.db, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Votre session a pris fin.');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('badRequest', 'Le mot de passe actuel est incorrect.', {
      errors: [{ field: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' }],
    });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError('badRequest', "Le nouveau mot de passe doit être différent de l'actuel.", {
      errors: [{ field: 'newPassword', message: "Le nouveau mot de passe doit être différent de l'actuel." }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    const updated = await updateUserAtVersion(tx.db, user.id, user.version, { passwordHash });
    if (!updated) throw new AppError('conflict', 'Votre compte vient d’être modifié : réessayez.');
    const ended = await deleteUserSessions(tx.db, user.id, actor.sessionId);
    await recordAudit(tx, {
      action: 'user.changePassword',
      targetType: 'user',
      targetId: user.id,
      after: { endedSessions: ended },
    });
  });
}
