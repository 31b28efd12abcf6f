import {
  Button,
  FileInput,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDto, TesterDto } from '../../../../common/schemas/acceptance.ts';
import { useCampaignWrite, useImportTestPlan } from '../../api/acceptance.ts';
import { ApiError } from '../../api/client.ts';
import { FormProblem } from '../../components/form-frame.tsx';
import { OfficesMultiSelect } from '../../components/office-select.tsx';
import { DateFields } from './campaign-form-page.tsx';
import { TesterPicker } from './tester-picker.tsx';

/** What the campaign's managers change while it is planned or running: its plan, its test cases. */

const list = (value: string) =>
  value
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

/** The title, dates, offices and testers, in a dialog, saved at the version read. */
export function EditPlan({ campaign }: { campaign: CampaignDto }) {
  const { t } = useTranslation();
  const write = useCampaignWrite(campaign.id);
  const [opened, setOpened] = useState(false);
  const [title, setTitle] = useState(campaign.title);
  const [officeIds, setOfficeIds] = useState(campaign.offices.map((o) => o.id));
  const [testers, setTesters] = useState<TesterDto[]>(campaign.testers);
  const [start, setStart] = useState(campaign.plannedStart ?? '');
  const [end, setEnd] = useState(campaign.plannedEnd ?? '');
  const problem = write.error instanceof ApiError ? write.error : null;
  const open = () => {
    write.reset();
    setTitle(campaign.title);
    setOfficeIds(campaign.offices.map((o) => o.id));
    setTesters(campaign.testers);
    setStart(campaign.plannedStart ?? '');
    setEnd(campaign.plannedEnd ?? '');
    setOpened(true);
  };
  return (
    <>
      <Button variant="default" onClick={open}>
        {t('acceptance.form.editPlan')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('acceptance.form.editPlan')} size="lg">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            write.mutate(
              {
                method: 'PATCH',
                path: '',
                body: {
                  version: campaign.version,
                  title,
                  ...(campaign.runnerKind === 'officeGroup' ? { officeIds } : {}),
                  testerIds: testers.map((tester) => tester.id),
                  plannedStart: start || null,
                  plannedEnd: end || null,
                },
              },
              { onSuccess: () => setOpened(false) },
            );
          }}
        >
          <Stack>
            <FormProblem
              error={write.error}
              title={t('acceptance.form.errorsTitle')}
              conflictTitle={t('acceptance.form.conflict')}
            />
            <TextInput
              label={t('acceptance.form.campaignTitle')}
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
              error={problem?.fieldError('title')}
              required
            />
            {campaign.runnerKind === 'officeGroup' ? (
              <OfficesMultiSelect
                label={t('acceptance.form.offices')}
                value={officeIds}
                onChange={setOfficeIds}
                error={problem?.fieldError('officeIds')}
              />
            ) : null}
            <TesterPicker value={testers} onChange={setTesters} error={problem?.fieldError('testerIds')} />
            <DateFields start={start} end={end} onStart={setStart} onEnd={setEnd} problem={problem} />
            <Group>
              <Button type="submit" loading={write.isPending}>
                {t('acceptance.form.savePlan')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** One test case, tied to requirements of the grid and to functional areas. */
export function WriteTestCase({ campaign }: { campaign: CampaignDto }) {
  const { t } = useTranslation();
  const write = useCampaignWrite(campaign.id);
  const empty = { code: '', title: '', steps: '', expectedResult: '', requirements: '', areas: '' };
  const [draft, setDraft] = useState(empty);
  const problem = write.error instanceof ApiError ? write.error : null;
  const field = (name: keyof typeof empty) => ({
    value: draft[name],
    onChange: (event: { currentTarget: { value: string } }) =>
      setDraft({ ...draft, [name]: event.currentTarget.value }),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="write-case">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          write.mutate(
            {
              method: 'POST',
              path: '/test-cases',
              body: {
                code: draft.code,
                title: draft.title,
                steps: draft.steps,
                expectedResult: draft.expectedResult,
                requirementCodes: list(draft.requirements).map((code) => code.toUpperCase()),
                functionalAreas: list(draft.areas),
              },
            },
            { onSuccess: () => setDraft(empty) },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4" id="write-case">
            {t('acceptance.form.writeCase')}
          </Title>
          <FormProblem
            error={write.error}
            title={t('acceptance.form.caseErrors')}
            conflictTitle={t('acceptance.form.caseErrors')}
          />
          <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
            <TextInput
              label={t('acceptance.caseCode')}
              placeholder="CT-06"
              required
              error={problem?.fieldError('code')}
              maw={{ base: '100%', sm: 160 }}
              {...field('code')}
            />
            <TextInput
              label={t('acceptance.caseTitle')}
              required
              error={problem?.fieldError('title')}
              miw={{ base: '100%', sm: 320 }}
              {...field('title')}
            />
          </Group>
          <Textarea
            label={t('acceptance.form.steps')}
            autosize
            minRows={2}
            error={problem?.fieldError('steps')}
            {...field('steps')}
          />
          <Textarea
            label={t('acceptance.form.expectedResult')}
            autosize
            minRows={1}
            error={problem?.fieldError('expectedResult')}
            {...field('expectedResult')}
          />
          <TextInput
            label={t('acceptance.requirements')}
            description={t('acceptance.form.requirementsHelp')}
            error={problem?.problem.errors?.find((e) => e.field.startsWith('requirementCodes'))?.message}
            {...field('requirements')}
          />
          <TextInput
            label={t('acceptance.areas')}
            description={t('acceptance.form.areasHelp')}
            error={problem?.problem.errors?.find((e) => e.field.startsWith('functionalAreas'))?.message}
            {...field('areas')}
          />
          <Group>
            <Button type="submit" loading={write.isPending}>
              {t('acceptance.form.addCase')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The test plan from a workbook: all or nothing, each line in error named. */
export function ImportTestPlan({ campaign }: { campaign: CampaignDto }) {
  const { t } = useTranslation();
  const upload = useImportTestPlan(campaign.id);
  const [file, setFile] = useState<File | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const problem = upload.error instanceof ApiError ? upload.error : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-plan">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!file) return;
          const before = campaign.cases.length;
          upload.mutate(file, {
            onSuccess: (after) => {
              setImported(after.cases.length - before);
              setFile(null);
            },
          });
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4" id="import-plan">
            {t('acceptance.form.importPlan')}
          </Title>
          <Text size="sm">{t('acceptance.form.importHelp')}</Text>
          <FormProblem
            error={upload.error}
            title={problem?.problem.detail ?? t('acceptance.form.importErrors')}
            conflictTitle={t('acceptance.form.importErrors')}
          />
          {imported !== null && !upload.error ? (
            <Text role="status" size="sm" fw={600}>
              {t('acceptance.form.imported', { count: imported })}
            </Text>
          ) : null}
          <FileInput
            label={t('acceptance.form.workbook')}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            error={problem?.fieldError('file')}
            maw={480}
          />
          <Group>
            <Button type="submit" disabled={!file} loading={upload.isPending}>
              {t('acceptance.form.import')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
