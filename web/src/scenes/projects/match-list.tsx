import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_LABELS, type Region } from '../../../../common/organisations.ts';
import type {
  MatchReasonDto,
  ProjectNeedDto,
  SuggestedMatchDto,
} from '../../../../common/schemas/matchmaking.ts';
import { ApiError } from '../../api/client.ts';
import { useMakeOffer } from '../../api/projects.ts';
import { can, useMe } from '../../api/queries.ts';
import { useDomainLabel } from '../../components/domain-select.tsx';
import type { Notice } from '../../components/page.tsx';
import { RequestStateBadge } from './project-badges.tsx';
import { OfferFields, useOfferDraft } from './project-offers.tsx';
import { FormDialog } from './project-section.tsx';

/** A reason of a suggestion, in the reader's language, from its code and params. */
export function useReasonText() {
  const { t } = useTranslation();
  const domainLabel = useDomainLabel();
  return (reason: MatchReasonDto) => {
    const p = reason.params;
    switch (reason.code) {
      case 'skills':
        return t('matchmaking.reasons.skills', {
          skills: Array.isArray(p.skills) ? p.skills.join(', ') : p.skills,
        });
      case 'sameDomain':
        return t('matchmaking.reasons.sameDomain', {
          domain: domainLabel(String(p.domainCode), String(p.domain)),
        });
      case 'sameRegion':
        return t('matchmaking.reasons.sameRegion', {
          region: REGION_LABELS[p.region as Region] ?? p.region,
        });
      case 'enoughPersonDays':
        return t('matchmaking.reasons.enoughPersonDays', { personDays: p.personDays, minimum: p.minimum });
    }
  };
}

function OfferCapacityDialog({
  match,
  need,
  onClose,
  onDone,
}: {
  match: SuggestedMatchDto | null;
  need: ProjectNeedDto | undefined;
  onClose: () => void;
  onDone: (notice: Notice) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const make = useMakeOffer();
  const skills = match?.reasons.find((r) => r.code === 'skills')?.params.skills;
  const draft = useOfferDraft();
  const [for_, setFor] = useState<string | null>(null);
  // A new match opened: its message and effort start from what the office declared.
  if (match && for_ !== match.project.id) {
    setFor(match.project.id);
    draft.setMessage(
      t('matchmaking.offer.defaultMessage', {
        skills: Array.isArray(skills) && skills.length > 0 ? skills.join(', ') : match.organisation.name,
      }),
    );
    draft.setPersonDays(match.personDays);
    make.reset();
  }
  const problem = make.error instanceof ApiError ? make.error : null;
  const submit = () => {
    if (!match) return;
    make.mutate(
      {
        id: match.project.id,
        body: { kind: 'developerCapacity', ...draft.body() },
      },
      {
        onSuccess: async () => {
          await client.invalidateQueries({ queryKey: ['matchmaking'] });
          onDone({ text: t('matchmaking.offer.sent', { title: match.project.title }) });
          onClose();
        },
      },
    );
  };
  return (
    <FormDialog
      title={t('matchmaking.offer.title')}
      opened={!!match}
      onClose={onClose}
      onSubmit={submit}
      pending={make.isPending}
      submitLabel={t('matchmaking.offer.send')}
      problem={problem}
    >
      {match ? (
        <Text size="sm">
          {t('matchmaking.offer.help', {
            office: match.organisation.name,
            holder: need?.holderOrganisation.name ?? '',
            title: match.project.title,
          })}
        </Text>
      ) : null}
      <OfferFields draft={draft} problem={problem} autoFocus />
    </FormDialog>
  );
}

/** The suggested matches, the best first, each with why it was suggested and, for its office, the offer. */
export function MatchList({
  matches,
  needs,
  onNotice,
}: {
  matches: SuggestedMatchDto[];
  needs: ProjectNeedDto[];
  onNotice: (notice: Notice) => void;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const reasonText = useReasonText();
  const [offering, setOffering] = useState<SuggestedMatchDto | null>(null);
  const mayOffer = can(me, 'project.offer');
  if (matches.length === 0) return <Text>{t('matchmaking.matches.empty')}</Text>;
  return (
    <>
      <Stack component="ul" className="plain-list" gap="sm">
        {matches.map((match) => {
          const own = mayOffer && me?.organisation.id === match.organisation.id;
          const names = { office: match.organisation.name, project: match.project.title };
          return (
            <Paper key={`${match.project.id}/${match.organisation.id}`} component="li" withBorder p="md">
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start" wrap="wrap">
                  <Title order={3} size="h5">
                    {t('matchmaking.matches.between', names)}
                  </Title>
                  <Badge variant="light" color="blue" c="blue.9">
                    {t('matchmaking.matches.score', { score: match.score })}
                  </Badge>
                </Group>
                <Text size="sm" fw={500}>
                  {t('matchmaking.matches.why')}
                </Text>
                <List size="sm" spacing={2}>
                  {match.reasons.map((reason) => (
                    <List.Item key={reason.code}>{reasonText(reason)}</List.Item>
                  ))}
                </List>
                <Group gap="md" wrap="wrap">
                  <Anchor component={Link} to={`/projets/${match.project.id}`} size="sm">
                    {t('matchmaking.matches.openProject', names)}
                  </Anchor>
                  <Anchor component={Link} to={`/organismes/${match.organisation.id}`} size="sm">
                    {t('matchmaking.matches.openOffice', names)}
                  </Anchor>
                  {match.offer ? (
                    <RequestStateBadge state={match.offer.state}>
                      {t(
                        match.offer.state === 'accepted'
                          ? 'matchmaking.matches.offerAccepted'
                          : 'matchmaking.matches.offerPending',
                      )}
                    </RequestStateBadge>
                  ) : own ? (
                    <Button size="xs" onClick={() => setOffering(match)}>
                      {t('matchmaking.matches.offer')}
                      <span className="sr-only"> {t('matchmaking.matches.offerFor', names)}</span>
                    </Button>
                  ) : null}
                </Group>
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      <OfferCapacityDialog
        match={offering}
        need={needs.find((n) => n.id === offering?.project.id)}
        onClose={() => setOffering(null)}
        onDone={onNotice}
      />
    </>
  );
}
