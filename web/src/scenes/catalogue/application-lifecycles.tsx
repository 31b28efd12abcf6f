import { Paper, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  applicationCertificationLifecycle,
  applicationRecordLifecycle,
} from '../../../../common/lifecycles/application.ts';
import type { ApplicationDto } from '../../../../common/schemas/application.ts';
import type { LifecycleViewDto } from '../../../../common/schemas/lifecycle.ts';
import { useFireApplicationTransition } from '../../api/catalogue.ts';
import { LifecyclePanel } from '../../components/lifecycle/lifecycle-panel.tsx';

/**
 * Where a sheet's lifecycle stands. Until the sheet's GET sends its lifecycles, the state is read from
 * the sheet's own fields (without dates).
 */
export function sheetLifecycle(application: ApplicationDto, name: string): LifecycleViewDto {
  const fallback =
    name === applicationRecordLifecycle.name
      ? application.archived
        ? 'archived'
        : 'published'
      : application.certificationStatus;
  return (
    application.lifecycles?.find((view) => view.lifecycle === name) ?? {
      lifecycle: name,
      state: fallback,
      reached: [],
    }
  );
}

/** The tab of a sheet's lifecycles: its publication in the catalogue and its certification. */
export function Lifecycles({ application }: { application: ApplicationDto }) {
  const { t } = useTranslation();
  const fire = useFireApplicationTransition();
  const panels = [
    { definition: applicationRecordLifecycle, title: t('sheet.recordLifecycle') },
    { definition: applicationCertificationLifecycle, title: t('sheet.certificationLifecycle') },
  ];
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
      {panels.map(({ definition, title }) => (
        <Paper key={definition.name} withBorder p="md">
          <LifecyclePanel
            lifecycle={definition.name}
            view={sheetLifecycle(application, definition.name)}
            transitions={application.transitions ?? []}
            version={application.version}
            subject={application.name}
            fire={(body) => fire.mutateAsync({ id: application.id, body })}
            title={title}
            notes={{ archive: t('sheet.archiveNote') }}
          />
        </Paper>
      ))}
    </SimpleGrid>
  );
}
