import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INVENTORY_COLUMNS } from '../../../../common/catalog/inventory-columns.ts';
import { type ImportResult, useImportApplications } from '../../api/catalogue.ts';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { ImportNotes } from './import-notes.tsx';

function ErrorsTable({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  return (
    <ListTable
      caption={t('importWizard.errorsCaption', { count: result.errors.length })}
      columns={[t('importWizard.line'), t('importWizard.field'), t('importWizard.message')]}
      minWidth={560}
      isEmpty={false}
    >
      {result.errors.map((e) => (
        <Table.Tr key={`${e.line}-${e.field}-${e.message}`}>
          <Table.Td>{e.line || '—'}</Table.Td>
          <Table.Td>{e.field}</Table.Td>
          <Table.Td>{e.message}</Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}

/** How the server read a CSV (encoding, separator): a file read wrongly is noticed before it is imported. */
function ReadingNote({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const reading = result.reading;
  if (reading?.format !== 'csv' || !reading.encoding || !reading.separator) return null;
  return (
    <Text size="sm">
      {t('importWizard.readingCsv', {
        encoding: t(`importWizard.encodings.${reading.encoding}`),
        separator: t(`importWizard.separators.${reading.separator}`),
      })}
    </Text>
  );
}

/** Three steps: choose a file, check it (nothing written), confirm. One error and nothing is written. */
export function ImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const check = useImportApplications();
  const run = useImportApplications();
  const preview = check.data;
  const done = run.data;
  const step = done?.written ? 3 : preview ? 1 : 0;

  const restart = () => {
    setFile(null);
    setInputKey((k) => k + 1);
    check.reset();
    run.reset();
  };

  return (
    <>
      <Anchor component={Link} to="/catalogue" size="sm">
        ← {t('sheet.back')}
      </Anchor>
      <PageHeader title={t('importWizard.title')} intro={t('importWizard.intro')} />
      <Stepper active={step} mb="xl" allowNextStepsSelect={false} completedIcon={<span aria-hidden>✓</span>}>
        <Stepper.Step label={t('importWizard.step1')} />
        <Stepper.Step label={t('importWizard.step2')} />
        <Stepper.Step label={t('importWizard.step3')} />
      </Stepper>
      {step === 0 ? (
        <Stack maw={760}>
          <Text>{t('importWizard.formats')}</Text>
          <Group>
            <Button component="a" variant="default" href="/api/applications/import/template.xlsx" download>
              {t('importWizard.templateXlsx')}
            </Button>
            <Button component="a" variant="default" href="/api/applications/import/template.csv" download>
              {t('importWizard.templateCsv')}
            </Button>
          </Group>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (file) check.mutate({ file, dryRun: true });
            }}
          >
            <Group align="flex-end">
              <TextInput
                key={inputKey}
                label={t('importWizard.file')}
                description={t('importWizard.fileHelp')}
                type="file"
                accept=".csv,.xlsx,.yml,.yaml,text/csv"
                onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
                style={{ flex: 1 }}
              />
              <Button type="submit" disabled={!file} loading={check.isPending}>
                {t('importWizard.check')}
              </Button>
            </Group>
          </form>
          <ErrorAlert error={check.error} />
          <details>
            <summary>{t('importWizard.columns')}</summary>
            <ListTable
              caption={t('importWizard.columnsCaption')}
              columns={[
                t('importWizard.column'),
                t('importWizard.required'),
                t('importWizard.expected'),
                t('importWizard.example'),
              ]}
              minWidth={720}
              isEmpty={false}
            >
              {INVENTORY_COLUMNS.map((c) => (
                <Table.Tr key={c.key}>
                  <Table.Td>{c.header}</Table.Td>
                  <Table.Td>{c.required ? t('common.yes') : t('common.no')}</Table.Td>
                  <Table.Td>{c.help}</Table.Td>
                  <Table.Td>{c.example}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          </details>
        </Stack>
      ) : null}
      {step === 1 && preview ? (
        <Stack>
          <Title order={2} size="h3">
            {t('importWizard.previewTitle', { name: file?.name ?? '' })}
          </Title>
          <ReadingNote result={preview} />
          <ImportNotes result={preview} />
          {preview.errors.length > 0 ? (
            <>
              <Alert
                color="red"
                role="alert"
                title={t('importWizard.hasErrors', { count: preview.errors.length })}
              >
                {t('importWizard.hasErrorsHelp')}
              </Alert>
              <ErrorsTable result={preview} />
              <Button onClick={restart} w="fit-content">
                {t('importWizard.chooseAnother')}
              </Button>
            </>
          ) : (
            <>
              <Alert color="green" title={t('importWizard.ready')}>
                {t('importWizard.readyDetail', {
                  rows: t('importWizard.rowsRead', { count: preview.rows }),
                  created: t('importWizard.toCreate', { count: preview.created }),
                  updated: t('importWizard.toUpdate', { count: preview.updated }),
                })}
              </Alert>
              <ListTable
                caption={t('importWizard.itemsCaption')}
                columns={[t('importWizard.line'), t('sheet.code'), t('sheet.name'), t('importWizard.action')]}
                minWidth={560}
                isEmpty={preview.items.length === 0}
              >
                {preview.items.map((item) => (
                  <Table.Tr key={`${item.line}-${item.code}`}>
                    <Table.Td>{item.line}</Table.Td>
                    <Table.Td>{item.code}</Table.Td>
                    <Table.Td>{item.name}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={item.action === 'create' ? 'green' : 'blue'}>
                        {t(`importWizard.actions.${item.action}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </ListTable>
              {run.data && !run.data.written ? (
                <>
                  <Alert color="red" role="alert" title={t('importWizard.failed')}>
                    {t('importWizard.hasErrorsHelp')}
                  </Alert>
                  <ErrorsTable result={run.data} />
                </>
              ) : null}
              <ErrorAlert error={run.error} />
              <Group>
                <Button loading={run.isPending} onClick={() => file && run.mutate({ file, dryRun: false })}>
                  {t('importWizard.confirm', { count: preview.created + preview.updated })}
                </Button>
                <Button variant="default" onClick={restart}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      ) : null}
      {step === 3 && done ? (
        <Stack>
          <Alert color="green" title={t('importWizard.done')} role="status">
            {t('importWizard.doneDetail', {
              created: t('importWizard.created', { count: done.created }),
              updated: t('importWizard.updatedDone', { count: done.updated }),
            })}
          </Alert>
          <ImportNotes result={done} />
          <Group>
            <Button renderRoot={(props) => <Link {...props} to="/catalogue" search={{ sort: 'updated' }} />}>
              {t('importWizard.seeCatalogue')}
            </Button>
            <Button variant="default" onClick={restart}>
              {t('importWizard.another')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </>
  );
}
