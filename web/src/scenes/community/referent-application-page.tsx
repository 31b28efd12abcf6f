import { Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { referentApplicationLifecycle } from '../../../../common/lifecycles/referent-application.ts';
import { REGION_LABELS } from '../../../../common/organisations.ts';
import { useFireReferentApplicationTransition, useReferentApplication } from '../../api/community.ts';
import { formatDateTime } from '../../components/dates.ts';
import { LifecyclePanel } from '../../components/lifecycle/lifecycle-panel.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { PageHeader } from '../../components/page.tsx';
import { FactTable } from '../../components/tables.tsx';
import { useLanguage } from '../../i18n/index.ts';

/** One application to become referent: what the office wrote, and the DDSI's decision. */
export function ReferentApplicationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useReferentApplication(id);
  const fire = useFireReferentApplicationTransition();
  const application = query.data;
  if (!application) return query.error ? <LoadFailure error={query.error} missing="page" /> : null;
  const title = t('community.referents.application', {
    office: application.office.name,
    region: REGION_LABELS[application.region],
  });
  return (
    <Stack gap="md">
      <PageHeader title={title} />
      <FactTable
        rows={[
          [t('community.referents.applicant'), application.office.name],
          [t('community.referents.region'), REGION_LABELS[application.region]],
          [t('community.referents.date'), formatDateTime(application.createdAt, language)],
          [t('community.referents.motivation'), application.motivation],
          [t('community.referents.decisionNote'), application.decisionNote],
        ]}
      />
      <Paper withBorder p="md">
        <LifecyclePanel
          lifecycle={referentApplicationLifecycle.name}
          view={application.lifecycles.find((view) => view.lifecycle === referentApplicationLifecycle.name)}
          transitions={application.transitions}
          version={application.version}
          subject={title}
          fire={(body) => fire.mutateAsync({ id: application.id, body })}
        />
      </Paper>
    </Stack>
  );
}
