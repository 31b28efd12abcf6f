import { Button, Group, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OFFER_KIND_LABELS, type OfferKind } from '../../../../common/projects.ts';
import type { ProjectDto } from '../../../../common/schemas/project.ts';
import type { OfferDto } from '../../../../common/schemas/project-collaboration.ts';
import { ApiError } from '../../api/client.ts';
import { useDecideOffer, useMakeOffer } from '../../api/projects.ts';
import { can, useMe } from '../../api/queries.ts';
import { formatDateTime } from '../../components/dates.ts';
import type { Notice } from '../../components/page.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import { options } from '../catalogue/labels.ts';
import { type Decision, DecisionDialog } from './decision-dialog.tsx';
import { RequestStateBadge } from './project-badges.tsx';
import { FormDialog, type ProjectDialogProps, ProjectSection } from './project-section.tsx';
import { JOIN_HASH } from './similar-items.tsx';

function OfferSummary({ offer }: { offer: OfferDto }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={600}>
          {offer.organisation.name} — {label(OFFER_KIND_LABELS[offer.kind])}
        </Text>
        <RequestStateBadge state={offer.state}>{t(`offers.states.${offer.state}`)}</RequestStateBadge>
      </Group>
      <Text size="sm">
        {offer.offeredBy
          ? t('offers.made', { date: formatDateTime(offer.createdAt, language), who: offer.offeredBy })
          : t('offers.madeOn', { date: formatDateTime(offer.createdAt, language) })}
        {offer.personDays ? ` · ${t('offers.effort', { count: offer.personDays })}` : ''}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        {offer.message}
      </Text>
      {offer.decidedAt ? (
        <Text size="sm">
          <strong>{t('offers.answered', { date: formatDateTime(offer.decidedAt, language) })}</strong>{' '}
          {offer.rationale}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The message and the effort of an offer being written, and the body they make. */
export function useOfferDraft() {
  const [message, setMessage] = useState('');
  const [personDays, setPersonDays] = useState<number | string>('');
  return {
    message,
    setMessage,
    personDays,
    setPersonDays,
    body: () => ({ message, personDays: personDays === '' ? null : Number(personDays) }),
  };
}

/** The message and the effort of an offer (the project page's dialog and « Besoins et forces »). */
export function OfferFields({
  draft,
  problem,
  autoFocus = false,
}: {
  draft: ReturnType<typeof useOfferDraft>;
  problem: ApiError | null;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Textarea
        label={t('offers.message')}
        description={t('offers.messageHelp')}
        required
        value={draft.message}
        onChange={(e) => draft.setMessage(e.currentTarget.value)}
        error={problem?.fieldError('message')}
        autosize
        minRows={4}
        data-autofocus={autoFocus || undefined}
      />
      <NumberInput
        label={t('offers.personDays')}
        description={t('offers.personDaysHelp')}
        value={draft.personDays}
        onChange={draft.setPersonDays}
        error={problem?.fieldError('personDays')}
        min={1}
        allowDecimal={false}
      />
    </>
  );
}

function OfferDialog({ project, opened, onClose, onDone }: ProjectDialogProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const make = useMakeOffer();
  const [kind, setKind] = useState<OfferKind | null>(null);
  const draft = useOfferDraft();
  const problem = make.error instanceof ApiError ? make.error : null;
  const submit = () =>
    make.mutate(
      { id: project.id, body: { kind, ...draft.body() } },
      {
        onSuccess: () => {
          onDone({ text: t('offers.sent', { title: project.title }) });
          onClose();
        },
      },
    );
  return (
    <FormDialog
      title={t('offers.make')}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      pending={make.isPending}
      submitLabel={t('offers.send')}
      problem={problem}
    >
      <Text size="sm">
        {t('offers.makeHelp', { title: project.title, holder: project.holderOrganisation.name })}
      </Text>
      <Select
        label={t('offers.kind')}
        required
        data={options(label, OFFER_KIND_LABELS)}
        value={kind}
        onChange={(v) => setKind(v as OfferKind | null)}
        error={problem?.fieldError('kind')}
        data-autofocus
      />
      <OfferFields draft={draft} problem={problem} />
    </FormDialog>
  );
}

/** Offers of other offices to join the project; the holder accepts or declines each. */
export function Offers({ project }: { project: ProjectDto }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { data: me } = useMe();
  const decide = useDecideOffer();
  const [offering, setOffering] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [target, setTarget] = useState<{ offer: OfferDto; decision: Decision } | null>(null);
  const closed = ['delivered', 'abandoned'].includes(project.phase);
  const mayOffer =
    can(me, 'project.offer') && me?.organisation.id !== project.holderOrganisation.id && !closed;
  // Reached from the declaration form's « join this project instead »: the offer is what joining is.
  useEffect(() => {
    if (!mayOffer || window.location.hash !== `#${JOIN_HASH}`) return;
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    setOffering(true);
  }, [mayOffer]);
  const ask = (offer: OfferDto, decision: Decision['decision']) =>
    setTarget({
      offer,
      decision: {
        decision,
        title: t(decision === 'accepted' ? 'offers.acceptTitle' : 'offers.declineTitle', {
          office: offer.organisation.name,
        }),
        about: <OfferSummary offer={offer} />,
      },
    });
  // Said after each button's label: several offers may wait on one page.
  const subject = (offer: OfferDto) => (
    <span className="sr-only">
      {` — ${offer.organisation.name}, ${label(OFFER_KIND_LABELS[offer.kind])}`}
    </span>
  );
  return (
    <ProjectSection
      title={t('offers.title')}
      notice={notice}
      onNotice={setNotice}
      action={
        mayOffer ? (
          <Button variant="light" onClick={() => setOffering(true)}>
            {t('offers.make')}
          </Button>
        ) : null
      }
    >
      {project.offers.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('offers.none')}
        </Text>
      ) : (
        <Stack component="ul" className="plain-list" gap="md">
          {project.offers.map((offer) => (
            <li key={offer.id}>
              <OfferSummary offer={offer} />
              {offer.state === 'pending' && project.can.decideOffers ? (
                <Group gap="xs" mt={4}>
                  <Button size="xs" onClick={() => ask(offer, 'accepted')}>
                    {t('decision.accept')}
                    {subject(offer)}
                  </Button>
                  <Button size="xs" variant="outline" color="red.9" onClick={() => ask(offer, 'declined')}>
                    {t('decision.decline')}
                    {subject(offer)}
                  </Button>
                </Group>
              ) : null}
            </li>
          ))}
        </Stack>
      )}
      <OfferDialog
        project={project}
        opened={offering}
        onClose={() => setOffering(false)}
        onDone={setNotice}
      />
      <DecisionDialog
        decision={target?.decision ?? null}
        rationaleLabel={t('offers.rationale')}
        rationaleRequired={false}
        onClose={() => setTarget(null)}
        onSubmit={async (decision, rationale) => {
          if (!target) return;
          await decide.mutateAsync({ offer: target.offer, decision, rationale });
          setNotice({
            text: t(decision === 'accepted' ? 'offers.acceptedDone' : 'offers.declinedDone', {
              office: target.offer.organisation.name,
            }),
          });
        }}
      />
    </ProjectSection>
  );
}
