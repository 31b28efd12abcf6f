import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  EFFORT_PROFILE_LABELS,
  type EffortProfile,
  euros,
} from '../../../../common/compensation/vocabulary.ts';
import { useLabel, useLanguage } from '../../i18n/index.ts';

/** Figures of a valuation: one row per profile (days × rate = amount), then the named totals. */
export function FiguresTable({
  lines,
  totals,
}: {
  lines: { profile: EffortProfile; days: number; rateCents: number; amountCents: number }[];
  /** [name, value already formatted] */
  totals: (readonly [string, string])[];
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  return (
    <Table>
      <Table.Tbody>
        {lines.map((l) => (
          <Table.Tr key={l.profile}>
            <Table.Td>
              {t('agreements.profileLine', {
                profile: label(EFFORT_PROFILE_LABELS[l.profile]),
                days: l.days.toLocaleString(language === 'en' ? 'en-GB' : 'fr-FR'),
                rate: euros(l.rateCents, language),
              })}
            </Table.Td>
            <Table.Td ta="right">{euros(l.amountCents, language)}</Table.Td>
          </Table.Tr>
        ))}
        {totals.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th scope="row" fw={500}>
              {name}
            </Table.Th>
            <Table.Td ta="right">{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
