import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationSummaryDto } from '../../../../common/schemas/application.ts';
import { useLabel } from '../../i18n/index.ts';
import { LIFECYCLE_STAGE_LABELS } from './labels.ts';

type Staged = Pick<ApplicationSummaryDto, 'archived' | 'lifecycleStage'>;

/**
 * Where a sheet stands in its life, in words: an archived sheet is "Archivée" and nothing else — it is
 * not "En production" any more, whatever stage it was declared in before.
 */
export function useStageLabel() {
  const { t } = useTranslation();
  const label = useLabel();
  return (application: Staged) =>
    application.archived
      ? t('catalogue.archived')
      : label(LIFECYCLE_STAGE_LABELS[application.lifecycleStage]);
}

/** The stage badge of a card or a sheet (red "Archivée" for an archived sheet). */
export function StageBadge({ application }: { application: Staged }) {
  const stage = useStageLabel();
  return application.archived ? (
    <Badge color="red.9">{stage(application)}</Badge>
  ) : (
    <Badge variant="outline" color="gray.8">
      {stage(application)}
    </Badge>
  );
}
