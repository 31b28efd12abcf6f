import '@mantine/core/styles.css';
import './styles.css';
import {
  Badge,
  ComboboxChevron,
  createTheme,
  DEFAULT_THEME,
  darken,
  defaultVariantColorsResolver,
  Grid,
  MantineProvider,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/client.ts';
import { meKey } from './api/queries.ts';
import './i18n/index.ts';
import { createAppRouter } from './router.tsx';

/**
 * Text on a light tint (alert titles, light badges, subtle buttons) is shade 9 of its colour by
 * default: 3.8:1 for green on its tint, 2.7:1 for yellow. Each colour used so is darkened just enough
 * to pass AA (4.5:1) on its tint and on its hover tint (measured in e2e/pages.test.ts).
 */
const LIGHT_TEXT_DARKENING: Record<string, number> = {
  red: 0.2,
  blue: 0.1,
  cyan: 0.1,
  teal: 0.2,
  green: 0.2,
  lime: 0.3,
  yellow: 0.3,
  orange: 0.3,
};
const lightTextColors = Object.fromEntries(
  Object.entries(LIGHT_TEXT_DARKENING).map(([name, amount]) => [
    `--mantine-color-${name}-light-color`,
    darken(DEFAULT_THEME.colors[name]?.[9] ?? '#000', amount),
  ]),
);

/**
 * A subtle button of a given shade ("red.9") is drawn by Mantine in shade 6 at most (3.3:1 for red on
 * white): here in the shade asked for.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (input.variant === 'subtle' && parsed.isThemeColor && parsed.shade !== undefined)
    return { ...colors, color: `var(--mantine-color-${parsed.color}-${parsed.shade})` };
  return colors;
};

/** Shade 8 of blue keeps white text on buttons above the AA contrast ratio (4.5:1). */
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 6 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  // People who ask their system for less motion get no sliding dialogs.
  respectReducedMotion: true,
  variantColorResolver,
  components: {
    // A column may shrink below its content's width, so that a wide table scrolls inside it instead of
    // widening the page (390 px phones).
    Grid: Grid.extend({ styles: { col: { minWidth: 0 } } }),
    // The chevron of a select is decoration: its field is named and announced as a list (RGAA 1.2).
    ComboboxChevron: ComboboxChevron.extend({ defaultProps: { 'aria-hidden': true } }),
    // Upper-case badges get truncated in narrow cells and read worse; keep the words as written.
    // A long label (a role, a status) wraps inside its badge rather than being cut with an ellipsis.
    Badge: Badge.extend({
      styles: {
        root: {
          textTransform: 'none',
          overflow: 'visible',
          height: 'auto',
          minHeight: 'var(--badge-height)',
          maxWidth: '100%',
        },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.35 },
      },
    }),
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
          ...lightTextColors,
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
