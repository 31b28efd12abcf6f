import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PROJECT_PHASE_LABELS, type ProjectPhase } from '../../../../common/projects.ts';
import { useLabel } from '../../i18n/index.ts';

/**
 * The phase of a project: outlined, red when abandoned, an orange border when suspended (orange text on
 * white is below the 4.5:1 contrast small text needs: the label stays dark).
 */
export function PhaseBadge({ phase }: { phase: ProjectPhase }) {
  const label = useLabel();
  const color = phase === 'abandoned' ? 'red.9' : phase === 'suspended' ? 'orange.9' : 'gray.8';
  return (
    <Badge variant="outline" color={color} c={phase === 'suspended' ? 'dark.7' : undefined}>
      {label(PROJECT_PHASE_LABELS[phase])}
    </Badge>
  );
}

/** A national sponsorship accepted and not withdrawn. */
export function SponsoredBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color="green" c="gray.9">
      {t('projects.sponsored')}
    </Badge>
  );
}

const REQUEST_STATE_COLORS = { pending: 'yellow', accepted: 'green', declined: 'red', withdrawn: 'gray' };

/** Where a sponsorship request or an offer stands: pending, accepted, declined or withdrawn. */
export function RequestStateBadge({
  state,
  children,
}: {
  state: keyof typeof REQUEST_STATE_COLORS;
  children: string;
}) {
  return (
    <Badge variant="light" color={REQUEST_STATE_COLORS[state]} c="gray.9">
      {children}
    </Badge>
  );
}
