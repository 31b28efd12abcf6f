import { Anchor, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { changedFields } from '../../../../common/audit-diff.ts';
import { RETENTION_CATEGORY_LABELS } from '../../../../common/retention.ts';
import type { AuditEventDto } from '../../../../common/schemas/audit.ts';
import { can, useMe } from '../../api/queries.ts';
import { formatDateTime } from '../../components/dates.ts';
import { auditFieldLabel, auditValue, retentionPurge, transitionInputRows } from './audit-fields.ts';

export function AuditChange({ event }: { event: AuditEventDto }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const purge = retentionPurge(event);
  if (purge) {
    const words = {
      count: purge.count,
      n: purge.count.toLocaleString(language === 'en' ? 'en-GB' : 'fr-FR'),
      date: formatDateTime(purge.cutoff, language),
    };
    return (
      <>
        <Text size="sm">
          {purge.category === 'auditDetails'
            ? t('audit.retention.blanked', words)
            : t('audit.retention.removed', words)}
        </Text>
        {purge.periodDays > 0 ? (
          <Text size="xs">{t('audit.retention.period', { count: purge.periodDays })}</Text>
        ) : null}
      </>
    );
  }
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
  const { i18n } = useTranslation();
  const purge = retentionPurge(event);
  // A purge names its category of data; other kinds without a resolved name show their kind.
  const name = purge
    ? RETENTION_CATEGORY_LABELS[purge.category][i18n.language === 'en' ? 'en' : 'fr']
    : (event.targetLabel ?? typeLabel);
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
