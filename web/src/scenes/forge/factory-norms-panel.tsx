import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ForgeActivityPanelDto } from '../../../../common/schemas/forge.ts';
import { starterKitState } from './factory-norms.ts';

const STATE_COLORS = { behind: 'orange', current: 'green', unknown: 'gray' } as const;

/**
 * The starter-kit version a sheet or project uses against the current one, the PSRAM level declared,
 * and whether it has been inactive for six months: what the catalogue's forge facet counts.
 */
export function FactoryNorms({ panel, showPsram }: { panel: ForgeActivityPanelDto; showPsram: boolean }) {
  const { t } = useTranslation();
  const kit = panel.starterKit;
  const state = kit ? starterKitState(kit) : null;
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('forge.activity.starterKit')}
          </Text>
          {kit && state ? (
            <Group gap="xs">
              <Text fw={600}>
                {t(
                  kit.source === 'lock'
                    ? 'forge.activity.starterKitLock'
                    : 'forge.activity.starterKitDeclared',
                  {
                    version: kit.used,
                  },
                )}
              </Text>
              <Badge color={STATE_COLORS[state]} variant="light">
                {state === 'behind'
                  ? t('forge.activity.starterKitBehind', { count: kit.behind ?? 0, current: kit.current })
                  : state === 'current'
                    ? t('forge.activity.starterKitCurrent', { current: kit.current })
                    : t('forge.activity.starterKitUnknown')}
              </Badge>
            </Group>
          ) : (
            <Text>{t('forge.activity.starterKitNone')}</Text>
          )}
        </Stack>
        {showPsram ? (
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t('forge.activity.psram')}
            </Text>
            <Text fw={600}>{panel.psramLevel ?? t('forge.activity.psramNone')}</Text>
          </Stack>
        ) : null}
      </SimpleGrid>
      {panel.inactive ? (
        <Badge color="orange" variant="light" style={{ alignSelf: 'flex-start' }}>
          {t('forge.activity.inactiveSixMonths')}
        </Badge>
      ) : null}
    </Stack>
  );
}
