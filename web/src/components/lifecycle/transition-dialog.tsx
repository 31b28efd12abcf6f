import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FireTransitionInput, TransitionDto } from '../../../../common/schemas/lifecycle.ts';
import { ApiError } from '../../api/client.ts';
import { useLanguage } from '../../i18n/index.ts';
import { FactTable } from '../tables.tsx';
import { type InputField, inputBody, inputFields } from './input-fields.ts';
import { type AnyLifecycle, anyOf, refusalText, stateLabel, transitionRefusal } from './refusal.ts';

export interface TransitionDialogProps {
  definition: AnyLifecycle;
  /** The transition to fire; null when the dialog is closed. */
  transition: TransitionDto | null;
  /** Who or what the action concerns ("Karim Benali", a sheet's name), as the dialog and the message say it. */
  subject: string;
  /** The subject's current state, when the caller knows it. */
  current?: string | undefined;
  /** The subject's version as last read: the server refuses a stale one. */
  version: number;
  fire: (body: FireTransitionInput) => Promise<unknown>;
  /** A consequence the definition does not state ("their sessions end at once"), read before confirming. */
  note?: string | undefined;
  onClose: () => void;
  /** Called with the status message once the transition is done. */
  onDone: (message: string) => void;
}

/**
 * The dialog of one transition: what it changes, the form of its input (generated from its JSON
 * Schema), a confirmation when the definition asks for one, the server's refusals in the reader's
 * language and its field errors under the fields. Kept mounted so that focus returns to the button
 * that opened it; after a success the caller's status message takes the focus instead.
 */
export function TransitionDialog(props: TransitionDialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const opened = Boolean(props.transition);
  // After a success the opening button may be gone: focus goes to the caller's status message instead.
  const [succeeded, setSucceeded] = useState(false);
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) setSucceeded(false);
  }
  // The last transition shown stays drawn while the dialog fades out.
  const last = useRef(props.transition);
  if (props.transition) last.current = props.transition;
  const shown = props.transition ?? last.current;
  return (
    <Modal
      opened={opened}
      onClose={props.onClose}
      title={shown?.label[language]}
      returnFocus={!succeeded}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {shown ? (
        <TransitionForm
          {...props}
          transition={shown}
          onDone={(message) => {
            setSucceeded(true);
            props.onDone(message);
            props.onClose();
          }}
        />
      ) : null}
    </Modal>
  );
}

function stateAfter(result: unknown, lifecycle: string): string | undefined {
  if (typeof result !== 'object' || result === null || !('lifecycles' in result)) return undefined;
  const views = (result as { lifecycles: unknown }).lifecycles;
  if (!Array.isArray(views)) return undefined;
  const view = views.find((v) => typeof v === 'object' && v !== null && v.lifecycle === lifecycle);
  return typeof view?.state === 'string' ? view.state : undefined;
}

