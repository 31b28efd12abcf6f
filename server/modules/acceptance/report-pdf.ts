import {
  ANOMALY_SEVERITY_LABELS,
  ANOMALY_STATUS_LABELS,
  REPORT_DECISION_LABELS,
  type ReportDecision,
} from '../../../common/acceptance/vocabulary.ts';
import type { ReportFigures, ReportReservation } from '../../../common/schemas/acceptance.ts';
import { frenchDate, frenchDateTime, renderPdf } from '../../lib/pdf.ts';

/**
 * The national acceptance report (procès-verbal national de recette) as a PDF, in French (lib/pdf.ts).
 * The signature block is the footer of the last page, at a fixed place, so that the signature field can be drawn over it (SIGNATURE_RECT).
 */

export interface ReportContent {
  id: string;
  number: string;
  applicationName: string;
  versionLabel: string;
  trackLabel: string;
  campaignTitle: string;
  runnerLabel: string;
  offices: string[];
  testers: string[];
  periodLabel: string | null;
  figures: ReportFigures;
  reservations: ReportReservation[];
  decision: ReportDecision;
  observations: string | null;
  toFix: string | null;
  signerName: string;
  signerRole: string;
  signedAt: Date;
  verificationUrl: string;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const FOOTER_HEIGHT = 140;
/** Where the signature block sits on the last page, in PDF points (origin bottom left). */
export const SIGNATURE_RECT: [number, number, number, number] = [
  A4.width - MARGIN - 250,
  36,
  A4.width - MARGIN,
  116,
];

export { frenchDate, frenchDateTime };

const percent = (value: number) => `${value.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;

function figuresTable(f: ReportFigures) {
  const row = (label: string, value: string) => [{ text: label }, { text: value, alignment: 'right' }];
  return {
    table: {
      widths: ['*', 120],
      body: [
        [
          { text: 'Indicateur', bold: true },
          { text: 'Valeur', bold: true, alignment: 'right' },
        ],
        row('Cas de test au plan', String(f.cases)),
        row('Cas exécutés (couverture)', `${f.executed} (${percent(f.coverage)})`),
        row('Cas réussis (taux de réussite)', `${f.passed} (${percent(f.passRate)})`),
        row('Cas en échec', String(f.failed)),
        row('Cas bloqués', String(f.blocked)),
        row('Exigences de la grille couvertes', String(f.requirementsCovered)),
        row('Anomalies bloquantes', String(f.anomalies.blocking)),
        row('Anomalies majeures', String(f.anomalies.major)),
        row('Anomalies mineures', String(f.anomalies.minor)),
        row('Réserves ouvertes', String(f.openReservations)),
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 12],
  };
}

function reservationsBlock(reservations: ReportReservation[]) {
  if (reservations.length === 0) return { text: 'Aucune réserve ouverte.', margin: [0, 0, 0, 12] };
  return {
    table: {
      widths: [40, '*', 60, 90],
      headerRows: 1,
      body: [
        ['N°', 'Anomalie', 'Gravité', 'Statut'].map((text) => ({ text, bold: true })),
        ...reservations.map((r) => [
          `AN-${r.number}`,
          r.title,
          ANOMALY_SEVERITY_LABELS[r.severity].fr,
          r.fixedInVersion
            ? `${ANOMALY_STATUS_LABELS[r.status].fr} (version ${r.fixedInVersion})`
            : ANOMALY_STATUS_LABELS[r.status].fr,
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 12],
  };
}

const heading = (text: string) => ({ text, style: 'heading' });

/** The report's PDF bytes, unsigned. */
export async function buildReportPdf(c: ReportContent): Promise<Buffer> {
  const signature = {
    table: {
      widths: [250],
      body: [
        [
          {
            stack: [
              { text: 'Signature électronique (PAdES)', bold: true },
              { text: c.signerName },
              { text: c.signerRole },
              { text: `Signé le ${frenchDateTime(c.signedAt)}` },
            ],
            margin: [6, 6, 6, 6],
          },
        ],
      ],
    },
  };
  const definition = {
    pageSize: 'A4',
    pageMargins: [MARGIN, MARGIN, MARGIN, FOOTER_HEIGHT],
    info: {
      title: `Procès-verbal national de recette ${c.number}`,
      author: c.signerName,
      subject: `${c.applicationName} — version ${c.versionLabel}`,
      creator: 'Mutualis',
      producer: 'Mutualis',
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      heading: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
    },
    footer: (page: number, pages: number) => ({
      margin: [MARGIN, 0, MARGIN, 0],
      stack: [
        page === pages
          ? {
              columns: [
                { width: '*', text: '' },
                { width: 250, ...signature },
              ],
              margin: [0, 8, 0, 6],
            }
          : { text: '', margin: [0, 94, 0, 0] },
        {
          columns: [
            { text: `Vérification : ${c.verificationUrl}`, fontSize: 7 },
            { text: `Page ${page} / ${pages}`, alignment: 'right', fontSize: 8, width: 70 },
          ],
        },
      ],
    }),
    content: [
      { text: 'Assurance Maladie — Démarche nationale de recette', fontSize: 9, color: '#444444' },
      { text: 'Procès-verbal national de recette', style: 'title' },
      { text: `N° ${c.number}`, bold: true, margin: [0, 0, 0, 8] },
      {
        table: {
          widths: [150, '*'],
          body: [
            ['Application', c.applicationName],
            ['Version recettée', c.versionLabel],
            ['Filière', c.trackLabel],
            ['Campagne de recette', c.campaignTitle],
            ['Recette conduite par', c.runnerLabel],
            ['Organismes', c.offices.join(', ') || '—'],
            ['Testeurs', c.testers.join(', ') || '—'],
            ...(c.periodLabel ? [['Période', c.periodLabel]] : []),
          ].map(([label, value]) => [{ text: label, bold: true }, value]),
        },
        layout: 'noBorders',
      },
      heading('Résultats de la campagne'),
      figuresTable(c.figures),
      heading('Réserves ouvertes'),
      reservationsBlock(c.reservations),
      heading('Décision'),
      { text: REPORT_DECISION_LABELS[c.decision].fr, bold: true, fontSize: 12 },
      ...(c.observations ? [{ text: `Observations : ${c.observations}`, margin: [0, 6, 0, 0] }] : []),
      ...(c.toFix
        ? [{ text: `À corriger avant une nouvelle campagne : ${c.toFix}`, margin: [0, 6, 0, 0] }]
        : []),
      {
        text: `Fait le ${frenchDate(c.signedAt)}, par ${c.signerName}, ${c.signerRole}.`,
        margin: [0, 12, 0, 0],
      },
    ],
  };
  return renderPdf(definition);
}
