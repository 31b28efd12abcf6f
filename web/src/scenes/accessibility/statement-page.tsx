import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  AUDIT_AUDITOR,
  AUDIT_DATE,
  AUDIT_ENVIRONMENT,
  AUDIT_PAGES,
  AUDIT_RESULTS,
  AUDIT_TOOLS,
  auditSummary,
  CONFORMANCE_STATUS_LABELS,
  nonCompliantContent,
  RGAA_CRITERIA_TOTAL,
} from '../../../../common/accessibility/audit.ts';
import type { Language } from '../../../../common/lifecycle.ts';
import { usePageTitle } from '../../components/page.tsx';
import { AccessibilityReportForm } from './report-form.tsx';

const DEFENSEUR_FORM = 'https://formulaire.defenseurdesdroits.fr/';
const DEFENSEUR_DELEGATES = 'https://www.defenseurdesdroits.fr/saisir/delegues';

/** A date of the audit in words: « 30 novembre 2026 » / « 30 November 2026 ». */
const longDate = (iso: string, language: Language) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString(language === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

/**
 * « Déclaration d'accessibilité », on the model of the DINUM: commitment, compliance status and rate (read
 * from the audit's data, common/accessibility/audit.ts), non-compliant content, how it was established,
 * the report form, and the remedies. Anyone reads it, signed in or not.
 */
export function AccessibilityStatementPage() {
  const { t, i18n } = useTranslation();
  const language = (i18n.language === 'en' ? 'en' : 'fr') as Language;
  const summary = auditSummary();
  const status = CONFORMANCE_STATUS_LABELS[summary.status][language];
  const date = longDate(AUDIT_DATE, language);
  const rate = summary.rate.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB');
  usePageTitle(t('accessibility.statement.title'));
  return (
    <Stack gap="lg" className="public-text">
      <Title order={1}>{t('accessibility.statement.title')}</Title>
      <Stack gap="xs">
        <Text>{t('accessibility.statement.commitment')}</Text>
        <Text>{t('accessibility.statement.strategy')}</Text>
        <Anchor component={Link} to="/accessibilite/schema-pluriannuel">
          {t('accessibility.statement.planLink')}
        </Anchor>
        <Text>{t('accessibility.statement.scope', { url: window.location.origin })}</Text>
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="etat">
        <Title order={2} id="etat">
          {t('accessibility.statement.statusTitle')}
        </Title>
        <Text>
          {summary.status === 'full'
            ? t('accessibility.statement.statusFull')
            : summary.notConforming === 0
              ? t('accessibility.statement.statusPartialAudit', {
                  checked: AUDIT_RESULTS.length,
                  total: RGAA_CRITERIA_TOTAL,
                })
              : t('accessibility.statement.status', { status })}
        </Text>
        <Title order={3}>{t('accessibility.statement.resultsTitle')}</Title>
        <Text fw={600}>
          {t('accessibility.statement.results', { date, auditor: AUDIT_AUDITOR[language], rate })}
        </Text>
        <Text>
          {t('accessibility.statement.resultsDetail', {
            conforming: summary.conforming,
            notConforming: summary.notConforming,
            notApplicable: summary.notApplicable,
            total: AUDIT_RESULTS.length,
          })}
        </Text>
        <Text size="sm">{t('accessibility.statement.detailLink')}</Text>
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="contenus">
        <Title order={2} id="contenus">
          {t('accessibility.statement.nonAccessibleTitle')}
        </Title>
        <Title order={3}>{t('accessibility.statement.nonCompliantTitle')}</Title>
        <NonCompliantList language={language} />
        <Title order={3}>{t('accessibility.statement.derogationsTitle')}</Title>
        <Text>{t('accessibility.statement.none')}</Text>
        <Title order={3}>{t('accessibility.statement.exemptTitle')}</Title>
        <Text>{t('accessibility.statement.exempt')}</Text>
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="etablissement">
        <Title order={2} id="etablissement">
          {t('accessibility.statement.establishedTitle')}
        </Title>
        <Text>{t('accessibility.statement.established', { date })}</Text>
        <Title order={3}>{t('accessibility.statement.technologiesTitle')}</Title>
        <Text>{t('accessibility.statement.technologies')}</Text>
        <Title order={3}>{t('accessibility.statement.environmentTitle')}</Title>
        <Text>{t('accessibility.statement.environment', { environment: AUDIT_ENVIRONMENT[language] })}</Text>
        <Title order={3}>{t('accessibility.statement.toolsTitle')}</Title>
        <List>
          {AUDIT_TOOLS.map((tool) => (
            <List.Item key={tool.fr}>{tool[language]}</List.Item>
          ))}
        </List>
        <Title order={3}>{t('accessibility.statement.pagesTitle')}</Title>
        <List>
          {AUDIT_PAGES.map((page) => (
            <List.Item key={page.id}>
              {page.title[language]} ({page.path.replace(/:\w+/, '…')}) — {page.why[language]}
            </List.Item>
          ))}
        </List>
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="contact">
        <Title order={2} id="contact">
          {t('accessibility.statement.feedbackTitle')}
        </Title>
        <Text>{t('accessibility.statement.feedback')}</Text>
        <AccessibilityReportForm />
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="recours">
        <Title order={2} id="recours">
          {t('accessibility.statement.remedyTitle')}
        </Title>
        <Text>{t('accessibility.statement.remedyIntro')}</Text>
        <Text>{t('accessibility.statement.remedyOptions')}</Text>
        <List>
          <List.Item>
            <Anchor href={DEFENSEUR_FORM}>{t('accessibility.statement.remedyForm')}</Anchor>
          </List.Item>
          <List.Item>
            <Anchor href={DEFENSEUR_DELEGATES}>{t('accessibility.statement.remedyDelegate')}</Anchor>
          </List.Item>
          <List.Item>{t('accessibility.statement.remedyPhone')}</List.Item>
          <List.Item>{t('accessibility.statement.remedyPost')}</List.Item>
        </List>
      </Stack>
    </Stack>
  );
}

function NonCompliantList({ language }: { language: Language }) {
  const { t } = useTranslation();
  const items = nonCompliantContent();
  if (items.length === 0) return <Text>{t('accessibility.statement.none')}</Text>;
  return (
    <>
      <Text>{t('accessibility.statement.nonCompliantIntro')}</Text>
      <List spacing="xs">
        {items.map((item) => (
          <List.Item key={item.id}>
            <Text span fw={600}>
              {t('accessibility.statement.criterion', { id: item.id })}
            </Text>{' '}
            — {item.note[language]}{' '}
            <Text span size="sm" c="dimmed">
              (
              {t('accessibility.statement.onPages', {
                pages: item.pages.map((p) => p.title[language]).join(', '),
              })}
              )
            </Text>
          </List.Item>
        ))}
      </List>
    </>
  );
}
