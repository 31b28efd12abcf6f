import { Alert, Button, Checkbox, Fieldset, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDto } from '../../../../common/schemas/calls.ts';
import type { ComparisonDto } from '../../../../common/schemas/proposals.ts';
import { ApiError } from '../../api/client.ts';
import { useEvaluationWrite } from '../../api/proposals.ts';
import { formatDateTime } from '../../components/dates.ts';
import { FormProblem } from '../../components/form-frame.tsx';
import { useLanguage } from '../../i18n/index.ts';

/** The selection once proposed: waiting for the governance board, or applied; each proposal and why. */
function ProposedSelection({ comparison }: { comparison: ComparisonDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const selection = comparison.selection;
  if (!selection) return null;
  const titleOf = (id: string) => comparison.rows.find((r) => r.proposal.id === id)?.proposal.title ?? id;
  return (
    <Alert
      color={selection.state === 'applied' ? 'green' : 'blue'}
      title={
        selection.state === 'applied'
          ? t('proposals.selection.applied', { date: formatDateTime(selection.appliedAt, language) })
          : t('proposals.selection.awaitingBoard')
      }
    >
      <Stack gap="xs">
        <Text size="sm">{selection.rationale}</Text>
        <Stack component="ul" gap={4} className="plain-list">
          {selection.choices.map((choice) => (
            <li key={choice.proposalId}>
              <Text size="sm">
                <strong>
                  {t(choice.selected ? 'proposals.selection.selected' : 'proposals.selection.notSelected', {
                    title: titleOf(choice.proposalId),
                  })}
                </strong>{' '}
                {choice.rationale}
              </Text>
            </li>
          ))}
        </Stack>
      </Stack>
    </Alert>
  );
}

type Choice = { selected: boolean; rationale: string };

/** The issuer proposes the selection: each submitted proposal retained or not, with its rationale. */
function SelectionForm({ call, comparison }: { call: CallDto; comparison: ComparisonDto }) {
  const { t } = useTranslation();
  const write = useEvaluationWrite(call.id);
  const rows = comparison.rows.filter((row) => row.proposal.state === 'submitted');
  const [rationale, setRationale] = useState('');
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const choiceOf = (id: string): Choice => choices[id] ?? { selected: false, rationale: '' };
  const change = (id: string, patch: Partial<Choice>) =>
    setChoices((all) => ({ ...all, [id]: { ...choiceOf(id), ...patch } }));
  const problem = write.error instanceof ApiError ? write.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    write.mutate({
      selection: {
        version: comparison.version,
        rationale,
        choices: rows.map((row) => ({ proposalId: row.proposal.id, ...choiceOf(row.proposal.id) })),
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {call.scope === 'national' ? t('proposals.selection.national') : t('proposals.selection.local')}
        </Text>
        <FormProblem
          error={write.error}
          title={t('proposals.selection.errorsTitle')}
          conflictTitle={t('proposals.selection.errorsTitle')}
        />
        {rows.map((row, k) => (
          <Fieldset key={row.proposal.id} legend={row.proposal.title} variant="filled">
            <Stack gap="xs">
              <Checkbox
                label={t('proposals.selection.select', { title: row.proposal.title })}
                checked={choiceOf(row.proposal.id).selected}
                onChange={(e) => change(row.proposal.id, { selected: e.currentTarget.checked })}
              />
              <Textarea
                label={t('proposals.selection.rationaleFor', { title: row.proposal.title })}
                required
                autosize
                minRows={2}
                value={choiceOf(row.proposal.id).rationale}
                onChange={(e) => change(row.proposal.id, { rationale: e.currentTarget.value })}
                error={problem?.fieldError(`choices.${k}.rationale`)}
              />
            </Stack>
          </Fieldset>
        ))}
        <Textarea
          label={t('proposals.selection.rationale')}
          required
          autosize
          minRows={2}
          value={rationale}
          onChange={(e) => setRationale(e.currentTarget.value)}
          error={problem?.fieldError('rationale')}
        />
        <div>
          <Button type="submit" loading={write.isPending}>
            {t('proposals.selection.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/** The selection of the call: proposed by the issuer during the evaluation, then shown as it stands. */
export function CallSelection({ call, comparison }: { call: CallDto; comparison: ComparisonDto }) {
  const { t } = useTranslation();
  if (!comparison.selection && !comparison.may.select) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="call-selection">
      <Title order={3} id="call-selection" mb="sm">
        {t('proposals.selection.title')}
      </Title>
      {comparison.selection ? (
        <ProposedSelection comparison={comparison} />
      ) : (
        <SelectionForm call={call} comparison={comparison} />
      )}
    </Paper>
  );
}