function TransitionForm({
  definition,
  subject,
  current: latestCurrent,
  version,
  fire,
  note,
  onClose,
  onDone,
  transition: latest,
}: TransitionDialogProps & { transition: TransitionDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // From the request until the dialog has faded out after a success, it shows what was confirmed: the
  // subject read again after the change would show the action as no longer possible.
  const [confirmed, setConfirmed] = useState<{ transition: TransitionDto; current?: string } | null>(null);
  const transition = confirmed?.transition ?? latest;
  const current = confirmed ? confirmed.current : latestCurrent;
  const fields = useMemo(() => inputFields(transition.input), [transition.input]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problem = error instanceof ApiError ? error : null;
  const fieldError = (name: string) => problem?.fieldError(`input.${name}`);
  const danger = transition.tone === 'danger';
  // When the action closes while the dialog is open, its buttons go: focus goes to "Close".
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!transition.allowed) closeRef.current?.focus();
  }, [transition.allowed]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    setConfirmed({ transition: latest, ...(latestCurrent ? { current: latestCurrent } : {}) });
    try {
      const result = await fire({
        action: latest.action,
        version,
        input: inputBody(fields, values),
      });
      const after =
        stateAfter(result, definition.name) ?? (transition.to.length === 1 ? transition.to[0] : undefined);
      const action = transition.label[language];
      onDone(
        after
          ? t('lifecycle.done', { action, subject, state: stateLabel(definition, after, language) })
          : t('lifecycle.doneNoState', { action, subject }),
      );
    } catch (caught) {
      setError(caught);
      setConfirmed(null);
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FactTable
          rows={[
            [t('lifecycle.dialog.subject'), subject],
            [t('lifecycle.dialog.current'), current ? stateLabel(definition, current, language) : null],
            [
              t('lifecycle.dialog.after'),
              transition.allowed
                ? anyOf(
                    transition.to.map((state) => stateLabel(definition, state, language)),
                    language,
                  )
                : null,
            ],
          ]}
        />
        {transition.allowed ? (
          <>
            {note ? <Text>{note}</Text> : null}
            {fields.some((field) => field.required) ? (
              <Text size="sm" c="dimmed">
                {t('form.requiredHelp')}
              </Text>
            ) : null}
            {fields.map((field, index) => (
              <InputControl
                key={field.name}
                field={field}
                value={values[field.name] ?? ''}
                onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))}
                error={fieldError(field.name)}
                autoFocus={index === 0}
              />
            ))}
            {error && problemText(error) !== null ? (
              <Alert color="red" role="alert" title={t('lifecycle.dialog.refused')}>
                {problemText(error)}
              </Alert>
            ) : null}
            {transition.confirm ? <Text fw={600}>{t('lifecycle.dialog.confirm')}</Text> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose} data-autofocus={fields.length === 0 && danger}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                color={danger ? 'red.9' : undefined}
                loading={pending}
                data-autofocus={fields.length === 0 && !danger}
              >
                {transition.label[language]}
              </Button>
            </Group>
          </>
        ) : (
          // Read again after a refusal, the subject no longer allows this action: say why, offer to close.
          <>
            <Alert color="red" role="alert" title={t('lifecycle.dialog.closed')}>
              {transitionRefusal(definition, transition, language) ?? problemText(error)}
            </Alert>
            <Group justify="flex-end">
              <Button ref={closeRef} variant="default" onClick={onClose} data-autofocus>
                {t('common.close')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </form>
  );

  /** The refusal to show above the buttons; null when every error is already said under its field. */
  function problemText(caught: unknown): string | null {
    if (!(caught instanceof ApiError)) return t('common.error');
    const { refusal, errors, detail } = caught.problem;
    if (refusal) return refusalText(definition, transition, refusal, language, detail);
    if (caught.status === 409) return t('lifecycle.stale');
    if (errors?.some((e) => e.field.startsWith('input'))) {
      const elsewhere = errors.filter((e) => !fields.some((f) => e.field === `input.${f.name}`));
      if (elsewhere.length === 0) return null;
      return [
        refusalText(definition, transition, { code: 'invalidInput' }, language, detail),
        ...elsewhere.map((e) => e.message),
      ].join(' ');
    }
    return detail;
  }
}

function InputControl({
  field,
  value,
  onChange,
  error,
  autoFocus,
}: {
  field: InputField;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  autoFocus: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const common = {
    label: field.label?.[language] ?? field.name,
    required: field.required,
    error,
    'data-autofocus': autoFocus || undefined,
  };
  if (field.kind === 'select')
    return (
      <Select
        {...common}
        data={field.options.map((option) => ({
          value: option,
          label: field.optionLabels[option]?.[language] ?? option,
        }))}
        value={value || null}
        onChange={(v) => onChange(v ?? '')}
        clearable={!field.required}
      />
    );
  if (field.kind === 'date')
    return (
      <TextInput {...common} type="date" value={value} onChange={(e) => onChange(e.currentTarget.value)} />
    );
  const description = field.maxLength
    ? t('lifecycle.dialog.length', { count: value.length, max: field.maxLength })
    : undefined;
  const text = {
    ...common,
    description,
    maxLength: field.maxLength,
    minLength: field.minLength,
    value,
    onChange: (e: { currentTarget: { value: string } }) => onChange(e.currentTarget.value),
  };
  return field.kind === 'textarea' ? (
    <Textarea {...text} autosize minRows={3} maxRows={10} />
  ) : (
    <TextInput {...text} />
  );
}
