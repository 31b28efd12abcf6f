import { Anchor, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { REGION_LABELS } from '../../../../common/organisations.ts';
import type { ApplicationDto } from '../../../../common/schemas/application.ts';
import { attachmentUrl, useDeleteAttachment, useUploadAttachment, useUsages } from '../../api/catalogue.ts';
import { AttachmentsPanel } from '../../components/attachments-panel.tsx';
import { formatDateTime, formatDay } from '../../components/dates.ts';
import { useDomainLabel } from '../../components/domain-select.tsx';
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
  const domainLabel = useDomainLabel();
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
            [t('sheet.domain'), domainLabel(application.domain.code, application.domain.label)],
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
  const upload = useUploadAttachment();
  const remove = useDeleteAttachment();
  return (
    <AttachmentsPanel
      attachments={application.attachments}
      urlOf={(attachmentId) => attachmentUrl(application.id, attachmentId)}
      mayEdit={application.can.update}
      onUpload={(kind, file) => upload.mutateAsync({ id: application.id, kind, file })}
      uploading={upload.isPending}
      uploadError={upload.error}
      onRemove={(a) => remove.mutate({ id: application.id, attachmentId: a.id })}
    />
  );
}
