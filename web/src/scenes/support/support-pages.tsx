import { Anchor, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationTicketLifecycle } from '../../../../common/lifecycles/application-ticket.ts';
import { starterKitTicketLifecycle } from '../../../../common/lifecycles/starter-kit-ticket.ts';
import type { TicketDto } from '../../../../common/schemas/support.ts';
import {
  SUPPORT_FLOW_LABELS,
  type SupportFlow,
  TICKET_STATE_LABELS,
} from '../../../../common/support/vocabulary.ts';
import { ApiError } from '../../api/client.ts';
import { can, useMe } from '../../api/queries.ts';
import {
  ticketAttachmentUrl,
  useFireTicketTransition,
  useOpenTicket,
  useProposeToReferential,
  useTicket,
  useTicketWrite,
  useUsedApplications,
} from '../../api/support.ts';
import { AttachmentsPanel } from '../../components/attachments-panel.tsx';
import { formatDateTime } from '../../components/dates.ts';
import { LifecyclePanel } from '../../components/lifecycle/lifecycle-panel.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { FactTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import { formatDueDay, TicketQueue } from './ticket-queue.tsx';

const fieldError = (error: unknown, field: string) =>
  error instanceof ApiError ? error.fieldError(field) : undefined;

/** A trained developer asks the starter kit's support; an agent reports a problem on an application. */
function OpenTicketForm({ flows }: { flows: SupportFlow[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  const me = useMe().data;
  const navigate = useNavigate();
  const open = useOpenTicket();
  const [flow, setFlow] = useState<SupportFlow>(flows[0] as SupportFlow);
  const [applicationId, setApplicationId] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const used = useUsedApplications(flow === 'application' ? me?.organisation.id : undefined);
  const send = (event: FormEvent) => {
    event.preventDefault();
    open.mutate(
      { flow, subject, description, ...(flow === 'application' && applicationId ? { applicationId } : {}) },
      { onSuccess: (ticket) => navigate({ to: `/support/${ticket.id}` }) },
    );
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={send} noValidate aria-labelledby="open-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="open-title">
          {t('support.open')}
        </Title>
        <Text size="sm">{t(`support.openIntro.${flow}`)}</Text>
        <ErrorAlert error={open.error} />
        {flows.length > 1 ? (
          <Select
            label={t('support.flow')}
            data={flows.map((f) => ({ value: f, label: label(SUPPORT_FLOW_LABELS[f]) }))}
            value={flow}
            onChange={(value) => setFlow((value as SupportFlow) ?? flow)}
            allowDeselect={false}
            w={320}
          />
        ) : null}
        {flow === 'application' ? (
          <Select
            label={t('support.application')}
            data={(used.data?.items ?? []).map((u) => ({
              value: u.application.id,
              label: u.application.name,
            }))}
            value={applicationId}
            onChange={setApplicationId}
            searchable
            required
            error={fieldError(open.error, 'applicationId')}
            nothingFoundMessage={t('support.noApplication')}
            maw={480}
          />
        ) : null}
        <TextInput
          label={t('support.subject')}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          required
          error={fieldError(open.error, 'subject')}
          maw={640}
        />
        <Textarea
          label={t('support.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          required
          autosize
          minRows={4}
          error={fieldError(open.error, 'description')}
        />
        <Group>
          <Button type="submit" loading={open.isPending}>
            {t('support.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The caller's queues: the tickets of its office, as requester or as support (ticket-queue.tsx). */
export function SupportPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const flows = (
    [
      ['starterKit', 'supportTicket.openStarterKit'],
      ['application', 'supportTicket.openApplication'],
    ] as const
  )
    .filter(([, action]) => me && can(me, action))
    .map(([f]) => f);
  return (
    <Stack gap="lg">
      <PageHeader title={t('support.title')} intro={t('support.intro')} />
      {flows.length > 0 ? <OpenTicketForm flows={flows} /> : null}
      <TicketQueue />
    </Stack>
  );
}

/** Minutes as a reader counts them: minutes, hours, then days. */
function useDuration() {
  const { t } = useTranslation();
  return (minutes: number) =>
    minutes < 60
      ? t('support.minutes', { count: minutes })
      : minutes < 48 * 60
        ? t('support.hours', { count: Math.round(minutes / 60) })
        : t('support.days', { count: Math.round(minutes / 1440) });
}

/** A resolved starter-kit ticket becomes a referential proposal (its referents, the national team). */
function ReferentialLink({ ticket }: { ticket: TicketDto }) {
  const { t } = useTranslation();
  const propose = useProposeToReferential(ticket.id);
  if (ticket.referentialProposalId)
    return (
      <Text>
        <Anchor component={Link} to={`/referentiel/propositions/${ticket.referentialProposalId}`}>
          {t('support.referentialProposal')}
        </Anchor>
      </Text>
    );
  if (!ticket.canProposeToReferential) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('support.toReferentialIntro')}</Text>
        <ErrorAlert error={propose.error} />
        <Button variant="light" loading={propose.isPending} onClick={() => propose.mutate()}>
          {t('support.toReferential')}
        </Button>
      </Stack>
    </Paper>
  );
}

function Messages({ ticket }: { ticket: TicketDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const write = useTicketWrite(ticket.id);
  const [body, setBody] = useState('');
  const send = (event: FormEvent) => {
    event.preventDefault();
    write.mutate({ body }, { onSuccess: () => setBody('') });
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="messages-title">
      <Title order={2} size="h4" id="messages-title">
        {t('support.messages')}
      </Title>
      {ticket.messages.length === 0 ? <Text c="dimmed">{t('support.noMessage')}</Text> : null}
      {ticket.messages.map((m) => (
        <Paper key={m.id} withBorder p="sm" component="article">
          <Text size="sm" fw={600}>
            {m.author.displayName} · {formatDateTime(m.createdAt, language)}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{m.body}</Text>
        </Paper>
      ))}
      {ticket.canWrite ? (
        <form onSubmit={send} noValidate>
          <Stack gap="xs">
            <Textarea
              label={t('support.reply')}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              autosize
              minRows={3}
              error={fieldError(write.error, 'body')}
            />
            <Group>
              <Button type="submit" loading={write.isPending}>
                {t('support.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}

export function TicketPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const query = useTicket(id);
  const ticket = query.data;
  const fire = useFireTicketTransition(ticket?.flow ?? 'starterKit');
  const files = useTicketWrite(id);
  const duration = useDuration();
  if (!ticket) return query.error ? <LoadFailure error={query.error} missing="page" /> : null;
  const lifecycle = ticket.flow === 'starterKit' ? starterKitTicketLifecycle : applicationTicketLifecycle;
  const when = (date: string | null) => (date ? formatDateTime(date, language) : '—');
  const measured = (date: string | null, minutes: number | null) =>
    date && minutes !== null ? `${when(date)} (${duration(minutes)})` : when(date);
  return (
    <Stack gap="md">
      <PageHeader title={ticket.subject} />
      <FactTable
        rows={[
          [t('support.flow'), label(SUPPORT_FLOW_LABELS[ticket.flow])],
          [t('support.state'), label(TICKET_STATE_LABELS[ticket.state])],
          ...(ticket.application
            ? [[t('support.application'), ticket.application.name] as [string, string]]
            : []),
          [t('support.requester'), `${ticket.opener.displayName} (${ticket.openerOffice.name})`],
          [t('support.level1'), ticket.level1Offices.map((o) => o.name).join(', ') || t('support.none')],
          [t('support.level2'), ticket.designerOffice?.name ?? t('support.nationalTeam')],
          [t('support.assignee'), ticket.assignee?.displayName ?? t('support.none')],
          [t('support.openedAt'), when(ticket.openedAt)],
          [t('support.firstAnsweredAt'), measured(ticket.firstAnsweredAt, ticket.minutesToFirstAnswer)],
          [t('support.resolvedAt'), measured(ticket.resolvedAt, ticket.minutesToResolution)],
          ...ticket.serviceTargets.map(
            (target) =>
              [
                t('support.targetOfLevel', { level: target.level }),
                t(target.breached ? 'support.targetMissed' : 'support.targetLine', {
                  due: formatDueDay(target.dueAt, language),
                  answered: target.answeredAt ? when(target.answeredAt) : t('support.notYet'),
                }),
              ] as [string, string],
          ),
          ...(ticket.escalationNote
            ? [[t('support.escalationNote'), ticket.escalationNote] as [string, string]]
            : []),
          ...(ticket.resolution ? [[t('support.resolution'), ticket.resolution] as [string, string]] : []),
        ]}
      />
      <Paper withBorder p="md">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{ticket.description}</Text>
      </Paper>
      <Paper withBorder p="md">
        <LifecyclePanel
          lifecycle={lifecycle.name}
          view={ticket.lifecycles.find((view) => view.lifecycle === lifecycle.name)}
          transitions={ticket.transitions}
          version={ticket.version}
          subject={ticket.subject}
          fire={(body) => fire.mutateAsync({ id: ticket.id, body })}
        />
      </Paper>
      <ReferentialLink ticket={ticket} />
      <Messages ticket={ticket} />
      <AttachmentsPanel
        attachments={ticket.attachments}
        urlOf={(attachmentId) => ticketAttachmentUrl(ticket.id, attachmentId)}
        mayEdit={ticket.canWrite}
        onUpload={(kind, file) => files.mutateAsync({ kind, file })}
        uploading={files.isPending}
        uploadError={files.error}
        onRemove={(attachment) => files.mutate({ attachmentId: attachment.id })}
      />
    </Stack>
  );
}
