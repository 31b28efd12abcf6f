import { Button, Checkbox, Drawer, Stack, TextInput, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Facet } from '../../../../common/catalog/vocabulary.ts';
import type { ApplicationPageDto } from '../../../../common/schemas/application-search.ts';
import { comparableText } from '../../../../common/text.ts';
import { useDomainLabel } from '../../components/domain-select.tsx';
import { useLabel } from '../../i18n/index.ts';
import { facetLabel, facetValueLabel } from './labels.ts';

const SHOWN_VALUES = 6;
/** From this many values (the 174 offices), a facet gets a box to find a value by typing. */
const SEARCHABLE_FROM = 20;

/** One facet: its values with their counts, the first few shown, and a search box when it is long. */
export function FacetGroup({
  facet,
  values,
  selected,
  onToggle,
  name: givenName,
  valueLabel,
}: {
  facet: string;
  values: ApplicationPageDto['facets'][Facet];
  selected: string[];
  onToggle: (value: string) => void;
  /** Another list's facet (the projects'): its name and its values' labels; the catalogue's by default. */
  name?: string;
  valueLabel?: (value: string, serverLabel: string) => string;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const domainLabel = useDomainLabel();
  const [expanded, setExpanded] = useState(false);
  const [filter, setFilter] = useState('');
  if (values.length === 0) return null;
  const name = givenName ?? facetLabel(label, facet as Facet);
  const labelled = values.map((v) => ({
    ...v,
    text:
      facet === 'domain'
        ? domainLabel(v.value, v.label)
        : valueLabel
          ? valueLabel(v.value, v.label)
          : facetValueLabel(label, facet as Facet, v.value, v.label),
  }));
  const wanted = comparableText(filter);
  const matching = wanted
    ? labelled.filter((v) => comparableText(`${v.text} ${v.value}`).includes(wanted))
    : labelled;
  // Folded, the chosen values stay in view whatever their rank: an active filter is never hidden.
  const shown =
    expanded || wanted
      ? matching
      : matching.filter((v, rank) => rank < SHOWN_VALUES || selected.includes(v.value));
  return (
    <fieldset className="facet">
      <legend>{name}</legend>
      {values.length >= SEARCHABLE_FROM ? (
        <TextInput
          size="xs"
          mb={8}
          type="search"
          label={t('catalogue.facetSearch', { name })}
          labelProps={{ className: 'sr-only' }}
          placeholder={t('catalogue.facetSearchPlaceholder')}
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value)}
        />
      ) : null}
      <Stack gap={6}>
        {shown.map((v) => (
          <Checkbox
            key={v.value}
            size="sm"
            checked={selected.includes(v.value)}
            onChange={() => onToggle(v.value)}
            label={`${v.text} (${v.count})`}
          />
        ))}
      </Stack>
      {wanted && matching.length === 0 ? (
        <p className="facet-none" role="status">
          {t('catalogue.facetNoMatch')}
        </p>
      ) : null}
      {!wanted && values.length > SHOWN_VALUES ? (
        <UnstyledButton
          className="facet-more"
          onClick={() => setExpanded((e) => !e)}
          aria-expanded={expanded}
        >
          {expanded ? t('catalogue.showLess') : t('catalogue.showAll', { count: values.length, name })}
        </UnstyledButton>
      ) : null}
    </fieldset>
  );
}

/**
 * The filters of a list: a column beside the results on a wide screen; on a phone the results come
 * first, and a "Filtres (n)" button opens the same filters in a drawer.
 */
export function FiltersPanel({
  wide,
  activeCount,
  children,
}: {
  wide: boolean;
  activeCount: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  if (wide)
    return (
      <Stack gap="md" component="section" aria-label={t('catalogue.filters')}>
        {children}
      </Stack>
    );
  return (
    <>
      <Button variant="default" onClick={open} aria-haspopup="dialog" mb="sm">
        {t('catalogue.filtersCount', { count: activeCount })}
      </Button>
      <Drawer
        opened={opened}
        onClose={close}
        title={t('catalogue.filters')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="100%"
      >
        <Stack gap="md">
          {children}
          <Button onClick={close}>{t('catalogue.showResults')}</Button>
        </Stack>
      </Drawer>
    </>
  );
}
