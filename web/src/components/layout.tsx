import {
  Anchor,
  AppShell,
  Box,
  Burger,
  Button,
  Divider,
  Group,
  NavLink,
  ScrollArea,
  SegmentedControl,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useLogout, useMe, usePublicConfig } from '../api/queries.ts';
import { type Language, setLanguage } from '../i18n/index.ts';
import { NotificationBell } from '../scenes/notifications/notification-bell.tsx';
import { useFocusHeadingOnNavigation } from './route-focus.ts';
import { SiteFooter } from './site-footer.tsx';

/** The portal's name (a link home) and, on a wide screen, its tagline: the start of every page's header. */
export function SiteBrand() {
  const { t } = useTranslation();
  return (
    <>
      <Anchor component={Link} to="/" underline="never" c="inherit" fw={700} fz={{ base: 'md', sm: 'lg' }}>
        Mutualis
      </Anchor>
      <Text size="sm" visibleFrom="md" c="dimmed">
        {t('app.tagline')}
      </Text>
    </>
  );
}

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Box component="fieldset" style={{ border: 0, margin: 0, padding: 0 }}>
      <VisuallyHidden component="legend">{t('language.label')}</VisuallyHidden>
      <SegmentedControl
        size="xs"
        value={i18n.language}
        onChange={(value) => setLanguage(value as Language)}
        data={[
          { value: 'fr', label: 'FR' },
          { value: 'en', label: 'EN' },
        ]}
        aria-label={t('language.label')}
      />
    </Box>
  );
}

const MATCHMAKING_PATH = '/projets/besoins-et-forces';
const NESTED_LINKS = [MATCHMAKING_PATH, '/store/demandes', '/store/couts', '/conventions/bilan'];

export function AppLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const logout = useLogout();
  // Signed in through the directory: signing out here signs out of it too (RP-initiated logout).
  const directoryLogout = usePublicConfig().data?.singleSignOn?.logoutUrl;
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  // One language switch on the page: in the header, or at the top of the menu below 360 px.
  const narrow = useMediaQuery('(max-width: 359.98px)', false, { getInitialValueInEffect: false });
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  useFocusHeadingOnNavigation('contenu');
  // A page with its own link (« Besoins et forces ») is not also the page of the link above it (Projets).
  const isActive = (path: string) =>
    path === '/'
      ? pathname === '/'
      : pathname.startsWith(path) &&
        !NESTED_LINKS.some(
          (nested) => nested !== path && nested.startsWith(path) && pathname.startsWith(nested),
        );

  const link = (path: string, label: string, extra?: React.ReactNode) => (
    <NavLink
      key={path}
      component={Link}
      to={path}
      // The router would mark /projets current on /projets/besoins-et-forces too: isActive decides alone.
      activeOptions={{ exact: true }}
      label={label}
      active={isActive(path)}
      onClick={close}
      rightSection={extra}
      aria-current={isActive(path) ? 'page' : undefined}
    />
  );

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a href="#contenu" className="skip-link">
        {t('app.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} gap="xs" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.openMenu')}
            />
            <SiteBrand />
          </Group>
          {/* Tight on a phone: the bell has to fit between the language switch and « Se déconnecter ». */}
          <Group gap={6} wrap="nowrap">
            {/* Below 360 px the switch moves to the top of the menu: the header keeps « Se déconnecter » whole. */}
            {narrow ? null : <LanguageSwitch />}
            {me ? <NotificationBell /> : null}
            {me ? (
              <Anchor component={Link} to="/profil" size="sm" visibleFrom="sm">
                {me.user.displayName} · {me.organisation.code}
              </Anchor>
            ) : null}
            <Button
              variant="default"
              size="xs"
              loading={logout.isPending}
              onClick={() =>
                logout.mutate(undefined, {
                  onSettled: () =>
                    directoryLogout
                      ? window.location.assign(directoryLogout)
                      : navigate({ to: '/connexion' }),
                })
              }
            >
              {t('auth.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')} component="nav">
        <ScrollArea>
          {narrow ? (
            <Box mb="xs">
              <LanguageSwitch />
            </Box>
          ) : null}
          {link('/', t('nav.home'))}
          {link('/catalogue', t('nav.catalogue'))}
          {link('/projets', t('nav.projects'))}
          {link('/appels', t('calls.nav'))}
          {link('/instance', t('board.nav'))}
          {can(me, 'effort.read') ? link('/effort', t('effort.nav')) : null}
          {can(me, 'agreement.read') ? link('/conventions', t('agreements.nav')) : null}
          {can(me, 'statistics.read') ? link('/statistiques', t('statistics.nav')) : null}
          {can(me, 'networkBalance.read') ? link('/conventions/bilan', t('balance.nav')) : null}
          {link('/recettes', t('acceptance.nav'))}
          {link('/store', t('store.nav'))}
          {link('/store/demandes', t('requests.nav'))}
          {can(me, 'hosting.read') ? link('/store/couts', t('hosting.nav')) : null}
          {link(MATCHMAKING_PATH, t('matchmaking.title'))}
          {link('/grilles', t('grids.title'))}
          <Divider my="xs" />
          {link('/organismes', t('nav.directory'))}
          {link('/communaute/developpeurs', t('community.navDevelopers'))}
          {link('/communaute/referents', t('community.navReferents'))}
          {link('/communaute/formations', t('community.training.nav'))}
          {link('/support', t('support.nav'))}
          {link('/referentiel', t('referential.nav'))}
          {link('/paquets', t('packages.nav'))}
          {link('/profil', t('nav.profile'))}
          {link('/notifications', t('notifications.title'))}
          {can(me, 'user.list') || can(me, 'audit.read') ? (
            <>
              <Divider my="xs" label={t('nav.administration')} labelPosition="left" />
              {can(me, 'user.list') ? link('/administration/utilisateurs', t('nav.users')) : null}
              {can(me, 'audit.read') ? link('/administration/journal', t('nav.audit')) : null}
              {can(me, 'job.read') ? link('/administration/travaux', t('jobs.nav')) : null}
              {can(me, 'accessibilityReport.list')
                ? link('/administration/accessibilite', t('accessibility.admin.nav'))
                : null}
              {can(me, 'integration.read')
                ? link('/administration/integrations', t('forge.integrations.title'))
                : null}
              {can(me, 'siteSettings.update')
                ? link('/administration/parametres', t('siteSettings.nav'))
                : null}
            </>
          ) : null}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="contenu" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
      {/* Beside the navigation on a wide screen, as the content is. */}
      <Box style={{ paddingInlineStart: 'var(--app-shell-navbar-offset, 0rem)' }}>
        <SiteFooter />
      </Box>
    </AppShell>
  );
}
