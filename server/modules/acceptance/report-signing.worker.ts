import { parentPort, workerData } from 'node:worker_threads';
import type { SigningMaterial } from './pades.ts';
import type { ReportContent } from './report-pdf.ts';

/**
 * Runs in a worker thread (report-signing.ts): lays out the national acceptance report and signs it
 * (PAdES-B-B). pdfmake, pdf-lib and pkijs are loaded here only, never in the server's own thread.
 */
const { content, material } = workerData as { content: ReportContent; material: SigningMaterial };
const { buildReportPdf, SIGNATURE_RECT } = await import('./report-pdf.ts');
const { signPdf } = await import('./pades.ts');

const pdf = await buildReportPdf(content);
const signed = await signPdf(pdf, material, {
  signerName: content.signerName,
  reason: `Procès-verbal national de recette ${content.number}`,
  location: 'Cnam — DDFC/DC2R',
  signedAt: content.signedAt,
  widgetRect: SIGNATURE_RECT,
});
parentPort?.postMessage(new Uint8Array(signed));
