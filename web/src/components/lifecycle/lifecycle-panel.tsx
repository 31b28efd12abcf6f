import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  FireTransitionInput,
  LifecycleViewDto,
  TransitionDto,
} from '../../../../common/schemas/lifecycle.ts';
import { useLanguage } from '../../i18n/index.ts';
import { type Notice, StatusMessage } from '../page.tsx';
import { LifecycleHistory, LifecycleSteps } from './lifecycle-steps.tsx';
import {
  allOf,
  anyOf,
  groupReserved,
  lifecycleDefinition,
  stateLabel,
  transitionRefusal,
} from './refusal.ts';
import { TransitionDialog } from './transition-dialog.tsx';

export interface LifecyclePanelProps {
  /** The definition's name (`LIFECYCLES` in common/lifecycles). */
  lifecycle: string;
  /** Where the subject stands, with the dates (from the resource's GET). */
  view: LifecycleViewDto | undefined;
  /** The resource's transitions; those of other lifecycles are left out. */
  transitions: readonly TransitionDto[];
  version: number;
  /** Who or what the lifecycle is of, as the dialog and the messages name it. */
  subject: string;
  fire: (body: FireTransitionInput) => Promise<unknown>;
  /** The section's heading (the definition's label by default). */
  title?: string | undefined;
  headingLevel?: 2 | 3;
  /** Consequences of some actions, by action, shown in their dialog. */
  notes?: Partial<Record<string, string>>;
}

/** The button that opens a transition's dialog: red when the definition marks it as dangerous. */
export function TransitionButton({
  transition,
  onOpen,
  subject,
  size,
}: {
  transition: TransitionDto;
  onOpen: (action: string) => void;
  /** Said to screen readers after the label when several subjects share a page (a table's rows). */
  subject?: string | undefined;
  size?: 'xs' | 'sm';
}) {
  const language = useLanguage();
  const danger = transition.tone === 'danger';
  return (
    <Button
      size={size}
      variant={danger ? 'outline' : 'light'}
      color={danger ? 'red.9' : undefined}
      onClick={() => onOpen(transition.action)}
    >
      {transition.label[language]}
      {subject ? <span className="sr-only"> {subject}</span> : null}
    </Button>
  );
}

/**
 * One lifecycle of a resource, for any module: its steps with the current one and the dates, the
 * actions the reader may take now (each through its dialog), the actions refused now with the reason
 * and who may take them, and — folded — the actions of other states.
 */
export function LifecyclePanel({
  lifecycle,
  view,
  transitions,
  version,
  subject,
  fire,
  title,
  headingLevel = 2,
  notes,
}: LifecyclePanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const [opened, setOpened] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const definition = lifecycleDefinition(lifecycle);
  if (!definition) return null;
  const own = transitions.filter((transition) => transition.lifecycle === lifecycle);
  const allowed = own.filter((transition) => transition.allowed);
  const refused = own.filter((transition) => !transition.allowed && transition.reason?.kind !== 'wrongState');
  const { single, reserved } = groupReserved(refused);
  const elsewhere = own.filter((transition) => transition.reason?.kind === 'wrongState');
  const heading = title ?? definition.label[language];
  const subheading = (headingLevel + 1) as 3 | 4;
  const who = (transition: TransitionDto, key: 'who' | 'reservedTo' = 'who') =>
    t(`lifecycle.${key}`, {
      parties: anyOf(
        transition.parties.map((party) => party.label[language]),
        language,
      ),
    });

  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Title order={headingLevel} size="h4" id={headingId}>
        {heading}
      </Title>
      <StatusMessage notice={notice} onClose={() => setNotice(null)} />
      {view ? (
        <>
          <LifecycleSteps
            definition={definition}
            view={view}
            label={t('lifecycle.steps', { name: heading })}
          />
          <LifecycleHistory definition={definition} view={view} />
        </>
      ) : null}
      {allowed.length > 0 ? (
        <>
          <Title order={subheading} size="h5">
            {t('lifecycle.allowed')}
          </Title>
          <Group gap="xs">
            {allowed.map((transition) => (
              <TransitionButton key={transition.action} transition={transition} onOpen={setOpened} />
            ))}
          </Group>
        </>
      ) : refused.length === 0 ? (
        <Text size="sm">{t('lifecycle.noAction')}</Text>
      ) : null}
      {refused.length > 0 ? (
        <>
          <Title order={subheading} size="h5">
            {t('lifecycle.refused')}
          </Title>
          <ul className="plain-list lifecycle-actions">
            {reserved.map((group) => (
              <li key={group.map((transition) => transition.action).join(' ')}>
                <Text fw={600}>
                  {allOf(
                    group.map((transition) => transition.label[language]),
                    language,
                  )}
                </Text>
                <Text size="sm">{who(group[0] as TransitionDto, 'reservedTo')}</Text>
              </li>
            ))}
            {single.map((transition) => (
              <ActionItem
                key={transition.action}
                transition={transition}
                lines={[
                  transitionRefusal(definition, transition, language) ?? '',
                  // A refusal to a non-party already names who may act.
                  transition.reason?.kind === 'notParty' ? '' : who(transition),
                ]}
              />
            ))}
          </ul>
        </>
      ) : null}
      {elsewhere.length > 0 ? (
        <details className="lifecycle-more">
          <summary>{t('lifecycle.elsewhere', { count: elsewhere.length })}</summary>
          <ActionList
            transitions={elsewhere}
            lines={(transition) => [
              t('lifecycle.possibleFrom', {
                states: anyOf(
                  (definition.transitions[transition.action]?.from ?? []).map((state: string) =>
                    stateLabel(definition, state, language),
                  ),
                  language,
                ),
              }),
              who(transition),
            ]}
          />
        </details>
      ) : null}
      <TransitionDialog
        definition={definition}
        transition={own.find((transition) => transition.action === opened) ?? null}
        subject={subject}
        current={view?.state}
        version={version}
        fire={fire}
        note={opened ? notes?.[opened] : undefined}
        onClose={() => setOpened(null)}
        onDone={(text) => setNotice({ text })}
      />
    </Stack>
  );
}

/** An action the reader cannot take now, with the lines that say why and who can. */
function ActionItem({ transition, lines }: { transition: TransitionDto; lines: string[] }) {
  const language = useLanguage();
  return (
    <li>
      <Text fw={600}>{transition.label[language]}</Text>
      {lines.filter(Boolean).map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
    </li>
  );
}

/** Actions of other states, each with the lines that say when and who can. */
function ActionList({
  transitions,
  lines,
}: {
  transitions: TransitionDto[];
  lines: (transition: TransitionDto) => string[];
}) {
  return (
    <ul className="plain-list lifecycle-actions">
      {transitions.map((transition) => (
        <ActionItem key={transition.action} transition={transition} lines={lines(transition)} />
      ))}
    </ul>
  );
}
