import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../scripts/test-ca.sh', import.meta.url));

/**
 * A test certificate authority and signing certificate made for this test file (server/scripts/test-ca.sh),
 * with an NSS store that trusts the authority, for poppler's `pdfsig` — the independent verifier.
 */
export async function testSigning() {
  const dir = mkdtempSync(path.join(tmpdir(), 'mutualis-test-ca-'));
  await run('bash', [SCRIPT, dir]);
  const nss = path.join(dir, 'nss');
  const password = path.join(dir, 'nss-password');
  writeFileSync(password, '\n');
  await run('mkdir', ['-p', nss]);
  await run('certutil', ['-N', '-d', `sql:${nss}`, '-f', password]);
  await run('certutil', [
    '-A',
    '-d',
    `sql:${nss}`,
    '-n',
    'mutualis-test-ca',
    '-t',
    'C,C,C',
    '-i',
    path.join(dir, 'ca.pem'),
  ]);
  return {
    dir,
    config: { signingKeyFile: path.join(dir, 'signer.key'), signingCertFile: path.join(dir, 'signer.pem') },
    /** What `pdfsig` says of a PDF file (its exit status does not fail the promise). */
    async pdfsig(file: string) {
      try {
        const { stdout } = await run('pdfsig', ['-nssdir', `sql:${nss}`, file]);
        return stdout;
      } catch (error) {
        return String((error as { stdout?: string }).stdout ?? error);
      }
    },
  };
}

/** The text of a PDF, extracted by poppler's `pdftotext`. */
export async function pdfText(file: string) {
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  return stdout;
}
