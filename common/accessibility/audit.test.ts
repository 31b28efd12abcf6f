import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDIT_MARKDOWN } from '../../server/scripts/accessibility-audit.ts';
import {
  AUDIT_PAGES,
  AUDIT_RESULTS,
  auditSummary,
  type CriterionResult,
  nonCompliantContent,
  verdictOf,
} from './audit.ts';
import { renderAuditMarkdown, withoutTablePadding } from './audit-markdown.ts';
import { RGAA_CRITERIA } from './rgaa-criteria.ts';

const everyPage = AUDIT_PAGES.map((p) => p.id);
const result = (criterion: CriterionResult['criterion'], extra: Partial<CriterionResult> = {}) => ({
  criterion,
  note: { fr: 'Vu.', en: 'Seen.' },
  ...extra,
});

describe('the rate of compliance, the RGAA way', () => {
  it('counts a criterion not conforming when it fails on one page, not applicable only when it is on every page', () => {
    expect(verdictOf(result('1.1', { notConforming: ['store'] }))).toBe('notConforming');
    expect(verdictOf(result('5.1', { notApplicable: everyPage }))).toBe('notApplicable');
    expect(verdictOf(result('5.6', { notApplicable: everyPage.slice(1) }))).toBe('conforming');
    expect(verdictOf(result('5.7', { notApplicable: everyPage.slice(1), notConforming: ['home'] }))).toBe(
      'notConforming',
    );
  });

  it('divides conforming criteria by applicable ones and derives the status by the official thresholds', () => {
    const sample = [
      result('1.1'),
      result('1.2'),
      result('1.3', { notConforming: ['home'] }),
      result('5.1', { notApplicable: everyPage }),
    ];
    expect(auditSummary(sample)).toEqual({
      conforming: 2,
      notConforming: 1,
      notApplicable: 1,
      applicable: 3,
      rate: 66.7,
      status: 'partial',
      complete: false,
    });
    const allMet = [result('1.1'), result('5.1', { notApplicable: everyPage })];
    expect(auditSummary(allMet, { complete: true }).status).toBe('full');
    // A partial audit never says « totalement conforme »: what it did not check is not known to be met.
    expect(auditSummary(allMet)).toMatchObject({ rate: 100, status: 'partial' });
    expect(auditSummary([result('1.1'), result('1.2', { notConforming: ['home'] })]).status).toBe('partial');
    expect(
      auditSummary([
        result('1.1'),
        result('1.2', { notConforming: ['home'] }),
        result('1.3', { notConforming: ['home'] }),
      ]).status,
    ).toBe('none');
  });
});

describe('the audit of 2026', () => {
  it('gives a verdict once for each criterion of the themes checked, on the ten pages of the sample', () => {
    expect(AUDIT_PAGES).toHaveLength(10);
    expect(AUDIT_RESULTS.map((r) => r.criterion)).toEqual(Object.keys(RGAA_CRITERIA));
    for (const r of AUDIT_RESULTS) {
      for (const page of [...(r.notConforming ?? []), ...(r.notApplicable ?? [])])
        expect(everyPage, `${r.criterion}: ${page}`).toContain(page);
      expect(r.note.fr.length, r.criterion).toBeGreaterThan(10);
      expect(r.note.en.length, r.criterion).toBeGreaterThan(10);
    }
  });

  it('lists as non-compliant content exactly the criteria not conforming, with their pages', () => {
    const content = nonCompliantContent();
    expect(content.length).toBe(auditSummary().notConforming);
    for (const item of content) expect(item.pages.length, item.id).toBeGreaterThan(0);
  });

  it('agrees with docs/accessibility/audit-2026.md (npx tsx server/scripts/accessibility-audit.ts --write)', () => {
    expect(withoutTablePadding(readFileSync(AUDIT_MARKDOWN, 'utf8'))).toBe(
      withoutTablePadding(renderAuditMarkdown()),
    );
  });
});
