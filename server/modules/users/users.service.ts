import { refusalMessage } from '../../../common/lifecycle.ts';
import { lastActiveAdmin, userAccountLifecycle } from '../../../common/lifecycles/user-account.ts';
import type { CreateUserInput, UpdateUserInput, UserListQuery } from '../../../common/schemas/user.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError, notFound, staleVersion } from '../../lib/errors.ts';
import { describeLifecycles, describeTransitions } from '../../lib/lifecycle.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { hashPassword } from '../auth/password.ts';
import { deleteUserSessions } from '../auth/sessions.queries.ts';
import { findOrganisation } from '../organisations/organisations.queries.ts';
import { userAccountBinding } from './users.lifecycle.ts';
import { auditSnapshot } from './users.mapper.ts';
import { userListScope } from './users.policy.ts';
import {
  findUser,
  findUserByEmail,
  insertUser,
  listUsers as listUserRows,
  updateUserAtVersion,
} from './users.queries.ts';

/** A page of accounts, each with the transitions the caller may fire on it (facts gathered once). */
export async function listUsers(ctx: ServiceContext, authorizer: Authorizer, query: UserListQuery) {
  const page = await listUserRows(ctx.db, userListScope(requireActor(ctx)), query);
  const transitions = await describeTransitions(ctx, authorizer, [userAccountBinding], page.items);
  return {
    items: page.items.map((user, i) => ({ user, transitions: transitions[i] ?? [], lifecycles: [] })),
    total: page.total,
  };
}

/** One account with its transitions and the dates its states were reached. */
export async function getUser(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const actor = requireActor(ctx);
  const user = await findUser(ctx.db, id);
  if (!user) throw notFound('Utilisateur');
  authorizer.authorize(actor, 'user.read', user);
  const [transitions = []] = await describeTransitions(ctx, authorizer, [userAccountBinding], [user]);
  const lifecycles = await describeLifecycles(ctx, [userAccountBinding], user, user.createdAt);
  return { user, transitions, lifecycles };
}

async function assertOrganisationExists(ctx: ServiceContext, organisationId: string) {
  if (!(await findOrganisation(ctx.db, organisationId))) {
    throw new AppError('badRequest', "L'organisme choisi n'existe pas.", {
      errors: [{ field: 'organisationId', message: "L'organisme choisi n'existe pas." }],
    });
  }
}

export async function createUser(ctx: ServiceContext, input: CreateUserInput) {
  requireActor(ctx);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    await assertOrganisationExists(tx, input.organisationId);
    if (await findUserByEmail(tx.db, input.email)) {
      throw new AppError('conflict', `Un compte existe déjà pour l'adresse ${input.email}.`, {
        errors: [{ field: 'email', message: 'Cette adresse e-mail est déjà utilisée.' }],
      });
    }
    const row = await insertUser(tx.db, {
      email: input.email,
      displayName: input.displayName,
      organisationId: input.organisationId,
      roles: input.roles,
      passwordHash,
    });
    await recordAudit(tx, {
      action: 'user.create',
      targetType: 'user',
      targetId: row.id,
      after: auditSnapshot(row),
    });
    const created = await findUser(tx.db, row.id);
    if (!created) throw new Error('created user vanished');
    return created;
  });
}

/**
 * Edits profile fields (name, office, roles, password) in one transaction with its audit events. A
 * stale version gets 409 and changes nothing. The status moves only through the account's lifecycle
 * (POST /api/users/:id/transitions).
 */
export async function updateUser(ctx: ServiceContext, id: string, input: UpdateUserInput) {
  const actor = requireActor(ctx);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return inTransaction(ctx, async (tx) => {
    const current = await findUser(tx.db, id, { forUpdate: true });
    if (!current) throw notFound('Utilisateur');
    if (current.version !== input.version) throw staleVersion('user');
    let version = current.version;

    const profileChanges = {
      ...(input.displayName !== undefined && input.displayName !== current.displayName
        ? { displayName: input.displayName }
        : {}),
      ...(input.organisationId !== undefined && input.organisationId !== current.organisationId
        ? { organisationId: input.organisationId }
        : {}),
      ...(input.roles !== undefined && !sameRoles(input.roles, current.roles) ? { roles: input.roles } : {}),
    };
    if (profileChanges.organisationId) await assertOrganisationExists(tx, profileChanges.organisationId);
    if (profileChanges.roles && current.roles.includes('admin') && !profileChanges.roles.includes('admin')) {
      if (actor.userId === id) {
        throw new AppError('unprocessable', 'Vous ne pouvez pas retirer votre propre rôle administrateur.');
      }
      // The account lifecycle's rule, with the facts its binding gathers.
      const [facts] = await userAccountBinding.facts(tx, [current]);
      const refusal = facts && lastActiveAdmin(facts);
      if (refusal)
        throw new AppError('unprocessable', refusalMessage(userAccountLifecycle, refusal, 'fr'), {
          refusal: { code: refusal.code, params: {} },
        });
    }
    if (Object.keys(profileChanges).length > 0 || passwordHash) {
      const updated = await updateUserAtVersion(tx.db, id, version, {
        ...profileChanges,
        ...(passwordHash ? { passwordHash } : {}),
      });
      if (!updated) throw staleVersion('user');
      version = updated.version;
      if (Object.keys(profileChanges).length > 0) {
        await recordAudit(tx, {
          action: 'user.update',
          targetType: 'user',
          targetId: id,
          before: auditSnapshot(current),
          after: auditSnapshot(updated),
        });
      }
      if (passwordHash) {
        const ended = await deleteUserSessions(tx.db, id);
        await recordAudit(tx, {
          action: 'user.resetPassword',
          targetType: 'user',
          targetId: id,
          after: { endedSessions: ended },
        });
      }
    }

    return id;
  });
}

function sameRoles(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((role) => b.includes(role));
}
