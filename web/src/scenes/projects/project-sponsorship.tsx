import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SPONSORSHIP_STATE_LABELS, type SponsorshipState } from '../../../../common/projects.ts';
import type { ProjectDto } from '../../../../common/schemas/project.ts';
import type { SponsorshipDto } from '../../../../common/schemas/project-collaboration.ts';
import { TRACK_DEFINITIONS } from '../../../../common/tracks.ts';
import { ApiError } from '../../api/client.ts';
import { useDecideSponsorship, useDirectorates, useRequestSponsorship } from '../../api/projects.ts';
import { can, useMe } from '../../api/queries.ts';
import { formatDateTime } from '../../components/dates.ts';
import type { Notice } from '../../components/page.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import { type Decision, DecisionDialog } from './decision-dialog.tsx';
import { RequestStateBadge } from './project-badges.tsx';
import { FormDialog, type ProjectDialogProps, ProjectSection } from './project-section.tsx';
import { WithdrawalDialog } from './sponsorship-withdrawal.tsx';

export function SponsorshipStateBadge({ state }: { state: SponsorshipState }) {
  const label = useLabel();
  return <RequestStateBadge state={state}>{label(SPONSORSHIP_STATE_LABELS[state])}</RequestStateBadge>;
}

/** A request as the holder and the sponsor read it: who was asked, the pitch, the answer and why. */
export function SponsorshipSummary({ sponsorship, title }: { sponsorship: SponsorshipDto; title?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={600}>{title ?? sponsorship.directorate.name}</Text>
        <SponsorshipStateBadge state={sponsorship.state} />
      </Group>
      <Text size="sm">
        {t('sponsorship.requested', {
          date: formatDateTime(sponsorship.requestedAt, language),
          who: sponsorship.requestedBy ?? t('sponsorship.someone'),
        })}
        {sponsorship.state === 'pending' ? ` ${t('sponsorship.age', { count: sponsorship.ageDays })}` : ''}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        <strong>{t('sponsorship.pitchIs')} </strong>
        {sponsorship.pitch}
      </Text>
      {sponsorship.withdrawnAt ? (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          <strong>
            {t('sponsorship.withdrawnOn', { date: formatDateTime(sponsorship.withdrawnAt, language) })}
          </strong>
          {sponsorship.withdrawalReason ? ` ${sponsorship.withdrawalReason}` : ''}
        </Text>
      ) : null}
      {sponsorship.decidedAt ? (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          <strong>
            {t('sponsorship.decided', {
              date: formatDateTime(sponsorship.decidedAt, language),
              who: sponsorship.decidedBy ?? t('sponsorship.someone'),
            })}
          </strong>{' '}
          {sponsorship.rationale}
        </Text>
      ) : null}
    </Stack>
  );
}

