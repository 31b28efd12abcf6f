import {
  type GuardParams,
  type Label,
  type Language,
  type LifecycleDefinition,
  refusalMessage,
} from '../../../../common/lifecycle.ts';
import { LIFECYCLES } from '../../../../common/lifecycles/index.ts';
import type { TransitionDto } from '../../../../common/schemas/lifecycle.ts';

// biome-ignore lint/suspicious/noExplicitAny: definitions of every shape
export type AnyLifecycle = LifecycleDefinition<any, string, any>;

export function lifecycleDefinition(name: string): AnyLifecycle | undefined {
  return LIFECYCLES[name];
}

export const locale = (language: Language) => (language === 'en' ? 'en-GB' : 'fr-FR');

/** "A, B et C" / "A, B and C". */
export const allOf = (items: string[], language: Language) =>
  new Intl.ListFormat(locale(language), { type: 'conjunction' }).format(items);

/** "A, B ou C" / "A, B or C". */
export const anyOf = (items: string[], language: Language) =>
  new Intl.ListFormat(locale(language), { type: 'disjunction' }).format(items);

export const stateLabel = (definition: AnyLifecycle, state: string, language: Language) =>
  (definition.states[state] as { label: Label } | undefined)?.label[language] ?? state;

/**
 * A refusal in the reader's language, from its code through the definition. The engine's own codes
 * (wrong state, not a party) carry French words in their parameters: they are rebuilt here from the
 * transition and the definition. The server's message is only the fallback for an unknown code.
 */
export function refusalText(
  definition: AnyLifecycle,
  transition: Pick<TransitionDto, 'label' | 'parties'>,
  refusal: { code: string; params?: GuardParams },
  language: Language,
  fallback: string,
) {
  const params: GuardParams = { ...refusal.params, action: transition.label[language] };
  if (refusal.code === 'wrongState') {
    const state = Object.keys(definition.states).find(
      (key) => stateLabel(definition, key, 'fr') === refusal.params?.state,
    );
    if (state) params.state = stateLabel(definition, state, language);
  }
  if (refusal.code === 'notParty') {
    params.parties = anyOf(
      transition.parties.map((party) => party.label[language]),
      language,
    );
  }
  const text = refusalMessage(definition, { code: refusal.code, params }, language);
  return text === refusal.code ? fallback : text;
}

/** Why a transition the server describes is not allowed now, in the reader's language (null if it is). */
export function transitionRefusal(definition: AnyLifecycle, transition: TransitionDto, language: Language) {
  const { reason } = transition;
  return reason ? refusalText(definition, transition, reason, language, reason.message[language]) : null;
}

/**
 * Refusals to a non-party that name the same parties are said once for all their actions (a reader
 * outside the project would otherwise read the same sentence for each action).
 */
export function groupReserved(refused: TransitionDto[]) {
  const byParties = new Map<string, TransitionDto[]>();
  for (const transition of refused) {
    if (transition.reason?.kind !== 'notParty') continue;
    const key = transition.parties.map((party) => party.label.fr).join('|');
    byParties.set(key, [...(byParties.get(key) ?? []), transition]);
  }
  const reserved = [...byParties.values()].filter((group) => group.length > 1);
  const grouped = new Set(reserved.flat());
  return { reserved, single: refused.filter((transition) => !grouped.has(transition)) };
}
