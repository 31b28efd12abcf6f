import { Button, Group, Paper, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreApplicationDto } from '../../../../common/schemas/store.ts';
import { ApiError } from '../../api/client.ts';
import { useSaveReview } from '../../api/store.ts';
import { formatDateTime } from '../../components/dates.ts';
import { ErrorAlert, type Notice, StatusMessage } from '../../components/page.tsx';
import { useLanguage } from '../../i18n/index.ts';

/** The reviews of the using offices, and the form of the caller's office (one per office, its author edits it). */
export function ReviewsPanel({ app }: { app: StoreApplicationDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mine = app.reviews.find((r) => r.mine);
  const [rating, setRating] = useState(mine?.rating ?? 0);
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [notice, setNotice] = useState<Notice | null>(null);
  const save = useSaveReview(app.id);
  const fieldError = (field: string) =>
    save.error instanceof ApiError
      ? save.error.problem.errors?.find((e) => e.field === field)?.message
      : undefined;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" mb="sm">
        {t('store.reviews')}
      </Title>
      <Stack gap="sm">
        {app.reviews.length === 0 ? <Text>{t('store.noReview')}</Text> : null}
        {app.reviews.map((r) => (
          <Stack key={r.id} gap={2} component="article" aria-label={r.organisation.name}>
            <Group gap="xs">
              <Rating value={r.rating} readOnly aria-hidden="true" />
              <Text size="sm">{t('store.stars', { count: r.rating })}</Text>
            </Group>
            {r.comment ? <Text>{r.comment}</Text> : null}
            <Text size="sm" c="dimmed">
              {t('store.reviewBy', {
                office: r.organisation.name,
                author: r.author.displayName,
                date: formatDateTime(r.updatedAt, language),
              })}
            </Text>
          </Stack>
        ))}
        {app.can.review ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate(
                { rating, comment, ...(mine ? { version: mine.version } : {}) },
                { onSuccess: () => setNotice({ text: t('store.reviewSaved') }) },
              );
            }}
          >
            <Stack gap="xs" mt="md">
              <Title order={3} size="h4">
                {mine ? t('store.editReview') : t('store.writeReview')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('store.reviewHint')}
              </Text>
              <fieldset className="facet">
                <legend>{t('store.reviewRating')}</legend>
                <Group gap="xs">
                  {[1, 2, 3, 4, 5].map((n) => (
                    <label key={n} className="rating-choice">
                      <input
                        type="radio"
                        name="rating"
                        value={n}
                        checked={rating === n}
                        onChange={() => setRating(n)}
                      />{' '}
                      {n}
                    </label>
                  ))}
                </Group>
                {fieldError('rating') ? (
                  <Text c="red.8" size="sm" role="alert">
                    {fieldError('rating')}
                  </Text>
                ) : null}
              </fieldset>
              <Textarea
                label={t('store.reviewComment')}
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
                error={fieldError('comment')}
                autosize
                minRows={2}
              />
              <ErrorAlert error={save.error && !fieldError('rating') ? save.error : null} />
              <Button type="submit" loading={save.isPending} w="fit-content">
                {t('store.saveReview')}
              </Button>
              <StatusMessage notice={notice} onClose={() => setNotice(null)} />
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}
