import { Alert, Anchor, Button, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useIsFetching } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDto } from '../../../../common/schemas/application.ts';
import { todayInFrance } from '../../../../common/schemas/usage.ts';
import { useApplications, useRetireInFavour } from '../../api/catalogue.ts';
import { ApiError } from '../../api/client.ts';
import { formatDay } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/page.tsx';

/**
 * A redundancy resolved, on the sheet: the shared application a retired sheet was retired in favour of,
 * or the sheets a shared application replaced. Nothing for a sheet on neither side.
 */

type SheetRef = { id: string; code: string; name: string };

function SheetLink({ sheet }: { sheet: SheetRef }) {
  return (
    <Anchor component={Link} to={`/catalogue/${sheet.id}`} c="blue.9">
      {sheet.name} ({sheet.code})
    </Anchor>
  );
}

/** The day of a moment as France lived it, written as the portal writes days. */
const dayOf = (moment: string, language: string) => formatDay(todayInFrance(new Date(moment)), language);

export function ReplacementBlock({ application }: { application: ApplicationDto }) {
  const { t, i18n } = useTranslation();
  const { replacedBy, replacedAt, replaces } = application;
  return (
    <>
      {replacedBy && replacedAt ? (
        <Alert color="gray" variant="light" mb="md" title={t('replacement.retiredInFavourTitle')}>
          <Text size="sm">
            {t('replacement.retiredInFavour', { date: dayOf(replacedAt, i18n.language) })}{' '}
            <SheetLink sheet={replacedBy} />
          </Text>
        </Alert>
      ) : null}
      {replaces.length > 0 ? (
        <Alert
          color="green"
          variant="light"
          mb="md"
          title={t('replacement.replaces', { count: replaces.length })}
        >
          <List size="sm">
            {replaces.map((sheet) => (
              <List.Item key={sheet.id}>
                <SheetLink sheet={sheet} /> —{' '}
                {t('replacement.replacesItem', { date: dayOf(sheet.replacedAt, i18n.language) })}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </>
  );
}

/** Live sheets other than this one, found by typing: the applications a sheet may be retired in favour of. */
function useReplacementOptions(application: ApplicationDto, typed: string) {
  const found = useApplications({
    q: typed || undefined,
    lifecycle: ['inDevelopment', 'inProduction', 'deprecated'],
  });
  const items = (found.data?.items ?? []).filter((a) => a.id !== application.id);
  return { items, loaded: !!found.data };
}

function RetireModal({
  application,
  onClose,
  onDone,
}: {
  application: ApplicationDto;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const retire = useRetireInFavour();
  // After a refusal the sheet is read again: its new version is awaited before confirming anew.
  const reading = useIsFetching({ queryKey: ['application', application.id] }) > 0;
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 250);
  const options = useReplacementOptions(application, typed);
  const [chosen, setChosen] = useState<SheetRef | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState(false);
  const problem = retire.error instanceof ApiError ? retire.error : null;
  const fieldError = problem?.fieldError('replacedById');
  const next = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!chosen);
    if (chosen) setConfirming(true);
  };
  const submit = () => {
    if (!chosen) return;
    retire.mutate(
      { id: application.id, body: { version: application.version, replacedById: chosen.id } },
      {
        onSuccess: (result) => {
          onDone(t('replacement.done', { name: application.name, replacement: result.replacedBy.name }));
          onClose();
        },
        // The API names the field it refuses: back to the choice, with its message under it.
        onError: () => setConfirming(false),
      },
    );
  };
  const data = [...(chosen ? [chosen] : []), ...options.items.filter((a) => a.id !== chosen?.id)];
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(confirming ? 'replacement.confirmTitle' : 'replacement.title', { name: application.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      {confirming && chosen ? (
        <Stack>
          <Text>{t('replacement.confirm', { name: application.name, replacement: chosen.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('replacement.back')}
            </Button>
            <Button color="red" onClick={submit} loading={retire.isPending || reading} data-autofocus>
              {t('replacement.submit')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={next} noValidate>
          <Stack>
            {problem && !fieldError ? <ErrorAlert error={problem} /> : null}
            <Text size="sm">{t('replacement.intro')}</Text>
            <Select
              label={t('replacement.choose')}
              description={t('replacement.chooseHelp')}
              withAsterisk
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              // The catalogue's search found them: nothing more is filtered here.
              filter={({ options: all }) => all}
              data={data.map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }))}
              value={chosen?.id ?? null}
              onChange={(id) => {
                const sheet = data.find((a) => a.id === id);
                setChosen(sheet ? { id: sheet.id, code: sheet.code, name: sheet.name } : null);
                setMissing(false);
              }}
              nothingFoundMessage={options.loaded ? t('replacement.none') : undefined}
              error={missing ? t('replacement.missing') : fieldError}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit">{t('replacement.next')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** For the sheet's writers, while it is live and not replaced: retire it in favour of a shared application. */
export function RetireInFavourButton({
  application,
  onDone,
}: {
  application: ApplicationDto;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  if (!application.can.update || application.archived || application.replacedBy) return null;
  return (
    <>
      <Button
        variant="default"
        onClick={() => setOpened(true)}
        // A long label: it wraps on a phone rather than push the page sideways.
        styles={{ root: { height: 'auto', minHeight: 36, paddingBlock: 6 }, label: { whiteSpace: 'normal' } }}
      >
        {t('replacement.action')}
      </Button>
      {opened ? (
        <RetireModal application={application} onClose={() => setOpened(false)} onDone={onDone} />
      ) : null}
    </>
  );
}
