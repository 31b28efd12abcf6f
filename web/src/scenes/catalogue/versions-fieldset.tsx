import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EditableRows } from '../../components/editable-rows.tsx';
import type { VersionRow } from './application-form-state.ts';

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
  return (
    <EditableRows
      legend={t('sheet.tabs.versions')}
      rows={versions}
      onChange={onChange}
      listError={error('versions')}
      removeLabel={(v, index) => t('form.removeVersion', { number: v.number || index + 1 })}
      addLabel={t('form.addVersion')}
      newRow={() => ({ number: '', releasedOn: '', notes: '' })}
      renderRow={(v, index, change) => (
        <>
          <TextInput
            label={t('sheet.versionNumber')}
            value={v.number}
            onChange={(e) => change({ number: e.currentTarget.value })}
            error={error(`versions.${index}.number`)}
            w={140}
          />
          <TextInput
            label={t('sheet.versionDate')}
            type="date"
            value={v.releasedOn}
            onChange={(e) => change({ releasedOn: e.currentTarget.value })}
            error={error(`versions.${index}.releasedOn`)}
            w={180}
          />
          <TextInput
            label={t('sheet.versionNotes')}
            value={v.notes}
            onChange={(e) => change({ notes: e.currentTarget.value })}
            style={{ flex: 1, minWidth: 200 }}
          />
        </>
      )}
    />
  );
}
