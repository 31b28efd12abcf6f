import { Anchor, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { changedFields } from '../../../../common/audit-diff.ts';
import type { AuditEventDto } from '../../../../common/schemas/audit.ts';
import { can, useMe } from '../../api/queries.ts';
import { auditFieldLabel, auditValue, transitionInputRows } from './audit-fields.ts';

export function AuditChange({ event }: { event: AuditEventDto }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const given = transitionInputRows(event.details);
  const rows = [
    ...given.map((row) => ({ field: row.field, before: '—', after: row.value })),
    ...changedFields(event.before, event.after),
  ];
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
                <Text size="xs">{auditFieldLabel(row.field, language)}</Text>
              </Table.Td>
              {hasBefore ? (
                <Table.Td style={{ wordBreak: 'break-word' }}>{auditValue(row.before, language)}</Table.Td>
              ) : null}
              <Table.Td style={{ wordBreak: 'break-word' }}>{auditValue(row.after, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </details>
  );
}

/** Where each kind of object of the trail is read; a kind missing here is named, not linked. */
const TARGET_PATHS: Record<string, (id: string) => string> = {
  application: (id) => `/catalogue/${id}`,
  user: (id) => `/administration/utilisateurs/${id}`,
  organisation: (id) => `/organismes/${id}`,
};

/** The object of an event: its name (resolved by the server), linked to its page when the reader may open it. */
export function AuditTarget({ event, typeLabel }: { event: AuditEventDto; typeLabel: string }) {
  const { data: me } = useMe();
  const path = event.targetId ? TARGET_PATHS[event.targetType]?.(event.targetId) : undefined;
  const readable = event.targetType !== 'user' || can(me, 'user.read');
  const name = event.targetLabel ?? typeLabel;
  return (
    <>
      {path && event.targetLabel && readable ? (
        <Anchor component={Link} to={path} size="sm">
          {name}
        </Anchor>
      ) : (
        <Text size="sm">{name}</Text>
      )}
      <Text size="xs">{typeLabel}</Text>
    </>
  );
}
