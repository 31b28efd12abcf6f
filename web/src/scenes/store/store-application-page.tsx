import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Image,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  CERTIFICATION_STATUS_LABELS,
  PERSONAL_DATA_CATEGORY_LABELS,
} from '../../../../common/catalog/vocabulary.ts';
import {
  DEPLOYMENT_STATE_LABELS,
  type DeploymentState,
  NOT_IN_STORE_LABELS,
} from '../../../../common/store/vocabulary.ts';
import { can, useMe } from '../../api/queries.ts';
import { useStoreApplication } from '../../api/store.ts';
import { formatDateTime, formatDay } from '../../components/dates.ts';
import { MarkdownHtml } from '../../components/markdown.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { PageHeader } from '../../components/page.tsx';
import { FactTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import { ReviewsPanel } from './reviews-panel.tsx';
import { RatingText } from './store-page.tsx';

/** An application of the Store: what it does, its certification, who uses it, support, requirements, reviews. */
export function StoreApplicationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const query = useStoreApplication(id);
  const { data: me } = useMe();
  if (query.error) return <LoadFailure error={query.error} missing="application" />;
  const app = query.data;
  if (!app) return null;
  const categories = app.requirements.personalDataCategories
    .map((c) => label(PERSONAL_DATA_CATEGORY_LABELS[c]))
    .join(', ');
  return (
    <Stack gap="lg">
      <PageHeader
        title={app.name}
        intro={
          <>
            {`${app.designerOrganisation.name} · ${app.summary}`}
            {app.can.request ? (
              <Text component="span" id="request-hint" display="block" size="sm" mt={4}>
                {t('store.requestHint')}
              </Text>
            ) : null}
          </>
        }
        actions={
          <Group gap="xs">
            <Button component={Link} to={`/catalogue/${app.id}`} variant="default">
              {t('store.sheet')}
            </Button>
            {can(me, 'tenant.read') ? (
              <Button component={Link} to={`/store/${app.id}/locataires`} variant="default">
                {t('requests.tenantsLink')}
              </Button>
            ) : null}
            {app.can.request ? (
              <Button
                aria-describedby="request-hint"
                renderRoot={(props) => (
                  <Link {...props} to="/store/demandes/nouvelle" search={{ application: app.id }} />
                )}
              >
                {t('store.request')}
              </Button>
            ) : null}
          </Group>
        }
      />
      {app.notInStore ? (
        <Alert color="red" title={t('store.notInStore')} role="status">
          <Text>{label(NOT_IN_STORE_LABELS[app.notInStore.reason])}</Text>
          {app.notInStore.detail ? (
            <Text mt="xs">
              {t('store.withdrawnOn', {
                date: formatDateTime(app.notInStore.at, language),
                reason: app.notInStore.detail,
              })}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      {app.myRequest ? (
        <Alert color="blue" role="status">
          <Anchor component={Link} to={`/store/demandes/${app.myRequest.id}`}>
            {t('store.myRequest', {
              reference: app.myRequest.reference,
              state: label(DEPLOYMENT_STATE_LABELS[app.myRequest.state as DeploymentState]),
            })}
          </Anchor>
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md">
          <FactTable
            rows={[
              [
                t('store.certification'),
                <Stack key="cert" gap={4}>
                  <Badge variant="outline" color="dark">
                    {label(CERTIFICATION_STATUS_LABELS[app.certificationStatus])}
                  </Badge>
                  <Text size="sm">
                    {app.certification ? (
                      <Anchor component={Link} to={`/recettes/pv/${app.certification.reportId}`}>
                        {t('store.certifiedBy', {
                          number: app.certification.reportNumber,
                          version: app.certification.versionLabel,
                          date: formatDateTime(app.certification.signedAt, language),
                        })}
                      </Anchor>
                    ) : (
                      t('store.noReport')
                    )}
                  </Text>
                </Stack>,
              ],
              [
                t('store.currentVersion'),
                app.currentVersion
                  ? `${app.currentVersion.number}${app.currentVersion.releasedOn ? ` (${formatDay(app.currentVersion.releasedOn, language)})` : ''}`
                  : t('store.noVersion'),
              ],
              [t('store.reviews'), <RatingText key="rating" rating={app.rating} />],
              [
                t('store.support'),
                <List key="support" size="sm">
                  {app.support.map((s) => (
                    <List.Item key={s.level}>
                      {t('store.supportLevel', { level: s.level, organisation: s.organisation })}
                    </List.Item>
                  ))}
                </List>,
              ],
            ]}
          />
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="sm">
            {t('store.requirements')}
          </Title>
          <FactTable
            rows={[
              [t('store.connectors'), app.requirements.connectors.join(', ') || t('store.noConnector')],
              [
                t('store.personalData'),
                app.requirements.personalData
                  ? t('store.personalDataYes', { categories })
                  : t('store.personalDataNo'),
              ],
              [t('store.cnil'), app.requirements.cnilReference],
            ]}
          />
          {app.requirements.formalities.length > 0 ? (
            <>
              <Text fw={600} mt="sm">
                {t('store.formalities')}
              </Text>
              <List size="sm">
                {app.requirements.formalities.map((f) => (
                  <List.Item key={f}>{f}</List.Item>
                ))}
              </List>
            </>
          ) : null}
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={2} size="h3" mb="sm">
          {t('store.description')}
        </Title>
        <MarkdownHtml html={app.descriptionHtml} />
      </Paper>
      {app.screenshots.length > 0 ? (
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="sm">
            {t('store.screenshots')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {app.screenshots.map((s) => (
              <Image
                key={s.id}
                src={`/api/applications/${app.id}/attachments/${s.id}`}
                alt={t('sheet.screenshotAlt', { name: s.fileName })}
                radius="sm"
              />
            ))}
          </SimpleGrid>
        </Paper>
      ) : null}
      <Paper withBorder p="md">
        <Title order={2} size="h3" mb="sm">
          {t('store.offices')}
        </Title>
        {app.offices.length === 0 ? (
          <Text>{t('store.noOffice')}</Text>
        ) : (
          <List>
            {app.offices.map((o) => (
              <List.Item key={o.id}>
                <Anchor component={Link} to={`/organismes/${o.id}`}>
                  {o.name}
                </Anchor>
                {o.tenant ? ` — ${t('store.tenant')}` : null}
              </List.Item>
            ))}
          </List>
        )}
      </Paper>
      <ReviewsPanel app={app} />
    </Stack>
  );
}
