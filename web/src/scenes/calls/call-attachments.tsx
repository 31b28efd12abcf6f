import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallDto } from '../../../../common/schemas/calls.ts';
import { callAttachmentUrl, useCallAttachments, useCallAttachmentWrite } from '../../api/calls.ts';
import { AttachmentsPanel } from '../../components/attachments-panel.tsx';
import { ErrorAlert } from '../../components/page.tsx';

/** The documents of a call (terms, templates): read by all who see it, added and removed by its issuer. */
export function CallAttachments({ call }: { call: CallDto }) {
  const { t } = useTranslation();
  const files = useCallAttachments(call.id);
  const write = useCallAttachmentWrite(call.id);
  const items = files.data?.items ?? [];
  if (!call.may.edit && items.length === 0) return null;
  return (
    <section aria-labelledby="call-files">
      <Title order={2} id="call-files" mb="sm">
        {t('calls.files')}
      </Title>
      <ErrorAlert error={files.error} />
      <AttachmentsPanel
        level={3}
        attachments={items}
        urlOf={(attachmentId) => callAttachmentUrl(call.id, attachmentId)}
        mayEdit={call.may.edit}
        onUpload={(kind, file) => write.mutateAsync({ kind, file })}
        uploading={write.isPending}
        uploadError={write.error}
        onRemove={(a) => write.mutate({ attachmentId: a.id })}
      />
    </section>
  );
}
