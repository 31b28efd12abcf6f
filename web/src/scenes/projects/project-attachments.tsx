import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectDto } from '../../../../common/schemas/project.ts';
import {
  projectAttachmentUrl,
  useDeleteProjectAttachment,
  useProjectAttachments,
  useUploadProjectAttachment,
} from '../../api/projects.ts';
import { AttachmentsPanel } from '../../components/attachments-panel.tsx';
import { ErrorAlert, type Notice } from '../../components/page.tsx';
import { ProjectSection } from './project-section.tsx';

/** The project's screenshots and documents: read by all, added and removed by those who may edit it. */
export function ProjectAttachments({ project }: { project: ProjectDto }) {
  const { t } = useTranslation();
  const files = useProjectAttachments(project.id);
  const upload = useUploadProjectAttachment();
  const remove = useDeleteProjectAttachment();
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <ProjectSection title={t('project.files')} notice={notice} onNotice={setNotice}>
      <ErrorAlert error={files.error ?? remove.error} />
      <AttachmentsPanel
        level={3}
        attachments={files.data?.items ?? []}
        urlOf={(attachmentId) => projectAttachmentUrl(project.id, attachmentId)}
        mayEdit={project.can.update}
        onUpload={(kind, file) =>
          upload
            .mutateAsync({ id: project.id, kind, file })
            .then((added) => setNotice({ text: t('project.fileAdded', { name: added.fileName }) }))
        }
        uploading={upload.isPending}
        uploadError={upload.error}
        onRemove={(a) =>
          remove.mutate(
            { id: project.id, attachmentId: a.id },
            { onSuccess: () => setNotice({ text: t('project.fileRemoved', { name: a.fileName }) }) },
          )
        }
      />
    </ProjectSection>
  );
}
