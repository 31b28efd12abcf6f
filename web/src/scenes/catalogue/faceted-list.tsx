import { Button, Grid, Group, Select, Stack, Text, TextInput, Title, useMantineTheme } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Pager } from '../../components/page.tsx';
import { FiltersPanel } from './catalogue-facets.tsx';

type SearchSort = 'relevance' | 'usage' | 'name' | 'updated';
/** The words, sorts and default order of a search over the catalogue's index (the catalogue, the Store). */
export function catalogueSearchProps(
  t: (key: string) => string,
  search: { q?: string | undefined; sort?: SearchSort | undefined },
  update: (patch: { q?: string | undefined; sort?: SearchSort }) => unknown,
) {
  return {
    initial: search.q ?? '',
    onSearch: (q: string | undefined) => void update({ q }),
    sorts: (['relevance', 'usage', 'name', 'updated'] as const).map((value) => ({
      value,
      label: t(`catalogue.sorts.${value}`),
    })),
    sort: search.sort ?? (search.q ? 'relevance' : 'name'),
    onSort: (sort: SearchSort) => void update({ sort }),
  };
}

/**
 * The search box of a list with facets (the catalogue, the projects): typed words are sent after a pause
 * or on Enter, a skip link leads past the filters to the results, and a sort.
 */
export function ListSearch<S extends string>({
  label,
  help,
  initial,
  onSearch,
  sorts,
  sort,
  onSort,
}: {
  label: string;
  help: string;
  initial: string;
  onSearch: (q: string | undefined) => void;
  /** The orders offered; with one or none, the list has its own and no select is shown. */
  sorts: { value: S; label: string }[];
  sort: S;
  onSort: (sort: S) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [shown, setShown] = useState(initial);
  // Cleared from outside ("Effacer les filtres"): the box follows.
  if (initial !== shown) {
    setShown(initial);
    if (initial === '') setText('');
  }
  const searchText = useDebouncedCallback((value: string) => onSearch(value || undefined), 250);
  return (
    <search>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSearch(text || undefined);
        }}
      >
        <Group align="flex-end" mb="md" wrap="wrap">
          <TextInput
            label={label}
            description={help}
            type="search"
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              searchText(e.currentTarget.value);
            }}
            style={{ flex: 1, minWidth: 'min(260px, 100%)' }}
          />
          {/* Past the search box, the results are one key away, not behind every filter. */}
          <a href="#resultats" className="skip-link-inline">
            {t('catalogue.skipToResults')}
          </a>
          {sorts.length > 1 ? (
            <Select
              label={t('catalogue.sort')}
              data={sorts}
              value={sort}
              onChange={(value) => value && onSort(value as S)}
              allowDeselect={false}
              w={220}
            />
          ) : null}
        </Group>
      </form>
    </search>
  );
}

/**
 * Filters beside the results on a wide screen, in a drawer behind « Filtres (n) » on a phone; the
 * results with their count, the "no result" sentence, and the pager.
 */
export function FacetedResults({
  filters,
  activeCount,
  onReset,
  error,
  total,
  empty,
  page,
  pageSize,
  onPage,
  children,
}: {
  filters: ReactNode;
  activeCount: number;
  /** Shown when some filter or search is active. */
  onReset: (() => void) | null;
  error: unknown;
  /** Undefined while loading. */
  total: number | undefined;
  empty: string;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.md})`, true, {
    getInitialValueInEffect: false,
  });
  const controls = (
    <>
      <Group justify="space-between">
        <Title order={2} size="h5">
          {t('catalogue.filters')}
        </Title>
        {onReset ? (
          <Button variant="subtle" size="compact-sm" onClick={onReset}>
            {t('common.reset')}
          </Button>
        ) : null}
      </Group>
      {filters}
    </>
  );
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 3 }} display={wide ? undefined : 'none'}>
        {wide ? (
          <FiltersPanel wide activeCount={activeCount}>
            {controls}
          </FiltersPanel>
        ) : null}
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        {wide ? null : (
          <FiltersPanel wide={false} activeCount={activeCount}>
            {controls}
          </FiltersPanel>
        )}
        <section id="resultats" tabIndex={-1} aria-label={t('catalogue.results')} className="results">
          <ErrorAlert error={error} />
          <Text aria-live="polite" mb="sm" fw={500}>
            {total === undefined ? t('common.loading') : t('common.results', { count: total })}
          </Text>
          <Stack gap="sm">
            {children}
            {total === 0 ? <Text>{empty}</Text> : null}
          </Stack>
        </section>
        {total !== undefined && total > pageSize ? (
          <Pager page={page} pageSize={pageSize} total={total} onChange={onPage} />
        ) : null}
      </Grid.Col>
    </Grid>
  );
}
