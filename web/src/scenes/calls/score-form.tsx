import { Alert, Button, Fieldset, Group, NumberInput, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCORE_MAX, SCORE_MIN } from '../../../../common/calls/proposals.ts';
import type { ProposalDto } from '../../../../common/schemas/proposals.ts';
import { ApiError } from '../../api/client.ts';
import { useScoreProposal } from '../../api/proposals.ts';
import { ErrorAlert } from '../../components/page.tsx';

type Row = { score: number | ''; comment: string };

/**
 * An evaluator's scores of one proposal: 0 to 5 and a comment per criterion of the call. The criteria
 * left blank are not sent; a score given again replaces the previous one.
 */
export function ScoreForm({
  proposal,
  criteria,
}: {
  proposal: Pick<ProposalDto, 'id' | 'callId' | 'title' | 'myScores'>;
  criteria: readonly { label: string; weight: number }[];
}) {
  const { t } = useTranslation();
  const save = useScoreProposal(proposal.id, proposal.callId);
  const [rows, setRows] = useState<Row[]>(() =>
    criteria.map((_, k) => {
      const mine = proposal.myScores.find((s) => s.criterion === k);
      return { score: mine?.score ?? '', comment: mine?.comment ?? '' };
    }),
  );
  const [saved, setSaved] = useState(false);
  const change = (k: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows((all) => all.map((row, i) => (i === k ? { ...row, ...patch } : row)));
  };
  const problem = save.error instanceof ApiError ? save.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const scores = rows.flatMap((row, criterion) =>
      row.score === '' ? [] : [{ criterion, score: row.score, comment: row.comment }],
    );
    save.mutate({ scores }, { onSuccess: () => setSaved(true) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {criteria.map((criterion, k) => (
          <Fieldset
            key={criterion.label}
            legend={t('proposals.scoring.criterion', { label: criterion.label, weight: criterion.weight })}
            variant="filled"
          >
            <Group align="flex-start" wrap="wrap" gap="sm">
              <NumberInput
                label={t('proposals.scoring.score', { label: criterion.label })}
                description={t('proposals.scoring.scale', { min: SCORE_MIN, max: SCORE_MAX })}
                min={SCORE_MIN}
                max={SCORE_MAX}
                allowDecimal={false}
                clampBehavior="strict"
                value={rows[k]?.score ?? ''}
                onChange={(v) => change(k, { score: typeof v === 'number' ? v : '' })}
                error={problem?.fieldError(`scores.${k}.score`)}
                w={180}
              />
              <Textarea
                label={t('proposals.scoring.comment', { label: criterion.label })}
                autosize
                minRows={2}
                value={rows[k]?.comment ?? ''}
                onChange={(e) => change(k, { comment: e.currentTarget.value })}
                style={{ flex: 1, minWidth: 'min(260px, 100%)' }}
              />
            </Group>
          </Fieldset>
        ))}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('proposals.scoring.save')}
            <span className="sr-only"> — {proposal.title}</span>
          </Button>
        </Group>
        <div role="status" aria-live="polite">
          {saved ? (
            <Alert color="green" variant="light" p="xs">
              {t('proposals.scoring.saved')}
            </Alert>
          ) : null}
        </div>
        {save.error ? <ErrorAlert error={save.error} /> : null}
      </Stack>
    </form>
  );
}
