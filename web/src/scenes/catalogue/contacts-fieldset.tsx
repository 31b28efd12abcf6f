import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormState } from './application-form-state.ts';

type ContactKey = 'maintainer' | 'support';
type ContactField = 'Name' | 'Email' | 'Phone';

/** The maintainer and the level-2 support of a sheet: a name, an e-mail and a phone each. */
export function ContactsFieldset({
  state,
  set,
  error,
}: {
  state: FormState;
  set: <K extends keyof FormState>(key: K, value: FormState[K]) => void;
  error: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const field = (contact: ContactKey, part: ContactField) => {
    const key = `${contact}${part}` as const;
    return (
      <TextInput
        key={key}
        label={t(`form.${key}`)}
        type={part === 'Email' ? 'email' : part === 'Phone' ? 'tel' : 'text'}
        autoComplete={part === 'Phone' ? 'off' : undefined}
        value={state[key]}
        onChange={(e) => set(key, e.currentTarget.value)}
        error={error(`${contact}.${part.toLowerCase()}`)}
      />
    );
  };
  return (
    <Fieldset legend={t('form.contacts')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {(['maintainer', 'support'] as const).flatMap((contact) =>
          (['Name', 'Email', 'Phone'] as const).map((part) => field(contact, part)),
        )}
      </SimpleGrid>
    </Fieldset>
  );
}
