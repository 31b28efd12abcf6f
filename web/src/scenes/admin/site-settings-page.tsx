import { Alert, Button, Fieldset, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  missingByLaw,
  SITE_SETTING_FIELDS,
  SITE_SETTING_GROUP_LABELS,
  SITE_SETTING_GROUPS,
  SITE_SETTING_NAMES,
  type SiteSettingField,
  type SiteSettingName,
  type SiteSettingsDto,
} from '../../../../common/legal/site-settings.ts';
import { ApiError } from '../../api/client.ts';
import { useSaveSiteSettings, useSiteSettings } from '../../api/site-settings.ts';
import { FormProblem } from '../../components/form-frame.tsx';
import { ErrorAlert, type Notice, PageHeader, StatusMessage } from '../../components/page.tsx';
import { useLabel } from '../../i18n/index.ts';

type Values = Record<SiteSettingName, string>;
const valuesOf = (settings: SiteSettingsDto): Values =>
  Object.fromEntries(SITE_SETTING_NAMES.map((name) => [name, settings[name] ?? ''])) as Values;

/**
 * The administrator edits what the legal notice and the personal data page say: the form is drawn from
 * the same list of fields as the API's schema (common/legal/site-settings.ts).
 */
export function SiteSettingsPage() {
  const { t } = useTranslation();
  const settings = useSiteSettings();
  // Kept above the form, which is drawn anew with each version saved.
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <>
      <PageHeader title={t('siteSettings.title')} intro={t('siteSettings.intro')} />
      <StatusMessage notice={notice} onClose={() => setNotice(null)} />
      <ErrorAlert error={settings.error} />
      {settings.data ? (
        <SiteSettingsForm
          key={settings.data.version}
          settings={settings.data}
          reload={settings.refetch}
          onSaved={() => setNotice({ text: t('siteSettings.saved') })}
        />
      ) : null}
    </>
  );
}

function SiteSettingsForm({
  settings,
  reload,
  onSaved,
}: {
  settings: SiteSettingsDto;
  reload: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const save = useSaveSiteSettings();
  const [values, setValues] = useState<Values>(() => valuesOf(settings));
  const problem = save.error instanceof ApiError ? save.error : null;
  const missing = missingByLaw(settings);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ version: settings.version, ...values }, { onSuccess: onSaved });
  };

  return (
    <form onSubmit={submit} noValidate aria-describedby="form-required">
      <Stack gap="lg" maw={760}>
        {missing.length > 0 ? (
          <Alert color="yellow" title={t('siteSettings.missingTitle')}>
            <Text size="sm">
              {t('siteSettings.missing', {
                fields: missing.map((name) => label(SITE_SETTING_FIELDS[name].label)).join(', '),
              })}
            </Text>
          </Alert>
        ) : null}
        <Text id="form-required" size="sm" c="dimmed">
          {t('form.requiredHelp')}
        </Text>
        <FormProblem
          error={save.error}
          title={t('common.notSaved')}
          conflictTitle={t('siteSettings.conflict')}
          reload={
            <Button variant="default" size="xs" onClick={() => reload()}>
              {t('siteSettings.reload')}
            </Button>
          }
        />
        {SITE_SETTING_GROUPS.map((group) => (
          <Fieldset key={group} legend={label(SITE_SETTING_GROUP_LABELS[group])}>
            <Stack gap="sm">
              {SITE_SETTING_NAMES.filter((name) => SITE_SETTING_FIELDS[name].group === group).map((name) => {
                const field: SiteSettingField = SITE_SETTING_FIELDS[name];
                const common = {
                  label: label(field.label),
                  description: field.description ? label(field.description) : undefined,
                  required: field.required,
                  maxLength: field.max,
                  value: values[name],
                  error: problem?.fieldError(name),
                  onChange: (event: { currentTarget: { value: string } }) => {
                    const value = event.currentTarget.value;
                    setValues((current) => ({ ...current, [name]: value }));
                  },
                };
                return field.kind === 'address' ? (
                  <Textarea key={name} autosize minRows={2} maxRows={6} {...common} />
                ) : (
                  <TextInput
                    key={name}
                    type={field.kind === 'email' ? 'email' : field.kind === 'phone' ? 'tel' : 'text'}
                    autoComplete="off"
                    {...common}
                  />
                );
              })}
            </Stack>
          </Fieldset>
        ))}
        <div>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
