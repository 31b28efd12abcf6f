import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_LABELS } from '../../../../common/organisations.ts';
import type { DeveloperProfileDto } from '../../../../common/schemas/community.ts';
import { useDeveloper, useSaveDeveloperProfile } from '../../api/community.ts';
import { formatDay } from '../../components/dates.ts';
import { LoadFailure } from '../../components/not-found.tsx';
import { ErrorAlert, type Notice, PageHeader, StatusMessage } from '../../components/page.tsx';
import { FactTable } from '../../components/tables.tsx';
import { useLanguage } from '../../i18n/index.ts';

/** The owner's form: presentation, skills, languages and frameworks, availability. */
function ProfileForm({
  profile,
  onDone,
}: {
  profile: DeveloperProfileDto;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveDeveloperProfile();
  const [headline, setHeadline] = useState(profile.headline ?? '');
  const [skills, setSkills] = useState(profile.skills);
  const [technologies, setTechnologies] = useState(profile.technologies);
  const [available, setAvailable] = useState(profile.availableForCollaboration);
  const [note, setNote] = useState(profile.availabilityNote ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        ...(profile.version ? { version: profile.version } : {}),
        headline: headline || null,
        skills,
        technologies,
        applicationIds: profile.applications.map((a) => a.id),
        projectIds: profile.projects.map((p) => p.id),
        availableForCollaboration: available,
        availabilityNote: note || null,
      },
      { onSuccess: () => onDone(true) },
    );
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="profile-form-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="profile-form-title">
          {t('community.profile.editTitle')}
        </Title>
        <ErrorAlert error={save.error} />
        <TextInput
          label={t('community.profile.headline')}
          value={headline}
          maxLength={200}
          onChange={(e) => setHeadline(e.currentTarget.value)}
        />
        <TagsInput
          label={t('community.profile.skills')}
          description={t('community.profile.tagsHint')}
          value={skills}
          onChange={setSkills}
          maxTags={30}
        />
        <TagsInput
          label={t('community.profile.technologies')}
          description={t('community.profile.tagsHint')}
          value={technologies}
          onChange={setTechnologies}
          maxTags={30}
        />
        <Checkbox
          label={t('community.profile.availableLabel')}
          checked={available}
          onChange={(e) => setAvailable(e.currentTarget.checked)}
        />
        <Textarea
          label={t('community.profile.availabilityNote')}
          value={note}
          maxLength={500}
          autosize
          minRows={2}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('community.profile.save')}
          </Button>
          <Button variant="subtle" onClick={() => onDone(false)}>
            {t('community.profile.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A developer's profile, as the network sees it; its owner edits it here. */
export function DeveloperPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useDeveloper(id);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const profile = query.data;
  if (!profile) return query.error ? <LoadFailure error={query.error} missing="page" /> : null;
  const list = (items: { id: string; name: string }[], to: (id: string) => string) =>
    items.length === 0 ? (
      t('community.profile.none')
    ) : (
      <Group gap="xs">
        {items.map((item) => (
          <Anchor key={item.id} component={Link} to={to(item.id)}>
            {item.name}
          </Anchor>
        ))}
      </Group>
    );
  return (
    <Stack gap="md">
      <PageHeader
        title={profile.displayName}
        intro={profile.headline ?? (profile.version ? undefined : t('community.profile.empty'))}
        actions={
          profile.editable && !editing ? (
            <Button onClick={() => setEditing(true)}>{t('community.profile.edit')}</Button>
          ) : null
        }
      />
      <StatusMessage notice={notice} onClose={() => setNotice(null)} />
      {editing ? (
        <ProfileForm
          profile={profile}
          onDone={(saved) => {
            setEditing(false);
            if (saved) setNotice({ text: t('community.profile.saved') });
          }}
        />
      ) : null}
      <FactTable
        rows={[
          [
            t('community.profile.office'),
            <Anchor key="office" component={Link} to={`/organismes/${profile.office.id}`}>
              {profile.office.name}
            </Anchor>,
          ],
          [t('community.profile.region'), REGION_LABELS[profile.office.region]],
          [
            t('community.profile.email'),
            <Anchor key="mail" href={`mailto:${profile.email}`}>
              {profile.email}
            </Anchor>,
          ],
          [t('community.profile.skills'), profile.skills.join(', ') || t('community.profile.none')],
          [
            t('community.profile.technologies'),
            profile.technologies.join(', ') || t('community.profile.none'),
          ],
          [
            t('community.profile.trained'),
            profile.trainedAt ? formatDay(profile.trainedAt, language) : t('community.profile.notTrained'),
          ],
          [t('community.profile.applications'), list(profile.applications, (a) => `/catalogue/${a}`)],
          [t('community.profile.projects'), list(profile.projects, (p) => `/projets/${p}`)],
          [
            t('community.profile.availability'),
            [
              profile.availableForCollaboration
                ? t('community.profile.available')
                : t('community.profile.notAvailable'),
              profile.availabilityNote,
            ]
              .filter(Boolean)
              .join(' — '),
          ],
        ]}
      />
    </Stack>
  );
}
