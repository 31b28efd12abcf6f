import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DiffLine } from '../../../../common/schemas/referential.ts';

const STYLE = {
  // Dark enough on their tint for AA contrast (green-9 on green-0 is 4.1:1).
  added: { background: 'var(--mantine-color-green-0)', color: '#1b5e20', sign: '+' },
  removed: { background: 'var(--mantine-color-red-0)', color: '#9b1c1c', sign: '−' },
  same: { background: 'transparent', color: 'inherit', sign: ' ' },
} as const;

/** Lines kept, removed and added, the changes named for screen readers; unchanged stretches folded to 2 lines around. */
export function DiffView({ lines, label }: { lines: DiffLine[]; label: string }) {
  const { t } = useTranslation();
  const near = (index: number) =>
    lines.slice(Math.max(0, index - 2), index + 3).some((line) => line.kind !== 'same');
  if (!lines.some((line) => line.kind !== 'same')) return <Text>{t('referential.noChange')}</Text>;
  // Lines are positional: their place is their key.
  const numbered = lines.map((line, index) => ({ line, index }));
  return (
    <Box
      component="pre"
      role="region"
      aria-label={label}
      tabIndex={0}
      style={{
        overflowX: 'auto',
        fontSize: 'var(--mantine-font-size-sm)',
        whiteSpace: 'pre-wrap',
        margin: 0,
      }}
    >
      {numbered.map(({ line, index }) =>
        near(index) ? (
          <Box
            component="span"
            key={index}
            display="block"
            style={{ background: STYLE[line.kind].background, color: STYLE[line.kind].color }}
          >
            {line.kind === 'added' ? <span className="sr-only">{t('referential.added')}</span> : null}
            {line.kind === 'removed' ? <span className="sr-only">{t('referential.removed')}</span> : null}
            <span aria-hidden="true">{STYLE[line.kind].sign} </span>
            {line.text}
          </Box>
        ) : index > 0 && near(index - 1) ? (
          <Box component="span" key={index} display="block">
            …
          </Box>
        ) : null,
      )}
    </Box>
  );
}
