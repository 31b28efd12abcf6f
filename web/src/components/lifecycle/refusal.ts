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
