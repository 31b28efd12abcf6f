import { MultiSelect } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMentionSuggestions } from '../../api/notifications.ts';

export interface EvaluatorRef {
  id: string;
  name: string;
  office: string;
}

/** The people's search takes the start of one name: the last word typed, letters only. */
const nameStart = (typed: string) => {
  const word = typed.trim().split(/\s+/).pop() ?? '';
  return /^[\p{L}][\p{L}.'’-]*$/u.test(word) ? word : null;
};

/** The evaluators of a call: active accounts found by typing the start of a name. */
export function EvaluatorPicker({
  value,
  onChange,
  error,
}: {
  value: EvaluatorRef[];
  onChange: (evaluators: EvaluatorRef[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const typed = nameStart(search);
  const found = useMentionSuggestions(typed).data?.items ?? [];
  const known = new Map(
    [...value, ...(typed ? found : []).map((p) => ({ id: p.id, name: p.displayName, office: p.office }))].map(
      (p) => [p.id, p],
    ),
  );
  return (
    <MultiSelect
      label={t('proposals.evaluation.evaluators')}
      description={t('proposals.evaluation.evaluatorsHelp')}
      data={[...known.values()].map((p) => ({ value: p.id, label: `${p.name} (${p.office})` }))}
      value={value.map((p) => p.id)}
      onChange={(ids) => onChange(ids.map((id) => known.get(id)).filter((p): p is EvaluatorRef => !!p))}
      // The server found them by name: nothing more is filtered here.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={typed ? t('proposals.evaluation.nobody') : undefined}
      error={error}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('proposals.evaluation.clearEvaluators') }}
    />
  );
}
