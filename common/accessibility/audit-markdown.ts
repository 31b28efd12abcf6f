import {
  AUDIT_AUDITOR,
  AUDIT_DATE,
  AUDIT_PAGES,
  AUDIT_RESULTS,
  AUDIT_TOOLS,
  auditSummary,
  CONFORMANCE_STATUS_LABELS,
  RGAA_CRITERIA_TOTAL,
  type Verdict,
  verdictOf,
  verdictOn,
} from './audit.ts';
import { RGAA_CRITERIA, RGAA_THEMES, themeOf } from './rgaa-criteria.ts';

const MARK: Record<Verdict, string> = { conforming: 'C', notConforming: 'NC', notApplicable: 'NA' };
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * docs/accessibility/audit-2026.md, written from the audit's data (common/accessibility/audit.ts): the
 * rate and status, the sample, then each criterion's verdict on the sample and on each page, with what
 * was seen. `npx tsx server/scripts/accessibility-audit.ts --write` writes it; a test compares them.
 */
export function renderAuditMarkdown() {
  const summary = auditSummary();
  const lines: string[] = [
    '# Audit RGAA 4.1 de Mutualis — 2026',
    '',
    '<!-- Generated from common/accessibility/audit.ts by `npx tsx server/scripts/accessibility-audit.ts --write`; do not edit by hand. -->',
    '',
    `- Date : ${AUDIT_DATE}`,
    `- Auditeur : ${AUDIT_AUDITOR.fr}`,
    `- Critères contrôlés : ${AUDIT_RESULTS.length} (thématiques non vérifiables automatiquement ; méthode : README.md)`,
    `- Conformes : ${summary.conforming} — non conformes : ${summary.notConforming} — non applicables : ${summary.notApplicable}`,
    `- **Taux de conformité : ${summary.rate.toLocaleString('fr-FR')} %** (critères conformes / critères applicables)`,
    `- **État : ${CONFORMANCE_STATUS_LABELS[summary.status].fr}**${summary.complete ? '' : ` (audit partiel : ${AUDIT_RESULTS.length} critères sur ${RGAA_CRITERIA_TOTAL} ; seul un audit complet peut conclure à une conformité totale)`}`,
    '',
    '## Outils',
    '',
    ...AUDIT_TOOLS.map((tool) => `- ${tool.fr}`),
    '',
    '## Échantillon',
    '',
    '| Page | Adresse | Pourquoi |',
    '| --- | --- | --- |',
    ...AUDIT_PAGES.map((page) => `| ${page.title.fr} | \`${page.path}\` | ${cell(page.why.fr)} |`),
    '',
    '## Résultats par critère',
    '',
    `C : conforme, NC : non conforme, NA : non applicable. Colonnes des pages : ${AUDIT_PAGES.map((p, i) => `${i + 1}. ${p.title.fr}`).join(', ')}.`,
    '',
  ];
  let theme = 0;
  for (const result of AUDIT_RESULTS) {
    if (themeOf(result.criterion) !== theme) {
      theme = themeOf(result.criterion);
      lines.push(
        `### ${theme}. ${RGAA_THEMES[theme as keyof typeof RGAA_THEMES].fr}`,
        '',
        `| Critère | Résultat | ${AUDIT_PAGES.map((_, i) => i + 1).join(' | ')} | Constat |`,
        `| --- | --- | ${AUDIT_PAGES.map(() => '---').join(' | ')} | --- |`,
      );
    }
    const pages = AUDIT_PAGES.map((page) => MARK[verdictOn(result, page.id)]).join(' | ');
    const title = RGAA_CRITERIA[result.criterion].title.fr;
    lines.push(
      `| ${result.criterion} ${cell(title)} | **${MARK[verdictOf(result)]}** | ${pages} | ${cell(result.note.fr)} |`,
    );
    const next = AUDIT_RESULTS[AUDIT_RESULTS.indexOf(result) + 1];
    if (!next || themeOf(next.criterion) !== theme) lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * The markdown with its table cells unpadded: the formatter (biome) aligns the columns of the written
 * file, which changes nothing of what it says.
 */
export const withoutTablePadding = (markdown: string) =>
  markdown
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .replace(/ *\| */g, ' | ')
            .replace(/-{3,}/g, '---')
            .trim()
        : line,
    )
    .join('\n');
