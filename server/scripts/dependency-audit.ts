/**
 * The dependency check of CI (docs/security/updates.md): `npm audit` against the registry's advisory
 * service. A high or critical advisory on a production dependency fails the step, unless
 * docs/security/audit-exceptions.json holds a dated exception for it; development dependencies are
 * printed only. When the service does not answer, the documented manual check is printed and the step
 * passes: a network failure says nothing about our dependencies.
 *
 *   npx tsx server/scripts/dependency-audit.ts        exit 0: nothing blocking or service unreachable
 *                                                     exit 1: a production advisory to act on
 *                                                     exit 2: the exceptions file is malformed
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  package: string;
  advisory: string;
  title: string;
  severity: Severity;
  /** What npm proposes: a compatible fix (true), none (false), or a breaking upgrade of a package. */
  fix: string;
}

export interface AuditException {
  advisory: string;
  package: string;
  reason: string;
  /** Last day the exception holds (YYYY-MM-DD): it is reviewed by then. */
  until: string;
}

export type AuditReading = { kind: 'unreachable'; reason: string } | { kind: 'report'; findings: Finding[] };

export interface Verdict {
  blocking: Finding[];
  excepted: { finding: Finding; exception: AuditException }[];
  expired: { finding: Finding; exception: AuditException }[];
  below: Finding[];
}

interface NpmVia {
  title?: string;
  url?: string;
  severity?: string;
  name?: string;
}
interface NpmVulnerability {
  name?: string;
  via?: (string | NpmVia)[];
  fixAvailable?: boolean | { name: string; version: string; isSemVerMajor?: boolean };
}

const isSeverity = (value: unknown): value is Severity => SEVERITIES.includes(value as Severity);

/**
 * Reads what `npm audit --json` printed. Anything but a report (npm's error object when the service
 * answers an error, nothing at all after a time-out, text that is not JSON) means the service was not
 * reached: the findings are unknown, not absent.
 */
export function readAuditOutput(stdout: string): AuditReading {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return {
      kind: 'unreachable',
      reason: stdout.trim() ? 'npm audit did not print JSON' : 'npm audit printed nothing',
    };
  }
  const report = parsed as {
    vulnerabilities?: Record<string, NpmVulnerability>;
    metadata?: unknown;
    message?: string;
    error?: unknown;
  };
  if (report === null || typeof report !== 'object' || !report.vulnerabilities || !report.metadata)
    return { kind: 'unreachable', reason: report?.message ?? 'npm audit gave no report' };
  const findings: Finding[] = [];
  for (const [name, vulnerability] of Object.entries(report.vulnerabilities)) {
    const fix = vulnerability.fixAvailable;
    const fixText =
      fix === true
        ? 'compatible fix'
        : fix && typeof fix === 'object'
          ? `${fix.name}@${fix.version}${fix.isSemVerMajor ? ' (major)' : ''}`
          : 'no fix';
    // A package listed only because it depends on a vulnerable one carries names, not advisories:
    // the advisory is reported once, on the package that has it.
    for (const via of vulnerability.via ?? []) {
      if (typeof via === 'string' || !via.url || !isSeverity(via.severity)) continue;
      findings.push({
        package: via.name ?? vulnerability.name ?? name,
        advisory: via.url,
        title: via.title ?? '',
        severity: via.severity,
        fix: fixText,
      });
    }
  }
  const seen = new Set<string>();
  return {
    kind: 'report',
    findings: findings.filter((f) => {
      const key = `${f.package} ${f.advisory}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  };
}

/** Sorts the findings: to act on, covered by an exception still in force, covered by an expired one, below the level. */
export function judgeFindings(
  findings: Finding[],
  exceptions: AuditException[],
  today: string,
  level: Severity = 'high',
): Verdict {
  const verdict: Verdict = { blocking: [], excepted: [], expired: [], below: [] };
  for (const finding of findings) {
    if (SEVERITIES.indexOf(finding.severity) < SEVERITIES.indexOf(level)) {
      verdict.below.push(finding);
      continue;
    }
    const exception = exceptions.find(
      (e) => e.advisory === finding.advisory && e.package === finding.package,
    );
    if (!exception) verdict.blocking.push(finding);
    else if (exception.until < today) {
      verdict.expired.push({ finding, exception });
      verdict.blocking.push(finding);
    } else verdict.excepted.push({ finding, exception });
  }
  return verdict;
}

/** The exceptions file: a list, each entry complete, its date a real one. A malformed file is an error, never "no exception". */
export function parseExceptions(text: string): AuditException[] {
  const parsed = JSON.parse(text) as { exceptions?: unknown };
  if (!Array.isArray(parsed.exceptions))
    throw new Error('audit-exceptions.json: "exceptions" must be a list');
  return parsed.exceptions.map((entry: Partial<AuditException>, index) => {
    const where = `audit-exceptions.json, exception ${index + 1}`;
    if (typeof entry.advisory !== 'string' || !/^https:\/\//.test(entry.advisory))
      throw new Error(`${where}: "advisory" must be the advisory's https address`);
    if (typeof entry.package !== 'string' || !entry.package)
      throw new Error(`${where}: "package" is missing`);
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20)
      throw new Error(`${where}: "reason" must say why (20 characters at least)`);
    if (
      typeof entry.until !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(entry.until) ||
      Number.isNaN(Date.parse(entry.until))
    )
      throw new Error(`${where}: "until" must be a date YYYY-MM-DD`);
    return { advisory: entry.advisory, package: entry.package, reason: entry.reason, until: entry.until };
  });
}

