import {
  Alert,
  Anchor,
  Box,
  Button,
  Container,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useLogin, usePublicConfig } from '../../api/queries.ts';
import { LanguageSwitch } from '../../components/layout.tsx';
import { ErrorAlert, usePageTitle } from '../../components/page.tsx';
import { SiteFooter } from '../../components/site-footer.tsx';

/** Only a path of this site may be a destination after login (no "//other.host" nor "https://…"). */
const isLocalPath = (path: string | undefined): path is string =>
  Boolean(path?.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\'));

export function LoginPage({ redirectTo }: { redirectTo?: string | undefined }) {
  const { t } = useTranslation();
  usePageTitle(t('auth.title'));
  const navigate = useNavigate();
  const login = useLogin();
  const { data: config } = usePublicConfig();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [breakGlass, setBreakGlass] = useState(false);
  const showForm = config?.localLogin !== false || breakGlass;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { email, password },
      { onSuccess: () => navigate({ to: isLocalPath(redirectTo) ? redirectTo : '/' }) },
    );
  };
  const problem = login.error instanceof ApiError ? login.error : null;

  return (
    <>
      <Box component="main" py="xl">
        <Container size="sm">
          <Group justify="space-between" mb="lg">
            <Stack gap={0}>
              <Title order={1}>Mutualis</Title>
              <Text c="dimmed">{t('app.tagline')}</Text>
            </Stack>
            <LanguageSwitch />
          </Group>
          {config?.singleSignOn ? (
            <Paper withBorder p="lg" radius="md" mb="lg">
              <Stack>
                <Title order={2} size="h3">
                  {t('auth.title')}
                </Title>
                {/* A plain link: the browser goes to the directory and comes back with a session cookie. */}
                <Button component="a" href="/api/auth/oidc/start" size="md">
                  {t('auth.singleSignOn')}
                </Button>
                {config.localLogin ? (
                  <Text size="sm" c="dimmed" ta="center">
                    {t('auth.singleSignOnOr')}
                  </Text>
                ) : breakGlass ? null : (
                  <Anchor component="button" type="button" size="sm" onClick={() => setBreakGlass(true)}>
                    {t('auth.breakGlass')}
                  </Anchor>
                )}
              </Stack>
            </Paper>
          ) : null}
          <Paper withBorder p="lg" radius="md" hidden={!showForm}>
            <form onSubmit={submit} noValidate>
              <Stack>
                <Title order={2} size="h3">
                  {t('auth.title')}
                </Title>
                <Text size="sm">{t('auth.intro')}</Text>
                {login.error ? <ErrorAlert error={login.error} title={t('auth.title')} /> : null}
                <TextInput
                  label={t('auth.email')}
                  type="email"
                  autoComplete="username"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  error={problem?.fieldError('email')}
                />
                <PasswordInput
                  visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
                  label={t('auth.password')}
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={problem?.fieldError('password')}
                />
                <Button type="submit" loading={login.isPending}>
                  {t('auth.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>
          {config?.demo ? (
            <Paper withBorder p="lg" radius="md" mt="lg">
              <Title order={2} size="h4" mb="xs">
                {t('auth.demoTitle')}
              </Title>
              <Alert color="blue" variant="light" mb="sm">
                {t('auth.demoIntro', { password: config.demoPassword })}
              </Alert>
              <Table striped>
                <Table.Caption>{t('auth.demoTitle')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('auth.email')}</Table.Th>
                    <Table.Th scope="col">{t('profile.roles')}</Table.Th>
                    <Table.Th scope="col">
                      <span className="sr-only">{t('auth.demoUse')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {config.demoAccounts.map((account) => (
                    <Table.Tr key={account.email}>
                      <Table.Td>
                        <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                          {account.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{account.description}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Anchor
                          component="button"
                          type="button"
                          size="sm"
                          aria-label={t('auth.demoUseLabel', { email: account.email })}
                          onClick={() => {
                            setEmail(account.email);
                            setPassword(config.demoPassword ?? '');
                          }}
                        >
                          {t('auth.demoUse')}
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          ) : null}
        </Container>
      </Box>
      <SiteFooter />
    </>
  );
}
