import { Anchor, Badge, Paper, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useGridDiff } from '../../api/evaluations.ts';
import { LoadFailure } from '../../components/not-found.tsx';
import { PageHeader } from '../../components/page.tsx';
import { KEYBOARD_SCROLL } from './keyboard-scroll.ts';

const CHANGE_COLOR = { added: 'green', removed: 'red', changed: 'blue' } as const;

/** What changed from one version of a grid to another, requirement by requirement. */
export function GridDiffPage({ id, from }: { id: string; from: string | undefined }) {
  const { t } = useTranslation();
  const query = useGridDiff(id, from);
  const diff = query.data;
  if (!diff)
    return query.error ? (
      <LoadFailure error={query.error} missing="page" />
    ) : (
      <Text>{t('common.loading')}</Text>
    );
  const title = t('grids.diffTitle', { to: diff.to.number, from: diff.from.number });
  const nothing =
    diff.requirements.length === 0 &&
    diff.sections.length === 0 &&
    !diff.profileChanged &&
    !diff.rulesChanged;
  return (
    <>
      <Anchor component={Link} to={`/grilles/versions/${id}`} size="sm">
        ← {t('grids.version', { number: diff.to.number })}
      </Anchor>
      <PageHeader title={title} />
      <Stack gap="md">
        {nothing ? <Text>{t('grids.diffNone')}</Text> : null}
        {diff.profileChanged ? <Text>{t('grids.profileChanged')}</Text> : null}
        {diff.rulesChanged ? <Text>{t('grids.rulesChanged')}</Text> : null}
        {diff.requirements.length > 0 ? (
          <Paper withBorder p="md">
            <Table.ScrollContainer minWidth={560} scrollAreaProps={KEYBOARD_SCROLL}>
              <Table verticalSpacing="xs">
                <Table.Caption>{title}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('grids.columns.code')}</Table.Th>
                    <Table.Th scope="col">{t('grids.before')}</Table.Th>
                    <Table.Th scope="col">{t('grids.after')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {diff.requirements.map((change) => (
                    <Table.Tr key={change.code}>
                      <Table.Th scope="row">
                        <Stack gap={4} align="flex-start">
                          <span>{change.code}</span>
                          <Badge variant="light" color={CHANGE_COLOR[change.change]}>
                            {t(`grids.changes.${change.change}`)}
                          </Badge>
                        </Stack>
                      </Table.Th>
                      <Table.Td>
                        <Text size="sm">{change.before?.text ?? '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{change.after?.text ?? '—'}</Text>
                        {change.fields.length > 0 ? (
                          <Text size="sm" c="dimmed">
                            {t('grids.changedFields', {
                              fields: change.fields
                                .map((f) => (f === 'section' ? f : t(`grids.fields.${f}`)))
                                .join(', '),
                            })}
                          </Text>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
