import { Badge, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WISH_STATE_LABELS } from '../../../../common/clubs/vocabulary.ts';
import { clubWishLifecycle } from '../../../../common/lifecycles/club-wish.ts';
import type { ClubDto, ClubWishDto } from '../../../../common/schemas/clubs.ts';
import { useClubWrite, useFireWishTransition } from '../../api/clubs.ts';
import { TransitionButton } from '../../components/lifecycle/lifecycle-panel.tsx';
import { TransitionDialog } from '../../components/lifecycle/transition-dialog.tsx';
import { ErrorAlert } from '../../components/page.tsx';
import { useLabel } from '../../i18n/index.ts';
import { fieldError } from './club-forms.tsx';

/** One wish: its votes, the office's vote buttons, the designer's answer or its answering buttons. */
function Wish({
  wish,
  applicationId,
  onAnswer,
  onDone,
}: {
  wish: ClubWishDto;
  applicationId: string;
  onAnswer: (wish: ClubWishDto, action: string) => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const write = useClubWrite(applicationId);
  const vote = (value: 'for' | 'against' | null) =>
    write.mutate({ kind: 'vote', wishId: wish.id, value }, { onSuccess: () => onDone(t('clubs.voted')) });
  const answers = wish.transitions.filter((transition) => transition.allowed);
  const headingId = `wish-${wish.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h5" id={headingId}>
            {wish.title}
          </Title>
          <Badge
            variant="light"
            color={wish.state === 'planned' ? 'green' : wish.state === 'declined' ? 'gray' : 'blue'}
          >
            {label(WISH_STATE_LABELS[wish.state])}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('clubs.proposedBy', { author: wish.author.displayName, office: wish.office.name })}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{wish.description}</Text>
        {wish.state === 'planned' ? (
          <Text fw={600}>{t('clubs.plannedFor', { version: wish.plannedVersion })}</Text>
        ) : null}
        {wish.state === 'declined' ? (
          <Text fw={600}>{t('clubs.declinedBecause', { reason: wish.declineReason })}</Text>
        ) : null}
        <Text size="sm">{t('clubs.votes', { for: wish.votesFor, against: wish.votesAgainst })}</Text>
        {wish.myVote ? (
          <Text size="sm">{t('clubs.myVote', { vote: t(`clubs.voteValue.${wish.myVote}`) })}</Text>
        ) : null}
        {wish.canVote ? (
          <Group gap="xs">
            <Button
              size="xs"
              variant={wish.myVote === 'for' ? 'filled' : 'light'}
              aria-pressed={wish.myVote === 'for'}
              onClick={() => vote('for')}
            >
              {t('clubs.voteFor')}
              <span className="sr-only"> : {wish.title}</span>
            </Button>
            <Button
              size="xs"
              variant={wish.myVote === 'against' ? 'filled' : 'light'}
              aria-pressed={wish.myVote === 'against'}
              onClick={() => vote('against')}
            >
              {t('clubs.voteAgainst')}
              <span className="sr-only"> : {wish.title}</span>
            </Button>
            {wish.myVote ? (
              <Button size="xs" variant="default" onClick={() => vote(null)}>
                {t('clubs.withdrawVote')}
                <span className="sr-only"> : {wish.title}</span>
              </Button>
            ) : null}
          </Group>
        ) : null}
        {answers.length > 0 ? (
          <Group gap="xs">
            {answers.map((transition) => (
              <TransitionButton
                key={transition.action}
                size="xs"
                transition={transition}
                subject={wish.title}
                onOpen={(action) => onAnswer(wish, action)}
              />
            ))}
          </Group>
        ) : null}
        <ErrorAlert error={write.error} />
      </Stack>
    </Paper>
  );
}

function WishForm({ applicationId, onDone }: { applicationId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const write = useClubWrite(applicationId);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const send = (event: FormEvent) => {
    event.preventDefault();
    write.mutate(
      { kind: 'wish', body: { title, description } },
      {
        onSuccess: () => {
          setTitle('');
          setDescription('');
          onDone(t('clubs.wishProposed'));
        },
      },
    );
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={send} noValidate aria-labelledby="new-wish-title">
        <Stack gap="xs">
          <Title order={3} size="h5" id="new-wish-title">
            {t('clubs.newWish')}
          </Title>
          <TextInput
            label={t('clubs.wishTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldError(write.error, 'title')}
          />
          <Textarea
            label={t('clubs.wishDescription')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={3}
            error={fieldError(write.error, 'description')}
          />
          <Group>
            <Button type="submit" loading={write.isPending}>
              {t('clubs.submitWish')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The wish list: the most wanted open wishes first, then the answered ones. */
export function Wishes({ club, onDone }: { club: ClubDto; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const fire = useFireWishTransition(club.application.id);
  const [answering, setAnswering] = useState<{ wish: ClubWishDto; action: string } | null>(null);
  return (
    <Stack gap="sm" component="section" aria-labelledby="wishes-title">
      <Title order={2} size="h4" id="wishes-title">
        {t('clubs.wishes')}
      </Title>
      {club.can.wish ? <WishForm applicationId={club.application.id} onDone={onDone} /> : null}
      {club.wishes.length === 0 ? <Text c="dimmed">{t('clubs.noWish')}</Text> : null}
      {club.wishes.map((wish) => (
        <Wish
          key={wish.id}
          wish={wish}
          applicationId={club.application.id}
          onAnswer={(w, action) => setAnswering({ wish: w, action })}
          onDone={onDone}
        />
      ))}
      <TransitionDialog
        definition={clubWishLifecycle}
        transition={answering?.wish.transitions.find((tr) => tr.action === answering.action) ?? null}
        subject={answering?.wish.title ?? ''}
        current={answering?.wish.state}
        version={answering?.wish.version ?? 1}
        fire={(body) => fire.mutateAsync({ id: answering?.wish.id ?? '', body })}
        onClose={() => setAnswering(null)}
        onDone={(message) => {
          setAnswering(null);
          onDone(message);
        }}
      />
    </Stack>
  );
}
