import { Anchor, List, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePublicConfig } from '../../api/queries.ts';
import { useSiteSettings } from '../../api/site-settings.ts';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLabel } from '../../i18n/index.ts';
import { Address, Bullets, LegalSection } from './legal-blocks.tsx';
import { retentionPeriods } from './retention.ts';

const CNIL_COMPLAINTS = 'https://www.cnil.fr/fr/plaintes';

/** The cookies the server sets (server/modules/auth/) and what the web keeps in the browser (i18n). */
const STORED = [
  { name: 'mutualis_session', purpose: 'sessionCookie', lifetime: 'sessionCookieLifetime' },
  { name: 'mutualis_device', purpose: 'deviceCookie', lifetime: 'deviceCookieLifetime' },
  { name: 'mutualis_oidc', purpose: 'oidcCookie', lifetime: 'oidcCookieLifetime' },
  { name: 'mutualis.language', purpose: 'languageStorage', lifetime: 'languageStorageLifetime' },
] as const;

/** « Données personnelles »: the controller, purposes, basis, data, recipients, retention, security, rights, cookies. */
export function PersonalDataPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { data: settings, error } = useSiteSettings();
  const { data: config } = usePublicConfig();
  const list = (key: 'purposeList' | 'peopleList' | 'dataList' | 'recipientsList' | 'securityList') =>
    t(`personalData.${key}`, { returnObjects: true }) as string[];
  const session = config?.session;
  const periods = retentionPeriods(config);
  const sessionLifetime = (key: 'sessionCookieLifetime' | 'retentionSession') =>
    session
      ? t(`personalData.${key}`, { idle: session.idleMinutes, absolute: session.absoluteHours })
      : t(`personalData.${key}NoFigures`);
  return (
    <>
      <PageHeader title={t('personalData.title')} intro={t('personalData.intro')} />
      <ErrorAlert error={error} />
      <Stack gap="xl">
        <LegalSection id="responsable" title={t('personalData.controller')}>
          {settings ? (
            <>
              <Text>{t('personalData.controllerText')}</Text>
              <Text fw={600}>{settings.publisherName}</Text>
              <Address value={settings.publisherAddress} />
              {settings.dpoContact ? (
                <>
                  <Text fw={600} mt="xs">
                    {t('personalData.dpo')}
                  </Text>
                  <Address value={settings.dpoContact} />
                </>
              ) : null}
            </>
          ) : (
            <Text c="dimmed">{t('personalData.loading')}</Text>
          )}
        </LegalSection>
        <LegalSection id="finalites" title={t('personalData.purposes')}>
          <Bullets items={list('purposeList')} />
        </LegalSection>
        <LegalSection id="base-legale" title={t('personalData.legalBasis')}>
          <Text>{t('personalData.legalBasisText')}</Text>
        </LegalSection>
        <LegalSection id="donnees" title={t('personalData.data')}>
          <Text>{t('personalData.people')}</Text>
          <Bullets items={list('peopleList')} />
          <Bullets items={list('dataList')} />
          <Text>{t('personalData.noSensitive')}</Text>
        </LegalSection>
        <LegalSection id="destinataires" title={t('personalData.recipients')}>
          <Bullets items={list('recipientsList')} />
          <Text>{t('personalData.transfers')}</Text>
        </LegalSection>
        <LegalSection id="conservation" title={t('personalData.retention')}>
          <List spacing={4}>
            <List.Item>{sessionLifetime('retentionSession')}</List.Item>
            <List.Item>{t('personalData.retentionDevices')}</List.Item>
            <List.Item>
              {periods.length > 0
                ? t('personalData.retentionOther')
                : t('personalData.retentionOtherNoFigures')}
              {periods.length > 0 ? (
                <List spacing={2} mt={4}>
                  {periods.map((period) => (
                    <List.Item key={period.kind}>
                      {t('personalData.retentionDays', { label: label(period.label), count: period.days })}
                    </List.Item>
                  ))}
                </List>
              ) : null}
            </List.Item>
          </List>
        </LegalSection>
        <LegalSection id="securite" title={t('personalData.security')}>
          <Bullets items={list('securityList')} />
        </LegalSection>
        <LegalSection id="droits" title={t('personalData.rights')}>
          <Text>{t('personalData.rightsText')}</Text>
          <List spacing={4}>
            <List.Item>
              {t('personalData.rightsExport')}{' '}
              <Anchor component={Link} to="/profil">
                {t('personalData.rightsExportLink')}
              </Anchor>
            </List.Item>
            <List.Item>
              {settings?.dataRequestsEmail ? (
                <>
                  {t('personalData.rightsWrite')}{' '}
                  <Anchor href={`mailto:${settings.dataRequestsEmail}`}>{settings.dataRequestsEmail}</Anchor>
                </>
              ) : (
                t('personalData.rightsWriteDpo')
              )}
            </List.Item>
          </List>
          <Text>{t('personalData.rightsDelay')}</Text>
          <Text>{t('personalData.rightsCnil')}</Text>
          <Anchor href={CNIL_COMPLAINTS} rel="noopener noreferrer">
            {t('personalData.rightsCnilLink')}
          </Anchor>
        </LegalSection>
        <LegalSection id="cookies" title={t('personalData.cookies')}>
          <Text>{t('personalData.cookiesIntro')}</Text>
          <ListTable
            caption={t('personalData.cookiesCaption')}
            columns={[
              t('personalData.cookieName'),
              t('personalData.cookiePurpose'),
              t('personalData.cookieLifetime'),
            ]}
            minWidth={640}
            isEmpty={false}
            stacked
          >
            {STORED.map((item) => (
              <Table.Tr key={item.name}>
                <Table.Td data-label={t('personalData.cookieName')}>
                  <code>{item.name}</code>
                </Table.Td>
                <Table.Td data-label={t('personalData.cookiePurpose')}>
                  {t(`personalData.${item.purpose}`)}
                </Table.Td>
                <Table.Td data-label={t('personalData.cookieLifetime')}>
                  {item.lifetime === 'sessionCookieLifetime'
                    ? sessionLifetime('sessionCookieLifetime')
                    : t(`personalData.${item.lifetime}`)}
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
          <Text>{t('personalData.csrf')}</Text>
        </LegalSection>
        <Text size="sm" c="dimmed">
          {t('personalData.register')}
        </Text>
      </Stack>
    </>
  );
}
