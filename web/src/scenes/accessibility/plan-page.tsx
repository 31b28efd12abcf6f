import { Anchor, List, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PLAN_ORGANISATION, PLAN_YEARS } from '../../../../common/accessibility/plan.ts';
import type { Language } from '../../../../common/lifecycle.ts';
import { usePageTitle } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';

/** « Schéma pluriannuel de mise en accessibilité 2026–2028 »: organisation, then each year's actions. */
export function AccessibilityPlanPage() {
  const { t, i18n } = useTranslation();
  const language = (i18n.language === 'en' ? 'en' : 'fr') as Language;
  usePageTitle(t('accessibility.plan.title'));
  return (
    <Stack gap="lg">
      <Title order={1}>{t('accessibility.plan.title')}</Title>
      <Text>{t('accessibility.plan.intro')}</Text>
      <Anchor component={Link} to="/accessibilite">
        {t('accessibility.plan.back')}
      </Anchor>
      <Stack gap="xs" component="section" aria-labelledby="organisation">
        <Title order={2} id="organisation">
          {t('accessibility.plan.organisationTitle')}
        </Title>
        <List spacing="xs">
          {PLAN_ORGANISATION.map((line) => (
            <List.Item key={line.fr}>{line[language]}</List.Item>
          ))}
        </List>
      </Stack>
      {PLAN_YEARS.map(({ year, actions }) => (
        <Stack gap="xs" component="section" aria-labelledby={`annee-${year}`} key={year}>
          <Title order={2} id={`annee-${year}`}>
            {t('accessibility.plan.yearTitle', { year })}
          </Title>
          <ListTable
            caption={t('accessibility.plan.yearTitle', { year })}
            columns={[
              t('accessibility.plan.action'),
              t('accessibility.plan.who'),
              t('accessibility.plan.when'),
            ]}
            minWidth={0}
            isEmpty={false}
            stacked
          >
            {actions.map((item) => (
              <Table.Tr key={item.action.fr}>
                <Table.Td data-label={t('accessibility.plan.action')}>{item.action[language]}</Table.Td>
                <Table.Td data-label={t('accessibility.plan.who')}>{item.who[language]}</Table.Td>
                <Table.Td data-label={t('accessibility.plan.when')}>{item.when[language]}</Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        </Stack>
      ))}
    </Stack>
  );
}
