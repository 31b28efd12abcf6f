import { Button, Checkbox, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRACK_LABELS } from '../../../../common/catalog/vocabulary.ts';
import {
  EVALUATED_TRACKS,
  REQUIREMENT_LEVEL_LABELS,
  REQUIREMENT_LEVELS,
  VERIFICATION_LABELS,
  VERIFICATION_METHODS,
} from '../../../../common/evaluation/vocabulary.ts';
import type { Requirement } from '../../../../common/schemas/evaluation-grid.ts';
import { useLabel } from '../../i18n/index.ts';

const EMPTY: Requirement = {
  code: '',
  text: '',
  tracks: ['labelling', 'homologation'],
  level: 'mandatory',
  evidence: '',
  verification: 'document',
};

/**
 * One requirement of a draft, in a dialog: its fields as the grid's schema has them. The server checks
 * the whole content on save and names the field of any error, which the editor shows.
 */
export function RequirementForm({
  title,
  initial,
  errorOf,
  saving,
  onSave,
  onClose,
}: {
  title: string;
  initial: Requirement | null;
  errorOf: (field: keyof Requirement) => string | undefined;
  saving: boolean;
  onSave: (requirement: Requirement) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const [value, setValue] = useState<Requirement>(initial ?? EMPTY);
  const set = <K extends keyof Requirement>(key: K, next: Requirement[K]) =>
    setValue((v) => ({ ...v, [key]: next }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(value);
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('grids.fields.code')}
            value={value.code}
            onChange={(e) => set('code', e.currentTarget.value.toUpperCase())}
            error={errorOf('code')}
            required
            maxLength={20}
          />
          <Textarea
            label={t('grids.fields.text')}
            value={value.text}
            onChange={(e) => set('text', e.currentTarget.value)}
            error={errorOf('text')}
            required
            autosize
            minRows={3}
          />
          <Checkbox.Group
            label={t('grids.fields.tracks')}
            value={value.tracks}
            onChange={(tracks) => set('tracks', tracks as Requirement['tracks'])}
            error={errorOf('tracks')}
          >
            <Group mt="xs">
              {EVALUATED_TRACKS.map((track) => (
                <Checkbox key={track} value={track} label={label(TRACK_LABELS[track])} />
              ))}
            </Group>
          </Checkbox.Group>
          <Select
            label={t('grids.fields.level')}
            data={REQUIREMENT_LEVELS.map((level) => ({
              value: level,
              label: label(REQUIREMENT_LEVEL_LABELS[level]),
            }))}
            value={value.level}
            onChange={(level) => level && set('level', level as Requirement['level'])}
            allowDeselect={false}
          />
          <TextInput
            label={t('grids.fields.evidence')}
            value={value.evidence}
            onChange={(e) => set('evidence', e.currentTarget.value)}
            error={errorOf('evidence')}
            required
          />
          <Select
            label={t('grids.fields.verification')}
            data={VERIFICATION_METHODS.map((method) => ({
              value: method,
              label: label(VERIFICATION_LABELS[method]),
            }))}
            value={value.verification}
            onChange={(method) => method && set('verification', method as Requirement['verification'])}
            allowDeselect={false}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('grids.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('grids.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
