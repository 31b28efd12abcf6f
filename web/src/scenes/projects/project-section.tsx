import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectDto } from '../../../../common/schemas/project.ts';
import type { ApiError } from '../../api/client.ts';
import { type Notice, StatusMessage } from '../../components/page.tsx';

/** The props of a dialog a project section opens: the project, and what to do once done. */
export interface ProjectDialogProps {
  project: ProjectDto;
  opened: boolean;
  onClose: () => void;
  onDone: (notice: Notice) => void;
}

/** One part of a project page: a framed section, its heading, its action, and the result of the last one. */
export function ProjectSection({
  title,
  action,
  notice,
  onNotice,
  children,
}: {
  title: string;
  action?: ReactNode;
  notice: Notice | null;
  onNotice: (notice: Notice | null) => void;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          {action}
        </Group>
        <StatusMessage notice={notice} onClose={() => onNotice(null)} />
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * A dialog holding one form of a project page: the fields, the API's refusal when no field carries it
 * (the field messages go under the fields), cancel and submit. Kept mounted so that focus returns to the
 * button that opened it.
 */
export function FormDialog({
  title,
  opened,
  onClose,
  onSubmit,
  pending,
  submitLabel,
  problem,
  requiredHelp = true,
  danger = false,
  children,
}: {
  title: string | undefined;
  opened: boolean;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  submitLabel: string;
  problem: ApiError | null;
  requiredHelp?: boolean;
  danger?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {requiredHelp ? (
            <Text size="sm" c="dimmed">
              {t('form.requiredHelp')}
            </Text>
          ) : null}
          {children}
          {problem && !problem.problem.errors ? (
            <Alert color="red" role="alert" title={t('common.notSaved')}>
              {problem.problem.detail}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} color={danger ? 'red.9' : undefined}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
