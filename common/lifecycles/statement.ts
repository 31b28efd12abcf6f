import { STATEMENT_STATE_LABELS as L, type StatementState } from '../compensation/vocabulary.ts';
import { defineLifecycle, role } from '../lifecycle.ts';

export type StatementTransition = 'validate' | 'withdraw';

const ddo = role('operationsDirectorate');

/**
 * A periodic statement of a compensation agreement: computed as a draft from the confirmed effort and the
 * valuation rule (its figures frozen on it), then validated by the DDO — from then on it is what the
 * accounting system pays. A draft the DDO withdraws frees its period, to be computed again.
 */
export const statementLifecycle = defineLifecycle<StatementState, StatementTransition, Record<string, never>>(
  {
    name: 'statement',
    targetType: 'statement',
    label: { fr: 'Relevé de convention', en: 'Agreement statement' },
    initial: 'draft',
    states: {
      draft: { label: L.draft },
      validated: { label: L.validated, terminal: true },
      withdrawn: { label: L.withdrawn, terminal: true, side: true },
    },
    fields: {},
    transitions: {
      validate: {
        from: ['draft'],
        to: 'validated',
        parties: [ddo],
        label: { fr: 'Valider le relevé', en: 'Validate the statement' },
        confirm: true,
      },
      withdraw: {
        from: ['draft'],
        to: 'withdrawn',
        parties: [ddo],
        label: { fr: 'Retirer le relevé', en: 'Withdraw the statement' },
        confirm: true,
        tone: 'danger',
      },
    },
    messages: {},
  },
);
