import { Badge } from '@mantine/core';
import type { Track } from '../../../../common/catalog/vocabulary.ts';
import { useLabel } from '../../i18n/index.ts';
import { TRACK_COLORS, TRACK_LABELS } from './labels.ts';

/** The track of a sheet: a light badge tinted with the track's colour, its text near-black (AA contrast on every tint). */
export function TrackBadge({ track }: { track: Track }) {
  const label = useLabel();
  const color = TRACK_COLORS[track] ?? 'gray';
  return (
    <Badge variant="light" color={color} c="gray.9">
      {label(TRACK_LABELS[track])}
    </Badge>
  );
}
