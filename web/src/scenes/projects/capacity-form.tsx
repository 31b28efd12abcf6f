import { Button, Group, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { quartersFrom } from '../../../../common/quarters.ts';
import type { CapacityDto } from '../../../../common/schemas/project-collaboration.ts';
import { ApiError } from '../../api/client.ts';
import { useDeclareCapacity } from '../../api/matchmaking.ts';
import { ErrorAlert, type Notice } from '../../components/page.tsx';

/** Skills as typed, one list: "PHP, tableaux de bord" → ["PHP", "tableaux de bord"]. */
const skillList = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/**
 * The capacity the caller's office can give, for the current quarter or one of the next three; the
 * quarter's declaration, if any, fills the form (declaring again replaces it).
 */
export function CapacityForm({
  office,
  declared,
  onNotice,
}: {
  office: { id: string; name: string };
  /** What the office declared for this quarter and later. */
  declared: CapacityDto[];
  onNotice: (notice: Notice) => void;
}) {
  const { t } = useTranslation();
  const declare = useDeclareCapacity();
  const quarters = quartersFrom(new Date(), 4);
  const [quarter, setQuarter] = useState(quarters[0] as string);
  const [personDays, setPersonDays] = useState<number | string>('');
  const [skills, setSkills] = useState('');
  const [comment, setComment] = useState('');
  const [filledFor, setFilledFor] = useState<string | null>(null);
  const existing = declared.find((c) => c.organisation.id === office.id && c.quarter === quarter);
  const fillKey = `${quarter}/${existing?.updatedAt ?? ''}`;
  if (filledFor !== fillKey) {
    setFilledFor(fillKey);
    setPersonDays(existing?.personDays ?? '');
    setSkills(existing?.skills.join(', ') ?? '');
    setComment(existing?.comment ?? '');
  }
  const problem = declare.error instanceof ApiError ? declare.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    declare.mutate(
      {
        quarter,
        personDays: personDays === '' ? null : Number(personDays),
        skills: skillList(skills),
        comment,
      },
      {
        onSuccess: (saved) =>
          onNotice({
            text: t('matchmaking.capacityForm.saved', {
              office: office.name,
              quarter: saved.quarter,
              count: saved.personDays,
            }),
          }),
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('matchmaking.capacityForm.help', { office: office.name })}</Text>
        <Select
          label={t('matchmaking.capacityForm.quarter')}
          data={quarters}
          value={quarter}
          onChange={(value) => value && setQuarter(value)}
          allowDeselect={false}
          required
        />
        <NumberInput
          label={t('matchmaking.capacityForm.personDays')}
          value={personDays}
          onChange={setPersonDays}
          error={problem?.fieldError('personDays')}
          min={0}
          allowDecimal={false}
          required
        />
        <TextInput
          label={t('matchmaking.capacityForm.skills')}
          description={t('matchmaking.capacityForm.skillsHelp')}
          value={skills}
          onChange={(e) => setSkills(e.currentTarget.value)}
          error={problem?.fieldError('skills')}
        />
        <Textarea
          label={t('matchmaking.capacityForm.comment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={problem?.fieldError('comment')}
          autosize
          minRows={2}
        />
        {problem && !problem.problem.errors ? <ErrorAlert error={problem} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={declare.isPending}>
            {t('matchmaking.capacityForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
