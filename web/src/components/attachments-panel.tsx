import {
  Anchor,
  Button,
  Group,
  Image,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentDto } from '../../../common/schemas/application.ts';
import { ApiError } from '../api/client.ts';
import { ErrorAlert } from './page.tsx';

/**
 * The screenshots and documents of a subject (a catalogue sheet, a project): shown to every reader,
 * added and removed by those the API lets edit it.
 */
export function AttachmentsPanel({
  attachments,
  urlOf,
  mayEdit,
  onUpload,
  uploading,
  uploadError,
  onRemove,
  level = 2,
}: {
  attachments: AttachmentDto[];
  urlOf: (attachmentId: string) => string;
  mayEdit: boolean;
  /** Resolves once the file is stored (the form is then emptied). */
  onUpload: (kind: AttachmentDto['kind'], file: File) => Promise<unknown>;
  uploading: boolean;
  uploadError: unknown;
  onRemove: (attachment: AttachmentDto) => void;
  /** The level of the panel's headings in its page. */
  level?: 2 | 3;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<AttachmentDto['kind']>('screenshot');
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const problem = uploadError instanceof ApiError ? uploadError : null;
  const screenshots = attachments.filter((a) => a.kind === 'screenshot');
  const documents = attachments.filter((a) => a.kind === 'document');
  const removeButton = (a: AttachmentDto) =>
    mayEdit ? (
      <Button
        size="compact-xs"
        variant="subtle"
        color="red.9"
        onClick={() => onRemove(a)}
        aria-label={t('sheet.removeFile', { name: a.fileName })}
      >
        {t('sheet.remove')}
      </Button>
    ) : null;
  return (
    <Stack>
      <Title order={level} size="h4">
        {t('sheet.screenshots')}
      </Title>
      {screenshots.length === 0 ? <Text c="dimmed">{t('sheet.noScreenshot')}</Text> : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {screenshots.map((a) => (
          <Stack key={a.id} gap={4}>
            <Image src={urlOf(a.id)} alt={t('sheet.screenshotAlt', { name: a.fileName })} radius="sm" />
            <Group justify="space-between">
              <Text size="sm">{a.fileName}</Text>
              {removeButton(a)}
            </Group>
          </Stack>
        ))}
      </SimpleGrid>
      <Title order={level} size="h4">
        {t('sheet.documents')}
      </Title>
      {documents.length === 0 ? <Text c="dimmed">{t('sheet.noDocument')}</Text> : null}
      {documents.map((a) => (
        <Group key={a.id} justify="space-between">
          <Anchor href={urlOf(a.id)}>
            {a.fileName} ({Math.ceil(a.size / 1024)} Ko)
          </Anchor>
          {removeButton(a)}
        </Group>
      ))}
      {mayEdit ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (file)
              onUpload(kind, file).then(
                () => {
                  setFile(null);
                  setInputKey((k) => k + 1);
                },
                () => undefined,
              );
          }}
        >
          <Title order={level === 2 ? 3 : 4} size="h5" mt="md">
            {t('sheet.addFile')}
          </Title>
          {problem && !problem.problem.errors ? <ErrorAlert error={problem} /> : null}
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('sheet.fileKind')}
              data={[
                { value: 'screenshot', label: t('sheet.kindScreenshot') },
                { value: 'document', label: t('sheet.kindDocument') },
              ]}
              value={kind}
              onChange={(v) => setKind(v === 'document' ? 'document' : 'screenshot')}
              allowDeselect={false}
              w={220}
            />
            <TextInput
              key={inputKey}
              label={t('sheet.file')}
              description={t('sheet.fileHelp')}
              type="file"
              accept={
                kind === 'screenshot'
                  ? 'image/png,image/jpeg,image/webp,image/gif'
                  : '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,image/*'
              }
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
              error={problem?.fieldError('file')}
            />
            <Button type="submit" disabled={!file} loading={uploading}>
              {t('sheet.upload')}
            </Button>
          </Group>
        </form>
      ) : null}
    </Stack>
  );
}
