import { Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { FormDialog } from './project-section.tsx';

/** What a decision dialog decides: accept or decline, with the field that explains it. */
export interface Decision {
  decision: 'accepted' | 'declined';
  /** The dialog's title ("Accepter de parrainer …"). */
  title: string;
  /** What the decision is about, shown above the field. */
  about: ReactNode;
}

/**
 * Accepting or declining a sponsorship request or an offer: a text that explains the decision (required
 * or not, as the API says), the API's messages under the field, and the two buttons.
 */
export function DecisionDialog({
  decision,
  rationaleLabel,
  rationaleRequired,
  onSubmit,
  onClose,
}: {
  decision: Decision | null;
  rationaleLabel: string;
  rationaleRequired: boolean;
  /** Sends the decision; resolves once it is recorded. */
  onSubmit: (decision: Decision['decision'], rationale: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [rationale, setRationale] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [shown, setShown] = useState<Decision | null>(decision);
  if (decision && decision !== shown) {
    setShown(decision);
    setRationale('');
    setError(null);
  }
  const problem = error instanceof ApiError ? error : null;
  const submit = async () => {
    if (!shown) return;
    setPending(true);
    setError(null);
    try {
      await onSubmit(shown.decision, rationale);
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };
  const declining = shown?.decision === 'declined';
  return (
    <FormDialog
      title={shown?.title}
      opened={Boolean(decision)}
      onClose={onClose}
      onSubmit={() => void submit()}
      pending={pending}
      submitLabel={declining ? t('decision.decline') : t('decision.accept')}
      problem={problem}
      requiredHelp={rationaleRequired}
      danger={declining}
    >
      {shown?.about}
      <Textarea
        label={rationaleLabel}
        required={rationaleRequired}
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
