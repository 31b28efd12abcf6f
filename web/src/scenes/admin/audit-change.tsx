import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changedFields } from '../../../../common/audit-diff.ts';
import type { AuditEventDto } from '../../../../common/schemas/audit.ts';

export function AuditChange({ event }: { event: AuditEventDto }) {
  const { t } = useTranslation();
  const rows = changedFields(event.before, event.after);
  if (rows.length === 0) return null;
  const hasBefore = event.before != null;
  return (
    <details>
      <summary>{t('audit.change')}</summary>
      <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs" mt={4} fz="xs" miw={320}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.field')}</Table.Th>
            {hasBefore ? <Table.Th scope="col">{t('audit.before')}</Table.Th> : null}
            <Table.Th scope="col">{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.field}>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {row.field}
                </Text>
              </Table.Td>
              {hasBefore ? <Table.Td style={{ wordBreak: 'break-word' }}>{row.before}</Table.Td> : null}
              <Table.Td style={{ wordBreak: 'break-word' }}>{row.after}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </details>
  );
}
