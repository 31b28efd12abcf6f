import { Anchor, Box, Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AccessibilityFooterLink } from '../scenes/accessibility/footer-link.tsx';

/**
 * The footer of every page, signed in or not: the public service's mandatory links (accessibility
 * statement, legal notice, personal data) — pages anyone reaches without signing in (router-public.tsx).
 */
export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <Box
      component="footer"
      className="site-footer"
      px={{ base: 'md', sm: 'lg' }}
      py="md"
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <Group component="nav" aria-label={t('footer.label')} gap="md" wrap="wrap">
        <AccessibilityFooterLink />
        <Anchor component={Link} to="/mentions-legales" size="sm">
          {t('legalNotice.title')}
        </Anchor>
        <Anchor component={Link} to="/donnees-personnelles" size="sm">
          {t('personalData.title')}
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed" mt="xs">
        {t('footer.publisher')}
      </Text>
    </Box>
  );
}
