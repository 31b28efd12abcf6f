import { z } from 'zod';
import { defineLifecycle, role } from '../lifecycle.ts';
import { longText } from '../schemas/common.ts';

export const USER_STATUSES = ['active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** What the guards of a user-account transition need to know; the server gathers it in the transaction. */
export interface UserAccountFacts {
  isSelf: boolean;
  subjectIsAdmin: boolean;
  /** Active administrators other than the subject. */
  otherActiveAdmins: number;
  /** The person was erased (RGPD): the account stays deactivated for good. */
  erased: boolean;
}

/**
 * The platform keeps one active administrator at least: the deactivation guard, and the same rule when
 * an administrator's role is taken away (server/modules/users/users.service.ts).
 */
export const lastActiveAdmin = (facts: UserAccountFacts) =>
  facts.subjectIsAdmin && facts.otherActiveAdmins === 0 ? { code: 'lastAdmin' } : null;

export const userAccountLifecycle = defineLifecycle<
  UserStatus,
  'deactivate' | 'reactivate',
  UserAccountFacts
>({
  name: 'userAccount',
  targetType: 'user',
  label: { fr: 'Compte', en: 'Account' },
  initial: 'active',
  states: {
    active: { label: { fr: 'Actif', en: 'Active' } },
    deactivated: { label: { fr: 'Désactivé', en: 'Deactivated' } },
  },
  transitions: {
    deactivate: {
      from: ['active'],
      to: 'deactivated',
      parties: [role('admin')],
      label: { fr: 'Désactiver le compte', en: 'Deactivate the account' },
      confirm: true,
      tone: 'danger',
      input: z.object({
        reason: longText('Le motif')
          .max(500, { error: 'Le motif est limité à 500 caractères.' })
          .optional()
          .meta({ label: { fr: 'Motif (facultatif)', en: 'Reason (optional)' } }),
      }),
      guards: [(facts) => (facts.isSelf ? { code: 'self' } : null), lastActiveAdmin],
    },
    reactivate: {
      from: ['deactivated'],
      to: 'active',
      parties: [role('admin')],
      label: { fr: 'Réactiver le compte', en: 'Reactivate the account' },
      guards: [(facts) => (facts.erased ? { code: 'erased' } : null)],
    },
  },
  messages: {
    self: {
      fr: 'Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.',
      en: 'You cannot deactivate your own account: ask another administrator.',
    },
    erased: {
      fr: 'Cette personne a été effacée : son compte ne peut plus être réactivé. Créez-lui un nouveau compte.',
      en: 'This person was erased: the account cannot be reactivated. Create a new account instead.',
    },
    lastAdmin: {
      fr: "C'est le dernier administrateur actif : nommez-en un autre d'abord.",
      en: 'This is the last active administrator: appoint another one first.',
    },
  },
});