function RequestDialog({ project, opened, onClose, onDone }: ProjectDialogProps) {
  const { t } = useTranslation();
  const directorates = useDirectorates();
  const request = useRequestSponsorship();
  const [directorateId, setDirectorateId] = useState<string | null>(null);
  const [pitch, setPitch] = useState('');
  const problem = request.error instanceof ApiError ? request.error : null;
  const submit = () =>
    request.mutate(
      { id: project.id, body: { directorateId, pitch } },
      {
        onSuccess: (sponsorship) => {
          onDone({ text: t('sponsorship.sent', { name: sponsorship.directorate.name }) });
          onClose();
        },
      },
    );
  return (
    <FormDialog
      title={t('sponsorship.ask')}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      pending={request.isPending}
      submitLabel={t('sponsorship.send')}
      problem={problem}
    >
      <Text size="sm">{t('sponsorship.askHelp')}</Text>
      <Select
        label={t('sponsorship.directorate')}
        required
        data={(directorates.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        value={directorateId}
        onChange={setDirectorateId}
        error={problem?.fieldError('directorateId')}
        data-autofocus
      />
      <Textarea
        label={t('sponsorship.pitch')}
        description={t('sponsorship.pitchHelp', { count: pitch.length })}
        required
        value={pitch}
        onChange={(e) => setPitch(e.currentTarget.value)}
        error={problem?.fieldError('pitch')}
        autosize
        minRows={5}
      />
    </FormDialog>
  );
}

/** The accept and decline buttons of a pending request, for the sponsors of the directorate asked. */
export function SponsorshipDecisionButtons({
  sponsorship,
  onDecide,
}: {
  sponsorship: SponsorshipDto;
  onDecide: (d: Decision) => void;
}) {
  const { t } = useTranslation();
  const subject = <span className="sr-only"> — {sponsorship.projectTitle}</span>;
  const about = <SponsorshipSummary sponsorship={sponsorship} title={sponsorship.projectTitle} />;
  return (
    <Group gap="xs">
      <Button
        size="xs"
        onClick={() =>
          onDecide({
            decision: 'accepted',
            title: t('sponsorship.acceptTitle', { title: sponsorship.projectTitle }),
            about,
          })
        }
      >
        {t('decision.accept')}
        {subject}
      </Button>
      <Button
        size="xs"
        variant="outline"
        color="red.9"
        onClick={() =>
          onDecide({
            decision: 'declined',
            title: t('sponsorship.declineTitle', { title: sponsorship.projectTitle }),
            about,
          })
        }
      >
        {t('decision.decline')}
        {subject}
      </Button>
    </Group>
  );
}

/** The sponsorship decision dialog, shared by the project page and the sponsor's queue. */
export function useSponsorshipDecision(onDone: (notice: Notice) => void) {
  const { t } = useTranslation();
  const decide = useDecideSponsorship();
  const [target, setTarget] = useState<{ sponsorship: SponsorshipDto; decision: Decision } | null>(null);
  const dialog = (
    <DecisionDialog
      decision={target?.decision ?? null}
      rationaleLabel={t('sponsorship.rationale')}
      rationaleRequired
      onClose={() => setTarget(null)}
      onSubmit={async (decision, rationale) => {
        if (!target) return;
        await decide.mutateAsync({ sponsorship: target.sponsorship, decision, rationale });
        onDone({
          text: t(decision === 'accepted' ? 'sponsorship.acceptedDone' : 'sponsorship.declinedDone', {
            title: target.sponsorship.projectTitle,
          }),
        });
      }}
    />
  );
  return {
    open: (sponsorship: SponsorshipDto) => (decision: Decision) => setTarget({ sponsorship, decision }),
    dialog,
  };
}

export function Sponsorship({ project }: { project: ProjectDto }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { data: me } = useMe();
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const decision = useSponsorshipDecision(setNotice);
  const track = TRACK_DEFINITIONS[project.track];
  const open = project.sponsorships.some((s) => s.state === 'pending' || s.state === 'accepted');
  const [withdrawing, setWithdrawing] = useState<SponsorshipDto | null>(null);
  const sponsorOf = (s: SponsorshipDto) =>
    can(me, 'sponsorship.decide') && me?.organisation.id === s.directorate.id;
  const mayDecide = (s: SponsorshipDto) => s.state === 'pending' && sponsorOf(s);
  // As the API's rule: the holder's side withdraws its request, the directorate asked its sponsorship.
  const mayWithdraw = (s: SponsorshipDto) =>
    (s.state === 'pending' || s.state === 'accepted') && (project.can.requestSponsorship || sponsorOf(s));
  return (
    <ProjectSection
      title={t('sponsorship.title')}
      notice={notice}
      onNotice={setNotice}
      action={
        project.can.requestSponsorship && !open && !['delivered', 'abandoned'].includes(project.phase) ? (
          <Button variant="light" onClick={() => setAsking(true)}>
            {t('sponsorship.ask')}
          </Button>
        ) : null
      }
    >
      <Text size="sm">
        {t(track.rules.sponsorRequired ? 'sponsorship.required' : 'sponsorship.notRequired', {
          track: label(track.label).toLowerCase(),
        })}
      </Text>
      {project.sponsorships.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sponsorship.none')}
        </Text>
      ) : (
        <Stack component="ul" className="plain-list" gap="md">
          {project.sponsorships.map((s) => (
            <li key={s.id}>
              <SponsorshipSummary sponsorship={s} />
              <Group gap="xs" mt={4}>
                {mayDecide(s) ? (
                  <SponsorshipDecisionButtons sponsorship={s} onDecide={decision.open(s)} />
                ) : null}
                {mayWithdraw(s) ? (
                  <Button size="xs" variant="outline" color="red.9" onClick={() => setWithdrawing(s)}>
                    {t(s.state === 'accepted' ? 'sponsorship.withdraw' : 'sponsorship.withdrawRequest')}
                    <span className="sr-only"> — {s.directorate.name}</span>
                  </Button>
                ) : null}
              </Group>
            </li>
          ))}
        </Stack>
      )}
      <RequestDialog project={project} opened={asking} onClose={() => setAsking(false)} onDone={setNotice} />
      {decision.dialog}
      <WithdrawalDialog sponsorship={withdrawing} onClose={() => setWithdrawing(null)} onDone={setNotice} />
    </ProjectSection>
  );
}
