import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { ErrorSummary } from './error-summary.tsx';

/**
 * What a refused save says above its form: a 409 (someone saved in between) with the way to reload, or
 * the summary of the fields in error — the messages under the fields say the same.
 */
export function FormProblem({
  error,
  title,
  conflictTitle,
  reload,
}: {
  error: unknown;
  title: string;
  conflictTitle: string;
  /** A link or a button that brings the form back with what is saved now. */
  reload?: ReactNode;
}) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) return null;
  if (error.status === 409 && reload)
    return (
      <Alert color="red" role="alert" title={conflictTitle}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{error.problem.detail}</Text>
          {reload}
        </Stack>
      </Alert>
    );
  return (
    <ErrorSummary
      title={title}
      detail={
        error.problem.errors
          ? t('form.errorsHelp', { count: error.problem.errors.length })
          : error.problem.detail
      }
      errors={error.problem.errors ?? []}
    />
  );
}

/**
 * A page's form (a sheet, a project): the note on required fields, what a refused save says, the
 * fieldsets, then save and cancel.
 */
export function FormFrame({
  onSubmit,
  error,
  errorsTitle,
  conflictTitle,
  reload,
  submitLabel,
  pending,
  cancelTo,
  children,
}: {
  onSubmit: () => void;
  error: unknown;
  errorsTitle: string;
  conflictTitle: string;
  reload?: ReactNode;
  submitLabel: string;
  pending: boolean;
  cancelTo: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate aria-describedby="form-required">
      <Stack gap="lg" maw={960}>
        <Text id="form-required" size="sm" c="dimmed">
          {t('form.requiredHelp')}
        </Text>
        <FormProblem error={error} title={errorsTitle} conflictTitle={conflictTitle} reload={reload} />
        {children}
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          <Button component={Link} to={cancelTo} variant="default">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
