import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderAuditMarkdown, withoutTablePadding } from '../../common/accessibility/audit-markdown.ts';

/**
 * Writes (`--write`) or checks docs/accessibility/audit-2026.md from the audit's data
 * (common/accessibility/audit.ts). Checking exits 1 when they disagree.
 */
export const AUDIT_MARKDOWN = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../docs/accessibility/audit-2026.md',
);

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const markdown = renderAuditMarkdown();
  if (process.argv.includes('--write')) {
    writeFileSync(AUDIT_MARKDOWN, markdown);
    console.log(`written: ${AUDIT_MARKDOWN}`);
  } else if (withoutTablePadding(readFileSync(AUDIT_MARKDOWN, 'utf8')) !== withoutTablePadding(markdown)) {
    console.error(`${AUDIT_MARKDOWN} disagrees with common/accessibility/audit.ts: run with --write`);
    process.exit(1);
  }
}
