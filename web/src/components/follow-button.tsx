import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FollowTarget } from '../../../common/notifications.ts';
import { useChangeFollow, useMyFollows } from '../api/notifications.ts';
import { ErrorAlert } from './page.tsx';

/** Follow or stop following a thread (a sheet…): its notifications then reach the reader as a follower. */
export function FollowButton({ targetType, targetId }: { targetType: FollowTarget; targetId: string }) {
  const { t } = useTranslation();
  const follows = useMyFollows();
  const change = useChangeFollow();
  const following = !!follows.data?.items.find((f) => f.targetType === targetType && f.targetId === targetId)
    ?.following;
  return (
    <>
      <Button
        variant="default"
        aria-pressed={following}
        loading={change.isPending}
        disabled={!follows.data}
        onClick={() => change.mutate({ what: 'follows', on: !following, targetType, targetId })}
      >
        {following ? t('notificationPreferences.unfollow') : t('notificationPreferences.follow')}
      </Button>
      <ErrorAlert error={change.error} />
    </>
  );
}
