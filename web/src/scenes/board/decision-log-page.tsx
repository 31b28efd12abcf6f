import { Anchor, Group, Stack } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { BOARD_ITEM_KIND_LABELS, DECISION_OUTCOME_LABELS } from '../../../../common/board/vocabulary.ts';
import { DECISIONS_PAGE_SIZE, type DecisionSearch, useDecision, useDecisionLog } from '../../api/board.ts';
import { LoadFailure } from '../../components/not-found.tsx';
import { PageHeader } from '../../components/page.tsx';
import { useLabel } from '../../i18n/index.ts';
import { FacetGroup } from '../catalogue/catalogue-facets.tsx';
import { FacetedResults, ListSearch } from '../catalogue/faceted-list.tsx';
import { DecisionCard } from './board-labels.tsx';

/** The public decision log: searched in French, filtered by decision, kind of item and year. */
export function DecisionLogPage({ search }: { search: DecisionSearch }) {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const update = (patch: Partial<DecisionSearch>) =>
    navigate({ to: '/instance/decisions', search: { ...search, page: undefined, ...patch }, replace: true });
  const query = useDecisionLog(search);
  const data = query.data;
  const activeCount = [search.outcome, search.kind, search.year].filter(Boolean).length;
  return (
    <>
      <PageHeader
        title={t('board.log.title')}
        intro={t('board.log.intro')}
        actions={
          <Group gap="sm">
            <Anchor href="/api/board/decisions.atom">{t('board.log.atom')}</Anchor>
            <Anchor href="/api/board/decisions.rss">{t('board.log.rss')}</Anchor>
          </Group>
        }
      />
      <ListSearch
        label={t('board.log.searchLabel')}
        help={t('board.log.searchHelp')}
        initial={search.q ?? ''}
        onSearch={(q) => void update({ q })}
        sorts={[]}
        sort=""
        onSort={() => undefined}
      />
      <FacetedResults
        activeCount={activeCount}
        onReset={
          activeCount > 0 || search.q
            ? () => void navigate({ to: '/instance/decisions', search: {}, replace: true })
            : null
        }
        error={query.error}
        total={data?.total}
        empty={t('board.log.noResult')}
        page={search.page ?? 1}
        pageSize={DECISIONS_PAGE_SIZE}
        onPage={(page) => void update({ page })}
        filters={
          data ? (
            <>
              <FacetGroup
                facet="outcome"
                name={t('board.log.facets.outcome')}
                values={data.facets.outcomes.map((v) => ({
                  ...v,
                  label: label(DECISION_OUTCOME_LABELS[v.value]),
                }))}
                valueLabel={(value) =>
                  label(DECISION_OUTCOME_LABELS[value as keyof typeof DECISION_OUTCOME_LABELS])
                }
                selected={search.outcome ? [search.outcome] : []}
                onToggle={(value) =>
                  void update({
                    outcome: search.outcome === value ? undefined : (value as DecisionSearch['outcome']),
                  })
                }
              />
              <FacetGroup
                facet="kind"
                name={t('board.log.facets.kind')}
                values={data.facets.kinds.map((v) => ({
                  ...v,
                  label: label(BOARD_ITEM_KIND_LABELS[v.value]),
                }))}
                valueLabel={(value) =>
                  label(BOARD_ITEM_KIND_LABELS[value as keyof typeof BOARD_ITEM_KIND_LABELS])
                }
                selected={search.kind ? [search.kind] : []}
                onToggle={(value) =>
                  void update({ kind: search.kind === value ? undefined : (value as DecisionSearch['kind']) })
                }
              />
              <FacetGroup
                facet="year"
                name={t('board.log.facets.year')}
                values={data.facets.years.map((v) => ({
                  value: String(v.value),
                  count: v.count,
                  label: String(v.value),
                }))}
                valueLabel={(value) => value}
                selected={search.year ? [String(search.year)] : []}
                onToggle={(value) =>
                  void update({ year: search.year === Number(value) ? undefined : Number(value) })
                }
              />
            </>
          ) : null
        }
      >
        <Stack gap="sm">
          {data?.items.map((decision) => (
            <DecisionCard key={decision.id} decision={decision} />
          ))}
        </Stack>
      </FacetedResults>
    </>
  );
}

export function DecisionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useDecision(id);
  if (query.error) return <LoadFailure error={query.error} missing="page" />;
  if (!query.data) return null;
  return (
    <Stack gap="lg">
      <PageHeader title={`${t('board.log.title')} — ${query.data.reference}`} />
      <DecisionCard decision={query.data} />
    </Stack>
  );
}
