import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Finding,
  judgeFindings,
  manualCheckText,
  parseExceptions,
  readAuditOutput,
} from './dependency-audit.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** What npm printed when the registry refused the advisory service (seen on 2026-11-30). */
const REFUSED = JSON.stringify({
  message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  statusCode: 405,
  error: { summary: '', detail: '' },
});

/** The shape of `npm audit --json` (report version 2): one advisory on a package, its dependant by name. */
const report = (severity: string) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: {
      'parser-lib': {
        name: 'parser-lib',
        severity,
        isDirect: false,
        via: [
          {
            source: 1,
            name: 'parser-lib',
            dependency: 'parser-lib',
            title: 'Prototype pollution in parser-lib',
            url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
            severity,
            range: '<2.0.1',
          },
        ],
        effects: ['upload-lib'],
        fixAvailable: true,
      },
      'upload-lib': {
        name: 'upload-lib',
        severity,
        isDirect: true,
        via: ['parser-lib'],
        effects: [],
        fixAvailable: { name: 'upload-lib', version: '5.0.0', isSemVerMajor: true },
      },
    },
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 1, critical: 0, total: 1 } },
  });

const CLEAN = JSON.stringify({
  auditReportVersion: 2,
  vulnerabilities: {},
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 } },
});

const finding = (severity: Finding['severity']): Finding => ({
  package: 'parser-lib',
  advisory: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
  title: 'Prototype pollution in parser-lib',
  severity,
  fix: 'compatible fix',
});

const exception = (until: string) => ({
  advisory: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
  package: 'parser-lib',
  reason: 'Only reached through the CSV import, which never passes user keys to it.',
  until,
});

describe('reading npm audit', () => {
  it('takes a refused, empty or non-JSON answer for an unreachable service, never for a clean report', () => {
    expect(readAuditOutput(REFUSED)).toEqual({
      kind: 'unreachable',
      reason: expect.stringContaining('405 Method Not Allowed'),
    });
    expect(readAuditOutput('')).toMatchObject({ kind: 'unreachable' });
    expect(readAuditOutput('npm error network ETIMEDOUT')).toMatchObject({ kind: 'unreachable' });
    expect(readAuditOutput(CLEAN)).toEqual({ kind: 'report', findings: [] });
  });

  it('reports each advisory once, on the package that has it, with the fix npm proposes', () => {
    expect(readAuditOutput(report('high'))).toEqual({ kind: 'report', findings: [finding('high')] });
  });
});

describe('judging the findings', () => {
  it('fails on a high or critical advisory unless a dated exception covers it, and again once it has expired', () => {
    expect(judgeFindings([finding('critical')], [], '2026-11-30').blocking).toHaveLength(1);
    expect(judgeFindings([finding('moderate')], [], '2026-11-30')).toMatchObject({
      blocking: [],
      below: [finding('moderate')],
    });
    const covered = judgeFindings([finding('high')], [exception('2026-12-31')], '2026-11-30');
    expect(covered.blocking).toEqual([]);
    expect(covered.excepted).toHaveLength(1);
    const lapsed = judgeFindings([finding('high')], [exception('2026-11-29')], '2026-11-30');
    expect(lapsed.blocking).toEqual([finding('high')]);
    expect(lapsed.expired).toHaveLength(1);
  });

  it('refuses an exceptions file whose entry has no reason or no real date, and reads the committed one', () => {
    const file = (entry: object) => JSON.stringify({ exceptions: [entry] });
    expect(() => parseExceptions(file({ ...exception('2026-12-31'), reason: 'later' }))).toThrow(/reason/);
    expect(() => parseExceptions(file({ ...exception('31/12/2026') }))).toThrow(/until/);
    expect(() => parseExceptions(file({ ...exception('2026-12-31'), advisory: 'GHSA-x' }))).toThrow(
      /advisory/,
    );
    expect(() => parseExceptions('{}')).toThrow(/list/);
    expect(parseExceptions(file(exception('2026-12-31')))).toEqual([exception('2026-12-31')]);
    const committed = readFileSync(path.join(root, 'docs/security/audit-exceptions.json'), 'utf8');
    expect(Array.isArray(parseExceptions(committed))).toBe(true);
  });

  it('prints the manual check written in docs/security/updates.md', () => {
    const text = manualCheckText(readFileSync(path.join(root, 'docs/security/updates.md'), 'utf8'));
    expect(text).toContain('npm outdated --omit=dev');
    expect(text).toContain('github.com/advisories');
  });
});

describe('the CI step (a stand-in npm on the PATH answers as the registry would)', () => {
  const bin = mkdtempSync(path.join(tmpdir(), 'mutualis-audit-'));
  afterAll(() => rmSync(bin, { recursive: true, force: true }));
  const run = (production: string, all: string) => {
    writeFileSync(path.join(bin, 'production.json'), production);
    writeFileSync(path.join(bin, 'all.json'), all);
    writeFileSync(
      path.join(bin, 'npm'),
      `#!/bin/sh
case "$*" in
  "audit --omit=dev --json") cat "${bin}/production.json"; exit 1 ;;
  "audit --json") cat "${bin}/all.json"; exit 1 ;;
  "outdated --omit=dev") echo "Package  Current  Wanted  Latest"; exit 1 ;;
esac
exit 3
`,
    );
    chmodSync(path.join(bin, 'npm'), 0o755);
    try {
      const stdout = execFileSync(
        process.execPath,
        ['--import', 'tsx', path.join(root, 'server/scripts/dependency-audit.ts')],
        { cwd: root, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } },
      );
      return { status: 0, stdout };
    } catch (error) {
      const failed = error as { status: number; stdout: string };
      return { status: failed.status, stdout: failed.stdout };
    }
  };

  it('passes and prints the manual check when the advisory service is not reached', () => {
    const { status, stdout } = run(REFUSED, REFUSED);
    expect(status).toBe(0);
    expect(stdout).toContain('Advisory service not reached (405 Method Not Allowed');
    expect(stdout).toContain('npm outdated --omit=dev');
    expect(stdout).toContain('Package  Current  Wanted  Latest');
  }, 60_000);

  it('fails on a high production advisory, and only prints a development one', () => {
    const failing = run(report('high'), report('high'));
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('Production dependencies: 1 to act on');
    expect(failing.stdout).toContain('GHSA-aaaa-bbbb-cccc');
    const developmentOnly = run(CLEAN, report('critical'));
    expect(developmentOnly.status).toBe(0);
    expect(developmentOnly.stdout).toContain(
      'Development dependencies (printed, never failing): 1 advisories.',
    );
  }, 60_000);
});
