import { Anchor, Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationRecordLifecycle } from '../../../../common/lifecycles/application.ts';
import { useApplication, useFireApplicationTransition } from '../../api/catalogue.ts';
import { FollowButton } from '../../components/follow-button.tsx';
import { TransitionButton } from '../../components/lifecycle/lifecycle-panel.tsx';
import { TransitionDialog } from '../../components/lifecycle/transition-dialog.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { type Notice, PageHeader, StatusMessage } from '../../components/page.tsx';
import { useLabel } from '../../i18n/index.ts';
import { SubjectAcceptanceCard } from '../acceptance/subject-acceptance-card.tsx';
import { EvaluationCard } from '../evaluation/evaluation-card.tsx';
import { BuildHealthPanel } from '../forge/build-health-panel.tsx';
import { ForgeActivityPanel } from '../forge/forge-activity-panel.tsx';
import { Lifecycles, sheetLifecycle } from './application-lifecycles.tsx';
import { Documents, Presentation, Users, Versions } from './application-tabs.tsx';
import { CERTIFICATION_STATUS_LABELS } from './labels.ts';
import { ReplacementBlock, RetireInFavourButton } from './replacement.tsx';
import { StageBadge } from './stage-badge.tsx';
import { TrackBadge } from './track-badge.tsx';
import { UsageBlock } from './usage-declaration.tsx';

export type SheetTab = 'presentation' | 'utilisateurs' | 'versions' | 'documents' | 'publication';

export function ApplicationPage({ id, tab }: { id: string; tab: SheetTab }) {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const query = useApplication(id);
  const fire = useFireApplicationTransition();
  const [acting, setActing] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const application = query.data;
  if (!application)
    return query.error ? (
      <LoadFailure error={query.error} missing="application" />
    ) : (
      <Text>{t('common.loading')}</Text>
    );
  // Archiving and restoring, next to editing; the certification is in its tab.
  const recordActions = (application.transitions ?? []).filter(
    (transition) => transition.lifecycle === applicationRecordLifecycle.name && transition.allowed,
  );
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
              <Button component={Link} to={`/catalogue/${application.id}/modifier`}>
                {t('common.edit')}
              </Button>
            ) : null}
            {recordActions.map((transition) => (
              <TransitionButton key={transition.action} transition={transition} onOpen={setActing} />
            ))}
            <RetireInFavourButton application={application} onDone={(text) => setNotice({ text })} />
            <Button component={Link} to={`/catalogue/${application.id}/club`} variant="default">
              {t('clubs.link')}
            </Button>
            <FollowButton targetType="application" targetId={application.id} />
          </Group>
        }
      />
      <StatusMessage notice={notice} onClose={() => setNotice(null)} />
      <Group gap="xs" mb="md">
        <TrackBadge track={application.track} />
        <Badge variant="outline" color="dark">
          {label(CERTIFICATION_STATUS_LABELS[application.certificationStatus])}
        </Badge>
        <StageBadge application={application} />
        <Text size="sm">{t('catalogue.usedBy', { count: application.usageCount })}</Text>
      </Group>
      <ReplacementBlock application={application} />
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
          <Tabs.Tab value="publication">{t('sheet.tabs.lifecycles')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="presentation">
          <Stack gap="xl">
            <Presentation application={application} />
            <ForgeActivityPanel subject={{ kind: 'application', id: application.id }} />
            <BuildHealthPanel applicationId={application.id} />
          </Stack>
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
        <Tabs.Panel value="publication">
          <Stack gap="xl">
            <Lifecycles application={application} />
            {application.track === 'labelling' || application.track === 'homologation' ? (
              <>
                <EvaluationCard
                  subject={{ applicationId: application.id }}
                  mayStart={application.can.update}
                />
                <SubjectAcceptanceCard subject={{ applicationId: application.id }} />
              </>
            ) : null}
          </Stack>
        </Tabs.Panel>
      </Tabs>
      <TransitionDialog
        definition={applicationRecordLifecycle}
        transition={recordActions.find((transition) => transition.action === acting) ?? null}
        subject={application.name}
        current={sheetLifecycle(application, applicationRecordLifecycle.name).state}
        version={application.version}
        fire={(body) => fire.mutateAsync({ id: application.id, body })}
        note={acting === 'archive' ? t('sheet.archiveNote') : undefined}
        onClose={() => setActing(null)}
        onDone={(text) =>
          setNotice({
            text:
              acting === 'archive'
                ? t('sheet.archivedDone', { name: application.name })
                : acting === 'restore'
                  ? t('sheet.restoredDone', { name: application.name })
                  : text,
          })
        }
      />
    </>
  );
}
