import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { auditSummary, CONFORMANCE_STATUS_LABELS } from '../../../../common/accessibility/audit.ts';

/** « Accessibilité : partiellement conforme », the status computed from the audit's data, to the statement. */
export function AccessibilityFooterLink() {
  const { t, i18n } = useTranslation();
  const status = CONFORMANCE_STATUS_LABELS[auditSummary().status][i18n.language === 'en' ? 'en' : 'fr'];
  return (
    <Anchor component={Link} to="/accessibilite" size="sm">
      {t('accessibility.footerLink', { status })}
    </Anchor>
  );
}
