import { Anchor, Card } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_TYPE_LABELS, REGION_LABELS } from '../../../../common/organisations.ts';
import { useOrganisation } from '../../api/queries.ts';
import { LoadFailure } from '../../components/not-found.tsx';
import { PageHeader } from '../../components/page.tsx';
import { FactTable } from '../../components/tables.tsx';
import { useLabel } from '../../i18n/index.ts';

export function OrganisationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { data, error } = useOrganisation(id);
  if (error) return <LoadFailure error={error} missing="organisation" />;
  if (!data) return null;
  const rows: [string, string | null][] = [
    [t('organisations.code'), data.code],
    [t('organisations.type'), label(ORGANISATION_TYPE_LABELS[data.type])],
    [t('organisations.region'), REGION_LABELS[data.region]],
    [t('organisations.department'), data.department],
    [t('organisations.city'), data.city],
    [t('organisations.parent'), data.parentCode],
  ];
  return (
    <>
      <PageHeader title={data.name} />
      <Card withBorder maw={640}>
        <FactTable rows={rows} />
      </Card>
      <Anchor component={Link} to="/organismes" mt="md" display="inline-block">
        ← {t('organisations.title')}
      </Anchor>
    </>
  );
}
