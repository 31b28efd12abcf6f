import type { Role } from './roles.ts';

/**
 * The one declarative format for every lifecycle of Mutualis (user accounts now; projects,
 * deployment requests, acceptance campaigns next). The server executes it (server/lib/lifecycle.ts):
 * it checks the state, the role and the guards, applies the change and writes the audit event in one
 * transaction. The web reads the same definition to offer only the transitions that are possible.
 */
export interface Label {
  fr: string;
  en: string;
}

/** A guard returns null when the transition may go ahead, or a French reason the user can act on. */
export type Guard<Facts> = (facts: Facts) => string | null;

export interface TransitionDefinition<State extends string, Facts> {
  from: readonly State[];
  to: State;
  roles: readonly Role[];
  guards?: readonly Guard<Facts>[];
  label: Label;
}

export interface LifecycleDefinition<State extends string, TransitionName extends string, Facts> {
  /** Used in audit actions: `<name>.<transition>`. */
  name: string;
  /** The audit target type of the resource this lifecycle governs. */
  targetType: string;
  initial: State;
  states: Record<State, { label: Label }>;
  transitions: Record<TransitionName, TransitionDefinition<State, Facts>>;
}

export function defineLifecycle<State extends string, TransitionName extends string, Facts>(
  definition: LifecycleDefinition<State, TransitionName, Facts>,
): LifecycleDefinition<State, TransitionName, Facts> {
  for (const [name, transition] of Object.entries(definition.transitions) as [
    string,
    TransitionDefinition<State, Facts>,
  ][]) {
    if (!(transition.to in definition.states))
      throw new Error(`${definition.name}.${name}: unknown target state`);
    for (const from of transition.from) {
      if (!(from in definition.states))
        throw new Error(`${definition.name}.${name}: unknown source state ${from}`);
    }
  }
  return definition;
}

export type RefusalReason = 'wrongState' | 'role' | 'guard';

export type TransitionCheck = { allowed: true } | { allowed: false; reason: RefusalReason; detail: string };

/** Pure check shared by the server (enforcement) and the web (which buttons to show). */
export function checkTransition<State extends string, TransitionName extends string, Facts>(
  definition: LifecycleDefinition<State, TransitionName, Facts>,
  transitionName: TransitionName,
  current: State,
  roles: readonly Role[],
  facts: Facts,
): TransitionCheck {
  const transition = definition.transitions[transitionName];
  if (!transition.from.includes(current)) {
    return {
      allowed: false,
      reason: 'wrongState',
      detail: `L'action « ${transition.label.fr} » n'est pas possible dans l'état « ${definition.states[current].label.fr} ».`,
    };
  }
  if (!transition.roles.some((role) => roles.includes(role))) {
    return {
      allowed: false,
      reason: 'role',
      detail: `L'action « ${transition.label.fr} » est réservée aux rôles suivants : ${transition.roles.join(', ')}.`,
    };
  }
  for (const guard of transition.guards ?? []) {
    const refusal = guard(facts);
    if (refusal) return { allowed: false, reason: 'guard', detail: refusal };
  }
  return { allowed: true };
}

/** Names of the transitions the given roles may fire from the current state, guards included. */
export function availableTransitions<State extends string, TransitionName extends string, Facts>(
  definition: LifecycleDefinition<State, TransitionName, Facts>,
  current: State,
  roles: readonly Role[],
  facts: Facts,
): TransitionName[] {
  return (Object.keys(definition.transitions) as TransitionName[]).filter(
    (name) => checkTransition(definition, name, current, roles, facts).allowed,
  );
}
