import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Image,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
  Typography,
} from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_LABELS } from '../../../../common/organisations.ts';
import type { ApplicationDto } from '../../../../common/schemas/application.ts';
import {
  attachmentUrl,
  useApplication,
  useArchiveApplication,
  useDeclareUsage,
  useDeleteAttachment,
  useUploadAttachment,
  useUsages,
  useWithdrawUsage,
} from '../../api/catalogue.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert, formatDateTime, PageHeader } from '../../components/page.tsx';
import { FactTable, ListTable } from '../../components/tables.tsx';
import { useLabel } from '../../i18n/index.ts';
import {
  CERTIFICATION_STATUS_LABELS,
  CRITICALITY_LABELS,
  HOSTING_LABELS,
  LIFECYCLE_STAGE_LABELS,
  PERSONAL_DATA_CATEGORY_LABELS,
  TRACK_COLORS,
  TRACK_LABELS,
} from './labels.ts';

export type SheetTab = 'presentation' | 'utilisateurs' | 'versions' | 'documents';

function UsageModal({
  application,
  opened,
  onClose,
}: {
  application: ApplicationDto;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const declare = useDeclareUsage();
  const current = application.myUsage;
  const [since, setSince] = useState(current?.since ?? '');
  const [userCount, setUserCount] = useState<number | string>(current?.userCount ?? '');
  const [versionNumber, setVersionNumber] = useState(current?.versionNumber ?? '');
  const [comment, setComment] = useState(current?.comment ?? '');
  const problem = declare.error instanceof ApiError ? declare.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    declare.mutate(
      {
        id: application.id,
        body: {
          since: since || null,
          userCount: userCount === '' ? null : Number(userCount),
          versionNumber: versionNumber || null,
          comment,
        },
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('sheet.usageTitle', { name: application.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {problem && !problem.problem.errors ? <ErrorAlert error={problem} /> : null}
          <TextInput
            label={t('sheet.usageSince')}
            type="date"
            value={since}
            onChange={(e) => setSince(e.currentTarget.value)}
            error={problem?.fieldError('since')}
            data-autofocus
          />
          <NumberInput
            label={t('sheet.usageUsers')}
            min={1}
            value={userCount}
            onChange={setUserCount}
            error={problem?.fieldError('userCount')}
            allowDecimal={false}
          />
          <TextInput
            label={t('sheet.usageVersion')}
            value={versionNumber}
            onChange={(e) => setVersionNumber(e.currentTarget.value)}
            error={problem?.fieldError('versionNumber')}
          />
          <Textarea
            label={t('sheet.usageComment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={problem?.fieldError('comment')}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={declare.isPending}>
              {t('sheet.usageSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function UsageBlock({ application }: { application: ApplicationDto }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const withdraw = useWithdrawUsage();
  if (!application.can.declareUsage || application.archived) return null;
  const mine = application.myUsage;
  return (
    <Alert
      color={mine ? 'green' : 'blue'}
      variant="light"
      mb="md"
      title={mine ? t('sheet.usedByMyOffice') : t('sheet.notUsedByMyOffice')}
    >
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">
          {mine
            ? t('sheet.myUsageDetail', {
                users: mine.userCount ?? '—',
                since: mine.since ?? '—',
              })
            : t('sheet.declareHelp')}
        </Text>
        <Group gap="xs">
          <Button size="xs" onClick={() => setOpened(true)}>
            {mine ? t('sheet.updateUsage') : t('sheet.declareUsage')}
          </Button>
          {mine ? (
            <Button
              size="xs"
              variant="default"
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate({ id: application.id })}
            >
              {t('sheet.withdrawUsage')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <ErrorAlert error={withdraw.error} />
      {opened ? (
        <UsageModal application={application} opened={opened} onClose={() => setOpened(false)} />
      ) : null}
    </Alert>
  );
}

function Presentation({ application }: { application: ApplicationDto }) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const tech = application.technologies;
  const contact = (c: ApplicationDto['maintainer']) =>
    c.name || c.email ? (
      <>
        {c.name}
        {c.email ? (
          <>
            {c.name ? ' — ' : ''}
            <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor>
          </>
        ) : null}
      </>
    ) : null;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
      <Stack>
        <Title order={2} size="h4">
          {t('sheet.description')}
        </Title>
        {application.descriptionHtml ? (
          <Typography>
            {/* Rendered by the server from Markdown with raw HTML escaped and unsafe links refused. */}
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server */}
            <div className="markdown" dangerouslySetInnerHTML={{ __html: application.descriptionHtml }} />
          </Typography>
        ) : (
          <Text c="dimmed">{t('sheet.noDescription')}</Text>
        )}
      </Stack>
      <Stack>
        <Title order={2} size="h4">
          {t('sheet.facts')}
        </Title>
        <FactTable
          rows={[
            [t('sheet.code'), application.code],
            [t('sheet.domain'), application.domain.label],
            [
              t('sheet.designer'),
              <Anchor key="d" component={Link} to={`/organismes/${application.designerOrganisation.id}`}>
                {application.designerOrganisation.name}
              </Anchor>,
            ],
            [t('sheet.contributors'), application.contributors.map((c) => c.name).join(', ')],
            [t('sheet.track'), label(TRACK_LABELS[application.track])],
            [t('sheet.certification'), label(CERTIFICATION_STATUS_LABELS[application.certificationStatus])],
            [t('sheet.lifecycle'), label(LIFECYCLE_STAGE_LABELS[application.lifecycleStage])],
            [
              t('sheet.maturity'),
              application.maturityLevel
                ? t('sheet.maturityValue', { level: application.maturityLevel })
                : null,
            ],
            [
              t('sheet.criticality'),
              application.criticalityClass ? label(CRITICALITY_LABELS[application.criticalityClass]) : null,
            ],
            [t('sheet.hosting'), label(HOSTING_LABELS[application.hosting])],
            [t('sheet.technologies'), application.technologyTags.join(', ')],
            [
              t('sheet.personalData'),
              application.personalData
                ? [
                    t('common.yes'),
                    ...application.personalDataCategories.map((c) => label(PERSONAL_DATA_CATEGORY_LABELS[c])),
                  ].join(' — ')
                : t('common.no'),
            ],
            [t('sheet.cnil'), application.cnilReference],
            [t('sheet.connectors'), application.connectors.join(', ')],
            [
              t('sheet.forge'),
              application.forgeUrl ? (
                <Anchor key="f" href={application.forgeUrl} target="_blank" rel="noopener noreferrer">
                  {application.forgeUrl}
                </Anchor>
              ) : null,
            ],
            [
              t('sheet.documentation'),
              application.documentationUrl ? (
                <Anchor
                  key="doc"
                  href={application.documentationUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {application.documentationUrl}
                </Anchor>
              ) : null,
            ],
            [t('sheet.licence'), application.licence],
            [t('sheet.maintainer'), contact(application.maintainer)],
            [t('sheet.support'), contact(application.support)],
            [t('sheet.php'), tech.php],
            [
              t('sheet.updated'),
              `${formatDateTime(application.updatedAt, i18n.language)}${application.updatedBy ? ` — ${application.updatedBy.displayName}` : ''}`,
            ],
            [
              t('sheet.created'),
              `${formatDateTime(application.createdAt, i18n.language)}${application.createdBy ? ` — ${application.createdBy.displayName}` : ''}`,
            ],
          ]}
        />
      </Stack>
    </SimpleGrid>
  );
}

function Users({ application }: { application: ApplicationDto }) {
  const { t } = useTranslation();
  const usages = useUsages(application.id);
  return (
    <>
      <ErrorAlert error={usages.error} />
      <ListTable
        caption={t('sheet.usersCaption', { count: usages.data?.length ?? 0 })}
        columns={[
          t('sheet.office'),
          t('sheet.region'),
          t('sheet.usageSince'),
          t('sheet.usageUsers'),
          t('sheet.usageVersion'),
          t('sheet.usageComment'),
        ]}
        minWidth={720}
        isEmpty={usages.data?.length === 0}
      >
        {usages.data?.map((u) => (
          <Table.Tr key={u.organisation.id}>
            <Table.Td>
              <Anchor component={Link} to={`/organismes/${u.organisation.id}`}>
                {u.organisation.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{REGION_LABELS[u.organisation.region]}</Table.Td>
            <Table.Td>{u.since ?? '—'}</Table.Td>
            <Table.Td>{u.userCount ?? '—'}</Table.Td>
            <Table.Td>{u.versionNumber ?? '—'}</Table.Td>
            <Table.Td>{u.comment}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </>
  );
}

function Versions({ application }: { application: ApplicationDto }) {
  const { t } = useTranslation();
  return (
    <ListTable
      caption={t('sheet.versionsCaption')}
      columns={[t('sheet.versionNumber'), t('sheet.versionDate'), t('sheet.versionNotes')]}
      minWidth={480}
      isEmpty={application.versions.length === 0}
    >
      {application.versions.map((v) => (
        <Table.Tr key={v.number}>
          <Table.Td>{v.number}</Table.Td>
          <Table.Td>{v.releasedOn ?? '—'}</Table.Td>
          <Table.Td>{v.notes}</Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}

function Documents({ application }: { application: ApplicationDto }) {
  const { t } = useTranslation();
  const upload = useUploadAttachment();
  const remove = useDeleteAttachment();
  const [kind, setKind] = useState<string>('screenshot');
  const [file, setFile] = useState<File | null>(null);
  const problem = upload.error instanceof ApiError ? upload.error : null;
  const screenshots = application.attachments.filter((a) => a.kind === 'screenshot');
  const documents = application.attachments.filter((a) => a.kind === 'document');
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('sheet.screenshots')}
      </Title>
      {screenshots.length === 0 ? <Text c="dimmed">{t('sheet.noScreenshot')}</Text> : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {screenshots.map((a) => (
          <Stack key={a.id} gap={4}>
            <Image
              src={attachmentUrl(application.id, a.id)}
              alt={t('sheet.screenshotAlt', { name: a.fileName })}
              radius="sm"
            />
            <Group justify="space-between">
              <Text size="sm">{a.fileName}</Text>
              {application.can.update ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red.9"
                  onClick={() => remove.mutate({ id: application.id, attachmentId: a.id })}
                  aria-label={t('sheet.removeFile', { name: a.fileName })}
                >
                  {t('sheet.remove')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        ))}
      </SimpleGrid>
      <Title order={2} size="h4">
        {t('sheet.documents')}
      </Title>
      {documents.length === 0 ? <Text c="dimmed">{t('sheet.noDocument')}</Text> : null}
      {documents.map((a) => (
        <Group key={a.id} justify="space-between">
          <Anchor href={attachmentUrl(application.id, a.id)}>
            {a.fileName} ({Math.ceil(a.size / 1024)} Ko)
          </Anchor>
          {application.can.update ? (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red.9"
              onClick={() => remove.mutate({ id: application.id, attachmentId: a.id })}
              aria-label={t('sheet.removeFile', { name: a.fileName })}
            >
              {t('sheet.remove')}
            </Button>
          ) : null}
        </Group>
      ))}
      {application.can.update ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (file) upload.mutate({ id: application.id, kind, file }, { onSuccess: () => setFile(null) });
          }}
        >
          <Title order={3} size="h5" mt="md">
            {t('sheet.addFile')}
          </Title>
          {problem && !problem.problem.errors ? <ErrorAlert error={problem} /> : null}
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('sheet.fileKind')}
              data={[
                { value: 'screenshot', label: t('sheet.kindScreenshot') },
                { value: 'document', label: t('sheet.kindDocument') },
              ]}
              value={kind}
              onChange={(v) => setKind(v ?? 'screenshot')}
              allowDeselect={false}
              w={220}
            />
            <TextInput
              label={t('sheet.file')}
              description={t('sheet.fileHelp')}
              type="file"
              accept={
                kind === 'screenshot'
                  ? 'image/png,image/jpeg,image/webp,image/gif'
                  : '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,image/*'
              }
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
              error={problem?.fieldError('file')}
            />
            <Button type="submit" disabled={!file} loading={upload.isPending}>
              {t('sheet.upload')}
            </Button>
          </Group>
        </form>
      ) : null}
    </Stack>
  );
}

export function ApplicationPage({ id, tab }: { id: string; tab: SheetTab }) {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const query = useApplication(id);
  const archive = useArchiveApplication();
  const [confirmArchive, setConfirmArchive] = useState(false);
  const application = query.data;
  if (!application)
    return query.error ? <ErrorAlert error={query.error} /> : <Text>{t('common.loading')}</Text>;
  return (
    <>
      <Anchor component={Link} to="/catalogue" size="sm">
        ← {t('sheet.back')}
      </Anchor>
      <PageHeader
        title={application.name}
        intro={application.summary}
        actions={
          <Group gap="xs">
            <Button
              component="a"
              variant="default"
              href={`/api/applications/${application.id}/publiccode.yml`}
              download
            >
              {t('sheet.publiccode')}
            </Button>
            {application.can.update && !application.archived ? (
              <>
                <Button component={Link} to={`/catalogue/${application.id}/modifier`}>
                  {t('common.edit')}
                </Button>
                <Button variant="outline" color="red.9" onClick={() => setConfirmArchive(true)}>
                  {t('sheet.archive')}
                </Button>
              </>
            ) : null}
          </Group>
        }
      />
      <Group gap="xs" mb="md">
        <Badge variant="light" color={TRACK_COLORS[application.track]}>
          {label(TRACK_LABELS[application.track])}
        </Badge>
        <Badge variant="outline" color="dark">
          {label(CERTIFICATION_STATUS_LABELS[application.certificationStatus])}
        </Badge>
        <Badge variant="outline" color="gray.8">
          {label(LIFECYCLE_STAGE_LABELS[application.lifecycleStage])}
        </Badge>
        <Text size="sm">{t('catalogue.usedBy', { count: application.usageCount })}</Text>
        {application.archived ? <Badge color="red.9">{t('catalogue.archived')}</Badge> : null}
      </Group>
      <UsageBlock application={application} />
      <Tabs
        value={tab}
        onChange={(value) =>
          navigate({
            to: `/catalogue/${id}`,
            search: { onglet: (value ?? 'presentation') as SheetTab },
            replace: true,
          })
        }
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="presentation">{t('sheet.tabs.presentation')}</Tabs.Tab>
          <Tabs.Tab value="utilisateurs">{t('sheet.tabs.users', { count: application.usageCount })}</Tabs.Tab>
          <Tabs.Tab value="versions">{t('sheet.tabs.versions')}</Tabs.Tab>
          <Tabs.Tab value="documents">
            {t('sheet.tabs.documents', { count: application.attachments.length })}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="presentation">
          <Presentation application={application} />
        </Tabs.Panel>
        <Tabs.Panel value="utilisateurs">
          {tab === 'utilisateurs' ? <Users application={application} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="versions">
          <Versions application={application} />
        </Tabs.Panel>
        <Tabs.Panel value="documents">
          <Documents application={application} />
        </Tabs.Panel>
      </Tabs>
      <Modal
        opened={confirmArchive}
        onClose={() => setConfirmArchive(false)}
        title={t('sheet.archiveTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text>{t('sheet.archiveConfirm', { name: application.name })}</Text>
          <ErrorAlert error={archive.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmArchive(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={archive.isPending}
              onClick={() =>
                archive.mutate(
                  { id: application.id, version: application.version },
                  { onSuccess: () => setConfirmArchive(false) },
                )
              }
            >
              {t('sheet.archive')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
