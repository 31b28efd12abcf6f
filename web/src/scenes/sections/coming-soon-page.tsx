import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page.tsx';
import type { SectionKey } from '../../components/sections.ts';

/** A section not built yet says so plainly, and what it will offer — nothing pretends to work. */
export function ComingSoonPage({ section }: { section: SectionKey }) {
  const { t } = useTranslation();
  const items = t(`sections.${section}.items`, { returnObjects: true }) as string[];
  return (
    <>
      <PageHeader title={t(`nav.${section}`)} intro={t(`sections.${section}.summary`)} />
      <Alert color="gray" variant="light" title={t('sections.soonTitle')} maw={760}>
        <Text size="sm" mb="xs">
          {t('sections.soonIntro')}
        </Text>
        <List size="sm" spacing={4}>
          {items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      </Alert>
    </>
  );
}
