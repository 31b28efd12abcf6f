import { Alert, Button, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_LIMITS } from '../../../../common/accessibility/vocabulary.ts';
import type { AccessibilityReceiptDto } from '../../../../common/schemas/accessibility.ts';
import { useReportAccessibilityProblem } from '../../api/accessibility.ts';
import { ApiError } from '../../api/client.ts';
import { useMe } from '../../api/queries.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';

/** The page someone came from, when it is one of the portal's (the form's first guess). */
function previousPage() {
  try {
    const referrer = document.referrer ? new URL(document.referrer) : null;
    return referrer &&
      referrer.origin === window.location.origin &&
      !referrer.pathname.startsWith('/accessibilite')
      ? referrer.href
      : '';
  } catch {
    return '';
  }
}

/**
 * The report form of the accessibility statement: anyone, signed in or not. Signed in, the e-mail is the
 * account's (it may be changed) and is optional; signed out, it is required — the answer goes there.
 * After sending, a status message gives the reference and takes the focus.
 */
export function AccessibilityReportForm() {
  const { t } = useTranslation();
  const headingId = useId();
  const { data: me } = useMe();
  const report = useReportAccessibilityProblem();
  const [draft, setDraft] = useState({ pageUrl: previousPage(), description: '', name: '', email: '' });
  const [receipt, setReceipt] = useState<AccessibilityReceiptDto | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const signedIn = Boolean(me);

  useEffect(() => {
    if (me) setDraft((d) => ({ ...d, email: d.email || me.user.email, name: d.name || me.user.displayName }));
  }, [me]);
  useEffect(() => {
    if (receipt) statusRef.current?.focus();
  }, [receipt]);

  const field = (key: keyof typeof draft) => ({
    value: draft[key],
    onChange: (event: { currentTarget: { value: string } }) =>
      setDraft({ ...draft, [key]: event.currentTarget.value }),
    error: report.error instanceof ApiError ? report.error.fieldError(key) : undefined,
  });
  const send = (event: FormEvent) => {
    event.preventDefault();
    report.mutate(
      {
        pageUrl: draft.pageUrl,
        description: draft.description,
        name: draft.name.trim() || null,
        email: draft.email.trim() || null,
      },
      {
        onSuccess: (sent) => {
          setReceipt(sent);
          setDraft({
            pageUrl: '',
            description: '',
            name: me?.user.displayName ?? '',
            email: me?.user.email ?? '',
          });
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={send} aria-labelledby={headingId} noValidate>
      <Stack gap="sm">
        <Title order={3} id={headingId}>
          {t('accessibility.form.title')}
        </Title>
        {receipt ? (
          <Alert ref={statusRef} tabIndex={-1} color="green" role="status">
            {t('accessibility.form.sent', { reference: receipt.reference })}
          </Alert>
        ) : null}
        {report.error instanceof ApiError ? (
          <ErrorSummary
            title={t('accessibility.form.errorsTitle')}
            detail={report.error.problem.detail}
            errors={report.error.problem.errors ?? []}
          />
        ) : null}
        <Text size="sm">{t('accessibility.form.intro')}</Text>
        <TextInput
          label={t('accessibility.form.pageUrl')}
          description={t('accessibility.form.pageUrlHint', {
            example: `${window.location.origin}/catalogue`,
          })}
          required
          type="url"
          autoComplete="url"
          maxLength={REPORT_LIMITS.pageUrl}
          {...field('pageUrl')}
        />
        <Textarea
          label={t('accessibility.form.description')}
          description={t('accessibility.form.descriptionHint')}
          required
          autosize
          minRows={4}
          maxLength={REPORT_LIMITS.description}
          {...field('description')}
        />
        <TextInput
          label={t('accessibility.form.name')}
          autoComplete="name"
          maxLength={REPORT_LIMITS.name}
          {...field('name')}
        />
        <TextInput
          label={t('accessibility.form.email')}
          description={signedIn ? t('accessibility.form.emailSignedIn') : t('accessibility.form.emailHint')}
          required={!signedIn}
          type="email"
          autoComplete="email"
          maxLength={REPORT_LIMITS.email}
          {...field('email')}
        />
        <Button type="submit" loading={report.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('accessibility.form.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}