/** The manual check of docs/security/updates.md, between its two markers: CI prints the same text the file holds. */
export function manualCheckText(updatesMarkdown: string): string {
  const start = updatesMarkdown.indexOf('<!-- manual-check:start -->');
  const end = updatesMarkdown.indexOf('<!-- manual-check:end -->');
  if (start < 0 || end < start) throw new Error('docs/security/updates.md has lost its manual-check markers');
  return updatesMarkdown.slice(start + '<!-- manual-check:start -->'.length, end).trim();
}

const describeFinding = (f: Finding) =>
  `  ${f.severity.padEnd(8)} ${f.package}: ${f.title} — ${f.advisory} (${f.fix})`;

function npm(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    // npm audit exits 1 when it finds something: its output is read whatever the exit code.
    execFile('npm', args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (_error, stdout) =>
      resolve(String(stdout ?? '')),
    );
  });
}

async function main(): Promise<number> {
  const root = path.resolve(import.meta.dirname, '../..');
  let exceptions: AuditException[];
  try {
    exceptions = parseExceptions(
      readFileSync(path.join(root, 'docs/security/audit-exceptions.json'), 'utf8'),
    );
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error));
    return 2;
  }
  const today = new Date().toISOString().slice(0, 10);

  const production = readAuditOutput(await npm(['audit', '--omit=dev', '--json'], 120_000));
  let status = 0;
  if (production.kind === 'unreachable') {
    console.log(`Advisory service not reached (${production.reason}): the manual check applies.\n`);
    console.log(manualCheckText(readFileSync(path.join(root, 'docs/security/updates.md'), 'utf8')));
    console.log('\nProduction dependencies behind their latest version (npm outdated --omit=dev):');
    console.log(
      (await npm(['outdated', '--omit=dev'], 60_000)) || '  (none, or the registry did not answer)',
    );
    return 0;
  }
  const verdict = judgeFindings(production.findings, exceptions, today);
  console.log(
    `Production dependencies: ${verdict.blocking.length} to act on, ${verdict.excepted.length} under a dated exception, ${verdict.below.length} below high.`,
  );
  for (const { finding, exception } of verdict.excepted)
    console.log(`${describeFinding(finding)}\n    exception until ${exception.until}: ${exception.reason}`);
  for (const { finding, exception } of verdict.expired)
    console.log(`  exception expired on ${exception.until}: ${finding.package} ${finding.advisory}`);
  if (verdict.blocking.length > 0) {
    console.log('To act on (docs/security/updates.md, "When an advisory is found"):');
    for (const finding of verdict.blocking) console.log(describeFinding(finding));
    status = 1;
  }
  for (const finding of verdict.below) console.log(describeFinding(finding));

  const all = readAuditOutput(await npm(['audit', '--json'], 120_000));
  if (all.kind === 'unreachable')
    console.log(`Development dependencies: advisory service not reached (${all.reason}).`);
  else {
    const inProduction = new Set(production.findings.map((f) => `${f.package} ${f.advisory}`));
    const development = all.findings.filter((f) => !inProduction.has(`${f.package} ${f.advisory}`));
    console.log(`Development dependencies (printed, never failing): ${development.length} advisories.`);
    for (const finding of development) console.log(describeFinding(finding));
  }
  return status;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = await main();
