import { Alert, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} — Mutualis`;
  }, [title]);
}

export function PageHeader({
  title,
  intro,
  actions,
  documentTitle,
}: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  /** The browser tab's title when the heading alone would not say which page this is (a greeting). */
  documentTitle?: string;
}) {
  usePageTitle(documentTitle ?? title);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap">
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        {intro ? <Text c="dimmed">{intro}</Text> : null}
      </Stack>
      {actions}
    </Group>
  );
}

/** Shows an API problem as the server wrote it (French detail) — never a raw exception. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const detail = error instanceof ApiError ? error.problem.detail : t('common.error');
  return (
    <Alert color="red" title={title ?? t('common.error')} role="alert" mb="md">
      {detail}
    </Alert>
  );
}

/** A message for a status line; a new object each time, so that the same words are announced again. */
export interface Notice {
  text: string;
}

/**
 * The result of an action, announced (role="status") and focused: the button that led to it may be
 * gone (a deactivated account offers "reactivate" instead), and focus must not fall back to the page.
 */
export function StatusMessage({ notice, onClose }: { notice: Notice | null; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  if (!notice) return null;
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="green"
      role="status"
      mb="md"
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
    >
      {notice.text}
    </Alert>
  );
}

export function Pager({
  page,
  pageSize,
  total,
  onChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" aria-live="polite">
        {t('common.results', { count: total })}
      </Text>
      {pages > 1 ? (
        <Pagination
          total={pages}
          value={page}
          onChange={onChange}
          getControlProps={(control) => ({ 'aria-label': t(`common.pager.${control}`) })}
          aria-label={t('common.page')}
        />
      ) : null}
    </Group>
  );
}
