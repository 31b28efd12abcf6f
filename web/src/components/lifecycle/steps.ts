import { targetsOf } from '../../../../common/lifecycle.ts';
import type { LifecycleViewDto } from '../../../../common/schemas/lifecycle.ts';
import type { AnyLifecycle } from './refusal.ts';

/**
 * `past`: before the current step, with no history to tell whether it was reached; `earlier`: after the
 * current step, yet reached before (a lifecycle that goes back, like an account reactivated).
 */
type StepStatus = 'reached' | 'current' | 'skipped' | 'past' | 'earlier' | 'future';
export interface Step {
  /** The states of the step: one, or the alternatives one transition chooses between (labelled or homologated). */
  states: string[];
  /** The state to name: the one reached, or null to name the alternatives. */
  shown: string | null;
  status: StepStatus;
  at: string | undefined;
}

/**
 * The steps to draw, in the definition's order: side states only when current; the targets of one
 * transition that the facts choose between share a step. Before the current step, each step shows the
 * last time it was reached (or that it was not); after it, a step reached before (a lifecycle that went
 * back) says when — the history says the rest.
 */
export function lifecycleSteps(definition: AnyLifecycle, view: LifecycleViewDto): Step[] {
  const alternatives = new Map<string, string[]>();
  for (const transition of Object.values(definition.transitions)) {
    const targets = targetsOf(transition);
    // A way back from a side state (a suspended project resumed to the phase it left) is no choice
    // between steps: only a transition from the main line makes its targets share a step.
    const fromMainLine = (transition.from as readonly string[]).some(
      (state) => !definition.states[state]?.side,
    );
    if (targets.length > 1 && fromMainLine) for (const state of targets) alternatives.set(state, targets);
  }
  const drawn = Object.entries(definition.states)
    .filter(([state, { side }]) => !side || state === view.state)
    .map(([state]) => state);
  const groups: string[][] = [];
  for (const state of drawn) {
    if (groups.some((group) => group.includes(state))) continue;
    groups.push((alternatives.get(state) ?? [state]).filter((s) => drawn.includes(s)));
  }
  const lastReached = (state: string) => view.reached.findLast((r) => r.state === state)?.at;
  const currentIndex = groups.findIndex((group) => group.includes(view.state));
  return groups.map((states, index): Step => {
    if (index === currentIndex)
      return { states, shown: view.state, status: 'current', at: lastReached(view.state) };
    if (currentIndex < 0 || index > currentIndex) {
      const earlier = states.find((state) => lastReached(state));
      return earlier
        ? { states, shown: earlier, status: 'earlier', at: lastReached(earlier) }
        : { states, shown: null, status: 'future', at: undefined };
    }
    const reached = states
      .map((state) => ({ state, at: lastReached(state) }))
      .filter((r): r is { state: string; at: string } => r.at !== undefined)
      .sort((a, b) => a.at.localeCompare(b.at))
      .at(-1);
    if (reached) return { states, shown: reached.state, status: 'reached', at: reached.at };
    return { states, shown: null, status: view.reached.length > 0 ? 'skipped' : 'past', at: undefined };
  });
}
