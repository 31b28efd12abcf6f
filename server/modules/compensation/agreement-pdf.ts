import {
  AGREEMENT_COMMITMENT_LABELS,
  AGREEMENT_STATE_LABELS,
  type AgreementState,
  EFFORT_PROFILE_LABELS,
  EFFORT_TARGET_KIND_LABELS,
  euros,
  STATEMENT_FREQUENCY_LABELS,
  VALUATION_RULE_LABELS,
} from '../../../common/compensation/vocabulary.ts';
import type { AgreementDto } from '../../../common/schemas/agreements.ts';
import { frenchDate, renderPdf } from '../../lib/pdf.ts';

/**
 * An agreement as a PDF, in French: its parties and signatories, object, period, valuation rule and
 * rates, ceiling, commitments, schedule, the figures of its confirmed effort, and the last version of
 * its text. Generated on request from what the portal holds (not signed: signatures are the approvals
 * of its lifecycle, listed with their dates).
 */
const table = (widths: (number | string)[], body: unknown[][]) => ({
  table: { widths, headerRows: 0, body },
  layout: 'lightHorizontalLines',
  margin: [0, 4, 0, 12],
});
const heading = (text: string) => ({ text, style: 'heading' });
const days = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 2 });

export function buildAgreementPdf(a: AgreementDto, generatedAt: Date, rates: Record<string, number> | null) {
  const lastText = a.texts.at(-1);
  const f = a.figures;
  const approvals = a.lifecycles[0]?.reached ?? [];
  const definition = {
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    info: {
      title: a.title,
      subject: `Convention de compensation — ${a.office.name}`,
      creator: 'Mutualis',
      producer: 'Mutualis',
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      heading: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
    },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `Généré par Mutualis le ${frenchDate(generatedAt)}`, fontSize: 7 },
        { text: `Page ${page} / ${pages}`, alignment: 'right', fontSize: 8, width: 70 },
      ],
      margin: [48, 16, 48, 0],
    }),
    content: [
      { text: 'Assurance Maladie — Convention de compensation', fontSize: 9, color: '#444444' },
      { text: a.title, style: 'title' },
      {
        text: `${AGREEMENT_STATE_LABELS[a.state].fr}${a.amendmentNumber > 0 ? ` — avenant n° ${a.amendmentNumber}` : ''}`,
        bold: true,
        margin: [0, 0, 0, 8],
      },
      table(
        [170, '*'],
        [
          ['Parties', `La Direction déléguée aux opérations (DDO) et ${a.office.name} (${a.office.code})`],
          ["Signataire pour l'organisme", a.officeSignatory],
          ['Signataire pour la DDO', a.ddoSignatory],
          ['Objet', `${EFFORT_TARGET_KIND_LABELS[a.target.kind].fr} : ${a.target.label}`],
          ['Période', `de ${a.periodStart} à ${a.periodEnd}`],
          ['Valorisation', VALUATION_RULE_LABELS[a.valuation].fr],
          ...(a.flatAmountCents !== null ? [['Forfait', euros(a.flatAmountCents)]] : []),
          ['Plafond', euros(a.ceilingCents)],
          ['Relevés', STATEMENT_FREQUENCY_LABELS[a.statementFrequency].fr],
          ['Engagements', a.commitments.map((c) => AGREEMENT_COMMITMENT_LABELS[c].fr).join(' ; ') || '—'],
          ...(a.commitmentNote ? [['Détail des engagements', a.commitmentNote]] : []),
        ],
      ),
      ...(a.valuation === 'rateTable' && rates
        ? [
            heading(`Barème journalier (version ${f.rateTableNumber ?? '—'})`),
            table(
              ['*', 120],
              Object.entries(EFFORT_PROFILE_LABELS).map(([profile, label]) => [
                label.fr,
                { text: euros(rates[profile] ?? 0), alignment: 'right' },
              ]),
            ),
          ]
        : []),
      heading('Chiffres à ce jour (effort confirmé de la période)'),
      table(
        ['*', 120],
        [
          ...f.lines.map((l) => [
            `${EFFORT_PROFILE_LABELS[l.profile].fr} : ${days(l.days)} j × ${euros(l.rateCents)}`,
            { text: euros(l.amountCents), alignment: 'right' },
          ]),
          ['Jours-personnes confirmés', { text: days(f.confirmedDays), alignment: 'right' }],
          ['Montant valorisé', { text: euros(f.valuedCents), alignment: 'right' }],
          ['Montant dans le plafond', { text: euros(f.payableCents), alignment: 'right', bold: true }],
          ['Au-delà du plafond (non dû)', { text: euros(f.overCents), alignment: 'right' }],
        ],
      ),
      ...(approvals.length > 0
        ? [
            heading('Étapes'),
            table(
              ['*', 160],
              approvals.map((r) => [
                `${AGREEMENT_STATE_LABELS[r.state as AgreementState]?.fr ?? r.state}${r.by?.name ? ` (${r.by.name})` : ''}`,
                frenchDate(new Date(r.at)),
              ]),
            ),
          ]
        : []),
      heading(lastText ? `Texte de la convention (version ${lastText.number})` : 'Texte de la convention'),
      { text: lastText?.body ?? "Aucune version du texte n'a encore été proposée." },
    ],
  };
  return renderPdf(definition);
}
