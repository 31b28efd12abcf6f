import { Anchor, Button, FileInput, Group, List, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDto } from '../../../../common/schemas/acceptance.ts';
import { useExecutionFiles } from '../../api/acceptance.ts';
import { ApiError } from '../../api/client.ts';

type Execution = CampaignDto['cases'][number]['executions'][number];

/** The evidence of a case's latest execution: its links and files, and — for its testers — a file to add. */
export function ExecutionEvidence({
  campaign,
  code,
  execution,
}: {
  campaign: CampaignDto;
  code: string;
  execution: Execution;
}) {
  const { t } = useTranslation();
  const files = useExecutionFiles(campaign.id);
  const [file, setFile] = useState<File | null>(null);
  const problem = files.upload.error instanceof ApiError ? files.upload.error : null;
  const evidence = [
    ...execution.evidenceUrls.map((url) => ({ key: url, href: url, name: url, download: false })),
    ...execution.files.map((f) => ({
      key: f.id,
      href: files.urlOf(execution.id, f.id),
      name: f.fileName,
      download: true,
    })),
  ];
  return (
    <Stack gap={4}>
      {evidence.length > 0 ? (
        <List size="sm" spacing={2} aria-label={t('acceptance.evidence.of', { code })}>
          {evidence.map((item) => (
            <List.Item key={item.key}>
              <Anchor
                href={item.href}
                size="sm"
                rel="noopener noreferrer"
                download={item.download || undefined}
              >
                {item.name}
              </Anchor>
            </List.Item>
          ))}
        </List>
      ) : null}
      {campaign.may.execute ? (
        <Group gap={4} align="flex-end" wrap="wrap">
          <FileInput
            size="xs"
            label={t('acceptance.evidence.label', { code })}
            value={file}
            onChange={(chosen) => {
              files.upload.reset();
              setFile(chosen);
            }}
            error={problem?.problem.detail}
            w={{ base: '100%', sm: 220 }}
          />
          <Button
            size="compact-sm"
            variant="light"
            disabled={!file}
            loading={files.upload.isPending}
            onClick={() =>
              file &&
              files.upload.mutate(
                { executionId: execution.id, kind: 'document', file },
                { onSuccess: () => setFile(null) },
              )
            }
          >
            {t('acceptance.evidence.attach')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
