import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { referentialProposalLifecycle } from '../../../../common/lifecycles/referential-proposal.ts';
import type { VoteValue } from '../../../../common/referential/vocabulary.ts';
import type { ProposalDto } from '../../../../common/schemas/referential.ts';
import { useFireProposalTransition, useProposal, useVote } from '../../api/referential.ts';
import { formatDateTime } from '../../components/dates.ts';
import { LifecyclePanel } from '../../components/lifecycle/lifecycle-panel.tsx';
import { MarkdownHtml } from '../../components/markdown.tsx';
import { ErrorAlert, type Notice, PageHeader, StatusMessage } from '../../components/page.tsx';
import { useLanguage } from '../../i18n/index.ts';
import { DiffView } from './diff-view.tsx';

function VoteForm({ proposal }: { proposal: ProposalDto }) {
  const { t } = useTranslation();
  const vote = useVote(proposal.id);
  const [value, setValue] = useState<VoteValue>(proposal.votes.mine ?? 'up');
  const [comment, setComment] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const send = (event: FormEvent) => {
    event.preventDefault();
    vote.mutate(
      { value, comment },
      {
        onSuccess: () => {
          setComment('');
          setNotice({ text: t('referential.voted') });
        },
      },
    );
  };
  return (
    <Stack component="form" onSubmit={send} gap="xs" aria-label={t('referential.vote')}>
      <StatusMessage notice={notice} onClose={() => setNotice(null)} />
      <ErrorAlert error={vote.error} />
      <Radio.Group
        label={t('referential.vote')}
        value={value}
        onChange={(next) => setValue(next as VoteValue)}
      >
        <Group gap="lg" mt={4}>
          <Radio value="up" label={t('referential.voteFor')} />
          <Radio value="down" label={t('referential.voteAgainst')} />
        </Group>
      </Radio.Group>
      <Textarea
        label={t('referential.comment')}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        maxLength={2000}
        autosize
        minRows={2}
      />
      <Group>
        <Button type="submit" loading={vote.isPending}>
          {proposal.votes.mine ? t('referential.changeVote') : t('referential.submitVote')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A proposal: what it changes (diff and preview), its rationale, the discussion and votes, the decision. */
export function ProposalPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useProposal(id);
  const fire = useFireProposalTransition();
  const proposal = query.data;
  const title = proposal
    ? proposal.page
      ? t('referential.proposalOf', { title: proposal.page.title })
      : t('referential.newPageProposal')
    : t('referential.proposal');
  return (
    <Stack>
      <PageHeader
        title={title}
        intro={
          proposal
            ? t('referential.by', {
                name: proposal.author.name,
                office: proposal.author.office,
                date: formatDateTime(proposal.createdAt, language),
              })
            : undefined
        }
      />
      <ErrorAlert error={query.error} />
      {proposal ? (
        <>
          <Group gap="xs">
            {proposal.page ? (
              <Anchor component={Link} to={`/referentiel/${proposal.page.slug}`}>
                {proposal.page.title}
              </Anchor>
            ) : (
              <Anchor component={Link} to="/referentiel">
                {t('referential.title')}
              </Anchor>
            )}
            <Badge variant="light">{t(`referential.categories.${proposal.category}`)}</Badge>
            <Badge
              variant="light"
              color={proposal.state === 'open' ? 'blue' : proposal.state === 'accepted' ? 'green' : 'gray'}
            >
              {t(`referential.states.${proposal.state}`)}
            </Badge>
          </Group>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{proposal.rationale}</Text>
          {proposal.decisionNote ? (
            <Alert color="gray">{t('referential.decisionNote', { note: proposal.decisionNote })}</Alert>
          ) : null}
          <Paper withBorder p="md" component="section" aria-labelledby="changes-title">
            <Title order={2} size="h4" id="changes-title" mb="xs">
              {t('referential.changes')}
            </Title>
            <DiffView
              lines={proposal.diff}
              label={t('referential.changesCaption', { number: proposal.baseVersion?.number ?? 0 })}
            />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="preview-title">
            <Title order={2} size="h4" id="preview-title" mb="xs">
              {t('referential.preview')} — {proposal.title}
            </Title>
            <MarkdownHtml html={proposal.bodyHtml} />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="votes-title">
            <Stack gap="sm">
              <Title order={2} size="h4" id="votes-title">
                {t('referential.discussion')} · {t('referential.votesCount', proposal.votes)}
              </Title>
              {proposal.votes.items.length === 0 ? <Text>{t('referential.noVote')}</Text> : null}
              <List spacing="xs" listStyleType="none">
                {proposal.votes.items.map((vote) => (
                  <List.Item key={vote.voter.id}>
                    <Text fw={600} span>
                      {t('referential.voteFrom', {
                        name: vote.voter.name,
                        office: vote.voter.office,
                        value: vote.value === 'up' ? t('referential.voteFor') : t('referential.voteAgainst'),
                      })}
                    </Text>
                    {vote.comment ? <Text style={{ whiteSpace: 'pre-wrap' }}>{vote.comment}</Text> : null}
                  </List.Item>
                ))}
              </List>
              {proposal.abilities.vote ? <VoteForm proposal={proposal} /> : null}
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <LifecyclePanel
              lifecycle={referentialProposalLifecycle.name}
              view={proposal.lifecycles.find((view) => view.lifecycle === referentialProposalLifecycle.name)}
              transitions={proposal.transitions}
              version={proposal.version}
              subject={title}
              title={t('referential.decision')}
              fire={(body) => fire.mutateAsync({ id: proposal.id, body })}
            />
          </Paper>
        </>
      ) : null}
    </Stack>
  );
}
