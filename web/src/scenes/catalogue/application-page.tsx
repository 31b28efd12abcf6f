import { Anchor, Badge, Button, Group, Modal, Stack, Tabs, Text } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApplication, useArchiveApplication } from '../../api/catalogue.ts';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { useLabel } from '../../i18n/index.ts';
import { Documents, Presentation, Users, Versions } from './application-tabs.tsx';
import { CERTIFICATION_STATUS_LABELS, LIFECYCLE_STAGE_LABELS } from './labels.ts';
import { TrackBadge } from './track-badge.tsx';
import { UsageBlock } from './usage-declaration.tsx';

export type SheetTab = 'presentation' | 'utilisateurs' | 'versions' | 'documents';

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
        <TrackBadge track={application.track} />
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
