import { Anchor, List, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSiteSettings } from '../../api/site-settings.ts';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { Address, LegalSection } from './legal-blocks.tsx';

/** « Mentions légales »: publisher, director of publication, host (from the site settings), reuse, links. */
export function LegalNoticePage() {
  const { t } = useTranslation();
  const { data: settings, error } = useSiteSettings();
  return (
    <>
      <PageHeader title={t('legalNotice.title')} intro={t('legalNotice.intro')} />
      <ErrorAlert error={error} />
      {settings ? (
        <Stack gap="xl">
          <LegalSection id="editeur" title={t('legalNotice.publisher')}>
            <Text fw={600}>{settings.publisherName}</Text>
            <Address value={settings.publisherAddress} />
            {settings.publisherIdentification ? (
              <Text>{t('legalNotice.identification', { value: settings.publisherIdentification })}</Text>
            ) : null}
          </LegalSection>
          <LegalSection id="directeur-publication" title={t('legalNotice.director')}>
            <Text data-testid="publication-director">{settings.publicationDirector}</Text>
          </LegalSection>
          <LegalSection id="hebergement" title={t('legalNotice.host')}>
            <Text fw={600}>{settings.hostName}</Text>
            <Address value={settings.hostAddress} />
            {settings.hostPhone ? <Text>{t('legalNotice.phone', { value: settings.hostPhone })}</Text> : null}
          </LegalSection>
          <LegalSection id="propriete" title={t('legalNotice.property')}>
            <Text>{t('legalNotice.propertyContent')}</Text>
            <Text>{t('legalNotice.propertyFiles')}</Text>
            <Text>{t('legalNotice.propertyMarks')}</Text>
          </LegalSection>
          <LegalSection id="en-savoir-plus" title={t('legalNotice.more')}>
            <List>
              <List.Item>
                {/* The statement's route is declared beside this one (router-public.tsx). */}
                <Anchor component={Link} to="/accessibilite">
                  {t('legalNotice.accessibility')}
                </Anchor>
              </List.Item>
              <List.Item>
                <Anchor component={Link} to="/donnees-personnelles">
                  {t('legalNotice.personalData')}
                </Anchor>
              </List.Item>
            </List>
          </LegalSection>
        </Stack>
      ) : error ? null : (
        <Text c="dimmed">{t('legalNotice.loading')}</Text>
      )}
    </>
  );
}
