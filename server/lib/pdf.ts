import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * PDF documents the portal generates (the national acceptance report, compensation agreements), laid
 * out by pdfmake with the Roboto fonts it ships; a document reads its fonts and nothing else.
 */
const require = createRequire(import.meta.url);
type PdfMake = {
  setFonts(fonts: unknown): void;
  setLocalAccessPolicy(policy: (file: string) => boolean): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  createPdf(definition: unknown): { getBuffer(): Promise<Buffer> };
};
const pdfmake = require('pdfmake') as PdfMake;
const fontDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: path.join(fontDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir));
pdfmake.setUrlAccessPolicy(() => false);

/** The bytes of a pdfmake document definition. */
export const renderPdf = (definition: unknown): Promise<Buffer> => pdfmake.createPdf(definition).getBuffer();

const FRANCE = 'Europe/Paris';
export const frenchDateTime = (date: Date) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: FRANCE }).format(date);
export const frenchDate = (date: Date) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: FRANCE }).format(date);
