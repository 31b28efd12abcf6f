import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApplication } from '../../api/catalogue.ts';
import { useProject } from '../../api/projects.ts';
import { CampaignFormPage } from './campaign-form-page.tsx';

function ProjectCampaignForm({ id }: { id: string }) {
  return <CampaignFormPage subject={{ projectId: id }} name={useProject(id).data?.title} />;
}

function SheetCampaignForm({ id }: { id: string }) {
  return <CampaignFormPage subject={{ applicationId: id }} name={useApplication(id).data?.name} />;
}

/** /recettes/nouvelle?projet=… or ?application=…: the form, with the name of what is accepted. */
export function CampaignFormRoute({
  projet,
  application,
}: {
  projet?: string | undefined;
  application?: string | undefined;
}) {
  const { t } = useTranslation();
  if (projet) return <ProjectCampaignForm id={projet} />;
  if (application) return <SheetCampaignForm id={application} />;
  return <Alert color="red">{t('acceptance.form.noSubject')}</Alert>;
}
