import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  BOARD_ITEM_KIND_LABELS,
  BOARD_ITEM_STATE_LABELS,
  DECISION_OUTCOME_LABELS,
  VOTE_MODE_LABELS,
} from '../../../../common/board/vocabulary.ts';
import type { DecisionDto } from '../../../../common/schemas/board.ts';
import { useLabel } from '../../i18n/index.ts';

/** What the board's pages share: badges of a state or a decision, a decision as a card. */

const OUTCOME_COLOURS = { approved: 'green', rejected: 'red', postponed: 'gray' } as const;

export function OutcomeBadge({ outcome }: { outcome: DecisionDto['outcome'] }) {
  const label = useLabel();
  return (
    <Badge variant="light" color={OUTCOME_COLOURS[outcome]} c="gray.9">
      {label(DECISION_OUTCOME_LABELS[outcome])}
    </Badge>
  );
}

export function ItemStateBadge({ state }: { state: keyof typeof BOARD_ITEM_STATE_LABELS }) {
  const label = useLabel();
  return (
    <Badge variant="outline" color="gray.8">
      {label(BOARD_ITEM_STATE_LABELS[state])}
    </Badge>
  );
}

const LINK_PATHS = {
  project: '/projets/',
  call: '/appels/',
  application: '/catalogue/',
  organisation: '/organismes/',
};

/** One decision: its number, question, options, what was decided and why, the vote, the objects concerned. */
export function DecisionCard({
  decision,
  headingLevel = 2,
}: {
  decision: DecisionDto;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const titleId = `decision-${decision.id}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId}>
      <Stack gap={6}>
        <Title order={headingLevel} size="h4" id={titleId}>
          {decision.reference ? (
            <Anchor component={Link} to={`/instance/decisions/${decision.id}`}>
              {decision.reference} — {decision.item.title}
            </Anchor>
          ) : (
            `${t('board.draft')} — ${decision.item.title}`
          )}
        </Title>
        <Group gap="xs">
          <OutcomeBadge outcome={decision.outcome} />
          <Badge variant="outline" color="gray.8">
            {label(BOARD_ITEM_KIND_LABELS[decision.item.kind])}
          </Badge>
          <Text size="sm">
            <Anchor component={Link} to={`/instance/seances/${decision.meeting.id}`}>
              {decision.meeting.title}
            </Anchor>{' '}
            · {decision.meeting.meetingOn}
          </Text>
        </Group>
        <Text size="sm">
          <strong>{t('board.question')} :</strong> {decision.question}
        </Text>
        {decision.options.length > 0 ? (
          <List size="sm">
            {decision.options.map((option) => (
              <List.Item key={option}>{option}</List.Item>
            ))}
          </List>
        ) : null}
        <Text size="sm">
          <strong>{t('board.outcome')} :</strong> {decision.statement}
        </Text>
        <Text size="sm">
          <strong>{t('board.rationale')} :</strong> {decision.rationale}
        </Text>
        <Text size="sm">
          {label(VOTE_MODE_LABELS[decision.voteMode])}
          {decision.votes ? ` — ${t('board.votes', decision.votes)}` : ''}
        </Text>
        {decision.links.length > 0 ? (
          <Text size="sm">
            {t('board.links')} :{' '}
            {decision.links.map((link, i) => (
              <span key={`${link.type}-${link.id}`}>
                {i > 0 ? ', ' : ''}
                <Anchor component={Link} to={`${LINK_PATHS[link.type]}${link.id}`}>
                  {link.label}
                </Anchor>
              </span>
            ))}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
