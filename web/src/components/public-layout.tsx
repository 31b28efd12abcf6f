import { Box, Button, Container, Group } from '@mantine/core';
import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/queries.ts';
import { LanguageSwitch, SiteBrand } from './layout.tsx';
import { useFocusHeadingOnNavigation } from './route-focus.ts';
import { SiteFooter } from './site-footer.tsx';

/**
 * The frame of the pages anyone reads without signing in (accessibility statement, legal notice,
 * personal data): the portal's name, the language switch, a way in (or back), the content, the footer.
 */
export function PublicLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  useFocusHeadingOnNavigation('contenu');
  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <a href="#contenu" className="skip-link">
        {t('app.skip')}
      </a>
      <Box
        component="header"
        px={{ base: 'xs', sm: 'md' }}
        py="xs"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <SiteBrand />
          </Group>
          <Group gap={6} wrap="nowrap">
            <LanguageSwitch />
            {me ? (
              <Button component={Link} to="/" variant="default" size="xs">
                {t('publicPages.backToPortal')}
              </Button>
            ) : (
              <Button component={Link} to="/connexion" variant="default" size="xs">
                {t('publicPages.signIn')}
              </Button>
            )}
          </Group>
        </Group>
      </Box>
      <Box component="main" id="contenu" tabIndex={-1} py="xl" style={{ flex: 1 }}>
        <Container size="md">
          <Outlet />
        </Container>
      </Box>
      <SiteFooter />
    </Box>
  );
}
