import { Alert, Button, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { ErrorAlert, PageHeader } from './page.tsx';

/** What a "not found" page names and where it sends the reader back to. */
export type Missing = 'page' | 'application' | 'user' | 'organisation' | 'project';
const BACK: Record<Missing, string> = {
  page: '/',
  application: '/catalogue',
  user: '/administration/utilisateurs',
  organisation: '/organismes',
  project: '/projets',
};

/**
 * A page of its own (its heading and its document title) for an address that leads nowhere: an unknown
 * route, or the id of a sheet, an account or an office that does not exist.
 */
export function NotFoundPage({ missing = 'page' }: { missing?: Missing }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={640}>
      <PageHeader title={t(`notFound.${missing}.title`)} />
      <Text>{t(`notFound.${missing}.text`)}</Text>
      <Button component={Link} to={BACK[missing]} w="fit-content">
        {t(`notFound.${missing}.back`)}
      </Button>
    </Stack>
  );
}

/** The API answers 404 for an id it does not know, and 400 for one that cannot be an id. */
export const isMissing = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 400);

/** A page whose subject failed to load: "not found" when it does not exist, the server's words otherwise. */
export function LoadFailure({ error, missing }: { error: unknown; missing: Missing }) {
  return isMissing(error) ? <NotFoundPage missing={missing} /> : <ErrorAlert error={error} />;
}

/** An edit page for a subject the reader may not edit: said plainly, with the way back. */
export function MayNotEdit({ title, reason, back }: { title: string; reason: string; back: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={640}>
      <PageHeader title={title} />
      <Alert color="gray" variant="outline">
        {reason}
      </Alert>
      <Button component={Link} to={back} w="fit-content">
        {t('common.back')}
      </Button>
    </Stack>
  );
}
