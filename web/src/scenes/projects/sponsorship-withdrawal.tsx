import { Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SponsorshipDto } from '../../../../common/schemas/project-collaboration.ts';
import { ApiError } from '../../api/client.ts';
import { useWithdrawSponsorship } from '../../api/projects.ts';
import type { Notice } from '../../components/page.tsx';
import { FormDialog } from './project-section.tsx';

/**
 * Withdrawing a sponsorship request (the holder) or a sponsorship (the directorate): confirmed in a
 * dialog, with the reason if the user gives one. An accepted sponsorship withdrawn closes the guard of
 * the tracks that need one: the lifecycle says so again.
 */
export function WithdrawalDialog({
  sponsorship,
  onClose,
  onDone,
}: {
  sponsorship: SponsorshipDto | null;
  onClose: () => void;
  onDone: (notice: Notice) => void;
}) {
  const { t } = useTranslation();
  const withdraw = useWithdrawSponsorship();
  const [rationale, setRationale] = useState('');
  const [shown, setShown] = useState(sponsorship);
  if (sponsorship && sponsorship !== shown) {
    setShown(sponsorship);
    setRationale('');
    withdraw.reset();
  }
  const problem = withdraw.error instanceof ApiError ? withdraw.error : null;
  const accepted = shown?.state === 'accepted';
  const submit = () => {
    if (!shown) return;
    withdraw.mutate(
      { sponsorship: shown, rationale },
      {
        onSuccess: () => {
          onDone({
            text: t(accepted ? 'sponsorship.withdrawnAccepted' : 'sponsorship.withdrawnPending', {
              name: shown.directorate.name,
            }),
          });
          onClose();
        },
      },
    );
  };
  return (
    <FormDialog
      title={shown ? t('sponsorship.withdrawTitle', { name: shown.directorate.name }) : undefined}
      opened={Boolean(sponsorship)}
      onClose={onClose}
      onSubmit={submit}
      pending={withdraw.isPending}
      submitLabel={t('sponsorship.withdraw')}
      problem={problem}
      requiredHelp={false}
      danger
    >
      <Text size="sm">
        {t(accepted ? 'sponsorship.withdrawAcceptedHelp' : 'sponsorship.withdrawPendingHelp')}
      </Text>
      <Textarea
        label={t('sponsorship.withdrawReason')}
        description={t('sponsorship.withdrawReasonHelp')}
        value={rationale}
        onChange={(e) => setRationale(e.currentTarget.value)}
        error={problem?.fieldError('rationale')}
        autosize
        minRows={3}
        data-autofocus
      />
    </FormDialog>
  );
}
