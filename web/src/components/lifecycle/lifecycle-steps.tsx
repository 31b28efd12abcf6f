import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../common/lifecycle.ts';
import type { LifecycleViewDto } from '../../../../common/schemas/lifecycle.ts';
import { useLanguage } from '../../i18n/index.ts';
import { formatDateTime, formatDay } from '../dates.ts';
import { type AnyLifecycle, anyOf, stateLabel } from './refusal.ts';
import { lifecycleSteps } from './steps.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A field label as the history repeats it: what was given, without the form's "(optional)". */
const withoutOptionalMark = (label: string) => label.replace(/\s*\((facultatif|optional)\)$/i, '');
const transitionLabel = (definition: AnyLifecycle, transition: string | null, language: Language) =>
  (transition && definition.transitions[transition]?.label[language]) || '';

export const formatReachedAt = (iso: string, language: Language) => formatDateTime(iso, language) ?? iso;

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
