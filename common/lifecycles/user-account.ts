import { defineLifecycle } from '../lifecycle.ts';

export const USER_STATUSES = ['active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** What the guards of a user-account transition need to know; the server gathers it in the transaction. */
export interface UserAccountFacts {
  isSelf: boolean;
  subjectIsAdmin: boolean;
  /** Active administrators other than the subject. */
  otherActiveAdmins: number;
}

export const userAccountLifecycle = defineLifecycle<
  UserStatus,
  'deactivate' | 'reactivate',
  UserAccountFacts
>({
  name: 'userAccount',
  targetType: 'user',
  initial: 'active',
  states: {
    active: { label: { fr: 'Actif', en: 'Active' } },
    deactivated: { label: { fr: 'Désactivé', en: 'Deactivated' } },
  },
  transitions: {
    deactivate: {
      from: ['active'],
      to: 'deactivated',
      roles: ['admin'],
      label: { fr: 'Désactiver le compte', en: 'Deactivate the account' },
      guards: [
        (facts) =>
          facts.isSelf
            ? 'Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.'
            : null,
        (facts) =>
          facts.subjectIsAdmin && facts.otherActiveAdmins === 0
            ? "C'est le dernier administrateur actif : nommez-en un autre avant de désactiver ce compte."
            : null,
      ],
    },
    reactivate: {
      from: ['deactivated'],
      to: 'active',
      roles: ['admin'],
      label: { fr: 'Réactiver le compte', en: 'Reactivate the account' },
    },
  },
});
