import { Button, Group, Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REFERENTIAL_CATEGORIES,
  type ReferentialCategory,
} from '../../../../common/referential/vocabulary.ts';
import type { ProposalDto } from '../../../../common/schemas/referential.ts';
import { useProposeChange, useProposePage } from '../../api/referential.ts';
import { ErrorAlert } from '../../components/page.tsx';

interface Draft {
  title: string;
  body: string;
  rationale: string;
}

/**
 * A proposal: a change of a page, written from its current version (its title and text to start from), or a
 * new page in a category. `onSent` receives the proposal (the page then opens it).
 */
export function ProposalForm({
  change,
  onSent,
}: {
  change?: { slug: string; baseVersionId: string; title: string; body: string };
  onSent: (proposal: ProposalDto) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const proposeChange = useProposeChange(change?.slug ?? '');
  const proposePage = useProposePage();
  const mutation = change ? proposeChange : proposePage;
  const [category, setCategory] = useState<ReferentialCategory | null>(null);
  const [draft, setDraft] = useState<Draft>({
    title: change?.title ?? '',
    body: change?.body ?? '',
    rationale: '',
  });
  const field = (key: keyof Draft) => ({
    value: draft[key],
    onChange: (event: { currentTarget: { value: string } }) =>
      setDraft({ ...draft, [key]: event.currentTarget.value }),
  });
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (change)
      proposeChange.mutate({ baseVersionId: change.baseVersionId, ...draft }, { onSuccess: onSent });
    else proposePage.mutate({ category: category as ReferentialCategory, ...draft }, { onSuccess: onSent });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={send} aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {change ? t('referential.proposeChange') : t('referential.proposePage')}
        </Title>
        <ErrorAlert error={mutation.error} />
        {change ? null : (
          <Select
            label={t('referential.category')}
            data={REFERENTIAL_CATEGORIES.map((value) => ({
              value,
              label: t(`referential.categories.${value}`),
            }))}
            value={category}
            onChange={(value) => setCategory(value as ReferentialCategory | null)}
            required
            w={320}
          />
        )}
        <TextInput
          label={t('referential.pageTitle')}
          required
          minLength={3}
          maxLength={150}
          {...field('title')}
        />
        <Textarea
          label={t('referential.body')}
          required
          minLength={10}
          autosize
          minRows={8}
          maxRows={24}
          {...field('body')}
        />
        <Textarea
          label={t('referential.rationale')}
          required
          minLength={10}
          maxLength={5000}
          autosize
          minRows={3}
          {...field('rationale')}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('referential.submitProposal')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
