import { Alert, Anchor, List, Stack, Table } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../api/catalogue.ts';
import { ListTable } from '../../components/tables.tsx';

/** Alert titles in the colour of the text: the light variant's coloured titles fall short of AA (4.5:1). */
const READABLE_TITLE = { title: { color: 'var(--mantine-color-text)' } };

/**
 * What an import keeps beside its errors: the warnings (a publiccode.yml's deprecated keys, unknown
 * categories, offices not found), which never block, and the offices the file names whose use is not
 * declared for them — the designer invites them to declare it.
 */
export function ImportNotes({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  if (result.warnings.length === 0 && result.citedOffices.length === 0) return null;
  return (
    <Stack data-import-notes>
      {result.warnings.length > 0 ? (
        <>
          <Alert
            color="yellow"
            styles={READABLE_TITLE}
            title={t('importWizard.warnings', { count: result.warnings.length })}
          >
            {t('importWizard.warningsHelp')}
          </Alert>
          <ListTable
            caption={t('importWizard.warningsCaption', { count: result.warnings.length })}
            columns={[t('importWizard.line'), t('importWizard.key'), t('importWizard.warning')]}
            minWidth={560}
            isEmpty={false}
          >
            {result.warnings.map((w) => (
              <Table.Tr key={`${w.line}-${w.field}-${w.message}`}>
                <Table.Td>{w.line || '—'}</Table.Td>
                <Table.Td>{w.field}</Table.Td>
                <Table.Td>{w.message}</Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        </>
      ) : null}
      {result.citedOffices.length > 0 ? (
        <Alert
          color="blue"
          styles={READABLE_TITLE}
          title={t('importWizard.citedOffices', { count: result.citedOffices.length })}
        >
          {t('importWizard.citedOfficesHelp')}
          <List mt="xs">
            {result.citedOffices.map((office) => (
              <List.Item key={office.id}>
                <Anchor component={Link} to={`/organismes/${office.id}`} c="blue.9" underline="always">
                  {office.name}
                </Anchor>{' '}
                ({office.code})
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </Stack>
  );
}
