import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Language, targetsOf } from '../../../../common/lifecycle.ts';
import type { LifecycleViewDto } from '../../../../common/schemas/lifecycle.ts';
import { useLanguage } from '../../i18n/index.ts';
import { formatDateTime, formatDay } from '../dates.ts';
import { type AnyLifecycle, anyOf, stateLabel } from './refusal.ts';

/**
 * `past`: before the current step, with no history to tell whether it was reached; `earlier`: after the
 * current step, yet reached before (a lifecycle that goes back, like an account reactivated).
 */
type StepStatus = 'reached' | 'current' | 'skipped' | 'past' | 'earlier' | 'future';
interface Step {
  /** The states of the step: one, or the alternatives one transition chooses between (labelled or homologated). */
  states: string[];
  /** The state to name: the one reached, or null to name the alternatives. */
  shown: string | null;
  status: StepStatus;
  at: string | undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A field label as the history repeats it: what was given, without the form's "(optional)". */
const withoutOptionalMark = (label: string) => label.replace(/\s*\((facultatif|optional)\)$/i, '');
const transitionLabel = (definition: AnyLifecycle, transition: string | null, language: Language) =>
  (transition && definition.transitions[transition]?.label[language]) || '';

export const formatReachedAt = (iso: string, language: Language) => formatDateTime(iso, language) ?? iso;

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
    if (targets.length > 1) for (const state of targets) alternatives.set(state, targets);
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

/** The steps as an ordered list: in a row on wide screens, in a column on phones (styles.css). */
export function LifecycleSteps({
  definition,
  view,
  label,
}: {
  definition: AnyLifecycle;
  view: LifecycleViewDto;
  label: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const steps = lifecycleSteps(definition, view);
  return (
    <ol className="lifecycle-steps" aria-label={label}>
      {steps.map((step, index) => {
        const name = step.shown
          ? stateLabel(definition, step.shown, language)
          : anyOf(
              step.states.map((state) => stateLabel(definition, state, language)),
              language,
            );
        const date = step.at ? formatReachedAt(step.at, language) : null;
        return (
          <li
            key={step.states.join('|')}
            className="lifecycle-step"
            data-status={step.status}
            aria-current={step.status === 'current' ? 'step' : undefined}
          >
            <span className="lifecycle-step-marker" aria-hidden="true">
              {step.status === 'reached' ? '✓' : index + 1}
            </span>
            <span className="lifecycle-step-text">
              {step.status === 'current' ? (
                <span className="lifecycle-step-current">{t('lifecycle.current')}</span>
              ) : null}
              <Text component="span" fw={step.status === 'current' ? 700 : 500} display="block">
                {name}
              </Text>
              {date ? (
                <Text component="span" size="sm" display="block">
                  {t(
                    step.status === 'current'
                      ? 'lifecycle.since'
                      : step.status === 'earlier'
                        ? 'lifecycle.reachedEarlier'
                        : 'lifecycle.reachedOn',
                    { date },
                  )}
                </Text>
              ) : null}
              {step.status === 'skipped' ? (
                <Text component="span" size="sm" display="block" c="dimmed">
                  {t('lifecycle.skipped')}
                </Text>
              ) : null}
              {step.status === 'future' ? <span className="sr-only">{t('lifecycle.notReached')}</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** Every change of state with its date, oldest first (a state may be reached several times). */
export function LifecycleHistory({ definition, view }: { definition: AnyLifecycle; view: LifecycleViewDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (view.reached.length < 2) return null;
  return (
    <details className="lifecycle-more">
      <summary>{t('lifecycle.history', { count: view.reached.length })}</summary>
      <ol className="plain-list lifecycle-history">
        {view.reached.map((entry) => (
          <li key={`${entry.state}-${entry.at}`}>
            <time dateTime={entry.at}>{formatReachedAt(entry.at, language)}</time> —{' '}
            {stateLabel(definition, entry.state, language)}
            {entry.by ? (
              <Text span size="sm" c="dimmed">
                {' '}
                {t('lifecycle.byAction', {
                  action: transitionLabel(definition, entry.transition, language),
                  who:
                    entry.by.kind === 'system'
                      ? t('lifecycle.bySystem')
                      : (entry.by.name ?? t('lifecycle.unknownPerson')),
                })}
              </Text>
            ) : null}
            {entry.input.length > 0 ? (
              <ul className="plain-list lifecycle-history-input">
                {entry.input.map((item) => (
                  <li key={item.label.fr}>
                    {t('lifecycle.given', {
                      label: withoutOptionalMark(item.label[language]),
                      value: ISO_DATE.test(item.value) ? formatDay(item.value, language) : item.value,
                    })}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
