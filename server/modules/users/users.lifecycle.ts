import {
  type UserAccountFacts,
  type UserStatus,
  userAccountLifecycle,
} from '../../../common/lifecycles/user-account.ts';
import type { LifecycleBinding } from '../../lib/lifecycle.ts';
import { deleteUserSessions } from '../auth/sessions.queries.ts';
import { auditSnapshot } from './users.mapper.ts';
import { countActiveAdminsById, type UserRow, userStatusStore } from './users.queries.ts';

/** Accounts: deactivated by an administrator (never oneself, never the last active one), reactivated. */
export const userAccountBinding: LifecycleBinding<
  UserStatus,
  'deactivate' | 'reactivate',
  UserAccountFacts,
  UserRow
> = {
  definition: userAccountLifecycle,
  notFoundLabel: 'Utilisateur',
  staleSubject: 'user',
  store: userStatusStore,
  idOf: (row) => row.id,
  parties: () => ({}),
  snapshot: auditSnapshot,
  async facts(ctx, rows) {
    const activeAdmins = await countActiveAdminsById(ctx.db);
    return rows.map((row) => ({
      isSelf: ctx.actor?.userId === row.id,
      subjectIsAdmin: row.roles.includes('admin'),
      otherActiveAdmins: activeAdmins.filter((id) => id !== row.id).length,
      erased: row.erasedAt !== null,
    }));
  },
  async effects(ctx, change) {
    // A deactivated user is signed out everywhere at once.
    if (change.transition === 'deactivate') await deleteUserSessions(ctx.db, change.after.id);
  },
};
