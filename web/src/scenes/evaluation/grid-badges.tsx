import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GridVersionState } from '../../../../common/evaluation/vocabulary.ts';

const COLOR: Record<GridVersionState, string> = { draft: 'yellow', published: 'green', superseded: 'gray' };

/** A grid version's state, worded. */
export function GridStateBadge({ state }: { state: GridVersionState }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLOR[state]}>
      {t(`grids.states.${state}`)}
    </Badge>
  );
}
