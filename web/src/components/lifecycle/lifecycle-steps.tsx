import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Language, targetsOf } from '../../../../common/lifecycle.ts';
import type { LifecycleViewDto } from '../../../../common/schemas/lifecycle.ts';
import { useLanguage } from '../../i18n/index.ts';
import { type AnyLifecycle, anyOf, locale, stateLabel } from './refusal.ts';

/** `past`: before the current step, with no history to tell whether it was reached. */
type StepStatus = 'reached' | 'current' | 'skipped' | 'past' | 'future';
interface Step {
  /** The states of the step: one, or the alternatives one transition chooses between (labelled or homologated). */
  states: string[];
  /** The state to name: the one reached, or null to name the alternatives. */
  shown: string | null;
  status: StepStatus;
  at: string | undefined;
}

export const formatReachedAt = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

/**
 * The steps to draw, in the definition's order: side states only when current; the targets of one
 * transition that the facts choose between share a step. Before the current step, each step shows the
 * last time it was reached (or that it was not); after it, nothing is dated — the history says the rest.
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
    if (currentIndex < 0 || index > currentIndex)
      return { states, shown: null, status: 'future', at: undefined };
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
                  {t(step.status === 'current' ? 'lifecycle.since' : 'lifecycle.reachedOn', { date })}
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
                {entry.by.kind === 'system'
                  ? t('lifecycle.bySystem')
                  : t('lifecycle.by', { name: entry.by.name ?? t('lifecycle.unknownPerson') })}
              </Text>
            ) : null}
            {entry.input.length > 0 ? (
              <ul className="plain-list lifecycle-history-input">
                {entry.input.map((item) => (
                  <li key={item.label.fr}>
                    {item.label[language]} : {item.value}
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
