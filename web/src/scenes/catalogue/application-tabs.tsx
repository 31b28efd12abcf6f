import {
  Anchor,
  Button,
  Group,
  Image,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_LABELS } from '../../../../common/organisations.ts';
import type { ApplicationDto, AttachmentDto } from '../../../../common/schemas/application.ts';
import { attachmentUrl, useDeleteAttachment, useUploadAttachment, useUsages } from '../../api/catalogue.ts';
import { ApiError } from '../../api/client.ts';
import { formatDateTime, formatDay } from '../../components/dates.ts';
import { MarkdownHtml } from '../../components/markdown.tsx';
import { ErrorAlert } from '../../components/page.tsx';
import { FactTable, ListTable } from '../../components/tables.tsx';
import { useLabel } from '../../i18n/index.ts';
import {
  CERTIFICATION_STATUS_LABELS,
  CRITICALITY_LABELS,
  HOSTING_LABELS,
  PERSONAL_DATA_CATEGORY_LABELS,
  TRACK_LABELS,
} from './labels.ts';
import { useStageLabel } from './stage-badge.tsx';

/** The tabs of an application sheet. */
export function Presentation({ application }: { application: ApplicationDto }) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const stage = useStageLabel();
  const tech = application.technologies;
  const contact = (c: ApplicationDto['maintainer']) =>
    c.name || c.email || c.phone ? (
      <>
        {c.name}
        {c.email ? (
          <>
            {c.name ? ' — ' : ''}
            <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor>
          </>
        ) : null}
        {c.phone ? (
          <>
            {c.name || c.email ? ' — ' : ''}
            <Anchor href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</Anchor>
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
          <MarkdownHtml html={application.descriptionHtml} />
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
            [t('sheet.lifecycle'), stage(application)],
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

export function Users({ application }: { application: ApplicationDto }) {
  const { t, i18n } = useTranslation();
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
            <Table.Td>{formatDay(u.since, i18n.language) ?? '—'}</Table.Td>
            <Table.Td>{u.userCount ?? '—'}</Table.Td>
            <Table.Td>{u.versionNumber ?? '—'}</Table.Td>
            <Table.Td>{u.designer && !u.comment ? t('sheet.designerUsage') : u.comment}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </>
  );
}

export function Versions({ application }: { application: ApplicationDto }) {
  const { t, i18n } = useTranslation();
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
          <Table.Td>{formatDay(v.releasedOn, i18n.language) ?? '—'}</Table.Td>
          <Table.Td>{v.notes}</Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}

export function Documents({ application }: { application: ApplicationDto }) {
  const { t } = useTranslation();
  const upload = useUploadAttachment();
  const remove = useDeleteAttachment();
  const removeButton = (a: ApplicationDto['attachments'][number]) =>
    application.can.update ? (
      <Button
        size="compact-xs"
        variant="subtle"
        color="red.9"
        onClick={() => remove.mutate({ id: application.id, attachmentId: a.id })}
        aria-label={t('sheet.removeFile', { name: a.fileName })}
      >
        {t('sheet.remove')}
      </Button>
    ) : null;
  const [kind, setKind] = useState<AttachmentDto['kind']>('screenshot');
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
              {removeButton(a)}
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
          {removeButton(a)}
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
