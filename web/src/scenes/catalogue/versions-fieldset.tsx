import { ActionIcon, Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { nextVersionKey, type VersionRow } from './application-form-state.ts';

/** The released versions of a sheet, as editable rows (number, date, notes). */
export function VersionsFieldset({
  versions,
  onChange,
  error,
}: {
  versions: VersionRow[];
  onChange: (versions: VersionRow[]) => void;
  error: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const change = (key: number, patch: Partial<VersionRow>) =>
    onChange(versions.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <Fieldset legend={t('sheet.tabs.versions')}>
      <Stack>
        {error('versions') ? (
          <Text c="red.9" size="sm" role="alert">
            {error('versions')}
          </Text>
        ) : null}
        {versions.map((v, index) => (
          <Group key={v.key} align="flex-end" wrap="wrap">
            <TextInput
              label={t('sheet.versionNumber')}
              value={v.number}
              onChange={(e) => change(v.key, { number: e.currentTarget.value })}
              error={error(`versions.${index}.number`)}
              w={140}
            />
            <TextInput
              label={t('sheet.versionDate')}
              type="date"
              value={v.releasedOn}
              onChange={(e) => change(v.key, { releasedOn: e.currentTarget.value })}
              error={error(`versions.${index}.releasedOn`)}
              w={180}
            />
            <TextInput
              label={t('sheet.versionNotes')}
              value={v.notes}
              onChange={(e) => change(v.key, { notes: e.currentTarget.value })}
              style={{ flex: 1, minWidth: 200 }}
            />
            <ActionIcon
              variant="subtle"
              color="red.9"
              size="lg"
              aria-label={t('form.removeVersion', { number: v.number || index + 1 })}
              onClick={() => onChange(versions.filter((row) => row.key !== v.key))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="default"
          w="fit-content"
          onClick={() =>
            onChange([...versions, { key: nextVersionKey(), number: '', releasedOn: '', notes: '' }])
          }
        >
          {t('form.addVersion')}
        </Button>
      </Stack>
    </Fieldset>
  );
}
