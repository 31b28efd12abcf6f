import '@mantine/core/styles.css';
import './styles.css';
import { Badge, createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/client.ts';
import { meKey } from './api/queries.ts';
import './i18n/index.ts';
import { createAppRouter } from './router.tsx';

/** Shade 8 of blue keeps white text on buttons above the AA contrast ratio (4.5:1). */
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 6 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  // People who ask their system for less motion get no sliding dialogs.
  respectReducedMotion: true,
  components: {
    // Upper-case badges get truncated in narrow cells and read worse; keep the words as written.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none', overflow: 'visible' } } }),
  },
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createAppRouter(queryClient);

// A session that ends while the app is open (idle timeout, deactivation) sends the user to the login page.
queryClient.getQueryCache().subscribe((event) => {
  const error = event.query.state.error;
  if (
    event.type === 'updated' &&
    error instanceof ApiError &&
    error.status === 401 &&
    event.query.queryKey[0] !== 'me'
  ) {
    queryClient.setQueryData(meKey, null);
    void router.navigate({ to: '/connexion', search: { redirect: router.state.location.href } });
  }
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      defaultColorScheme="light"
      cssVariablesResolver={() => ({
        variables: {},
        // Default "dimmed" grey and error red are below AA contrast on white; these are above 4.5:1.
        light: {
          '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
          '--mantine-color-error': 'var(--mantine-color-red-9)',
        },
        dark: {},
      })}
    >
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
