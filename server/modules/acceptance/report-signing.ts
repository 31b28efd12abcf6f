import { readFile } from 'node:fs/promises';
import type { Config } from '../../config.ts';
import { AppError } from '../../lib/errors.ts';
import { runInWorker } from '../../lib/worker.ts';
import type { SigningMaterial } from './pades.ts';
import type { ReportContent } from './report-pdf.ts';

const WORKER = new URL('./report-signing.worker.ts', import.meta.url);

/** The national accountant's key and certificate, read from the files the configuration names. */
export async function loadSigningMaterial(config: Pick<Config, 'signingKeyFile' | 'signingCertFile'>) {
  try {
    const [keyPem, certificatesPem] = await Promise.all([
      readFile(config.signingKeyFile, 'utf8'),
      readFile(config.signingCertFile, 'utf8'),
    ]);
    return { keyPem, certificatesPem } satisfies SigningMaterial;
  } catch {
    throw new AppError(
      'unprocessable',
      "Le certificat de signature de l'agent comptable national n'est pas installé sur le serveur : l'exploitation doit renseigner MUTUALIS_SIGNING_KEY_FILE et MUTUALIS_SIGNING_CERT_FILE.",
    );
  }
}

/**
 * Lays out and signs the report in a worker thread (about 0.4 s of CPU for the first, fonts included):
 * the server's own thread goes on answering meanwhile.
 */
export async function buildSignedReport(content: ReportContent, material: SigningMaterial): Promise<Buffer> {
  const bytes = await runInWorker<Uint8Array>(WORKER, { content, material });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
