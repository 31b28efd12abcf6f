import Papa from 'papaparse';
import {
  EFFORT_PROFILE_LABELS,
  STATEMENT_STATE_LABELS,
  VALUATION_RULE_LABELS,
} from '../../../common/compensation/vocabulary.ts';
import type { StatementDto } from '../../../common/schemas/statements.ts';
import { guardFormula } from '../catalog/transfer/inventory.ts';
import type { SheetData } from '../evaluation/grid-xlsx.ts';

/**
 * A statement for the accounting system. CSV: UTF-8 with a byte-order mark, « ; » between cells, CRLF,
 * amounts in euros with a decimal comma and no thousands separator (1234,56), person-days likewise
 * (13,5), one line per statement. XLSX: the same line on a sheet « Relevé » (amounts as numbers in
 * euros), the valuation lines on a sheet « Détail ».
 */

/** Cents as accounting writes them: 123456 → « 1234,56 », -5 → « -0,05 ». */
export function decimalComma(cents: number) {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** Person-days (to the hundredth) with a decimal comma, without trailing zeros: 13.5 → « 13,5 ». */
const daysText = (days: number) => String(Math.round(days * 100) / 100).replace('.', ',');

export const STATEMENT_COLUMNS = [
  'Référence',
  'Code organisme',
  'Organisme',
  'Convention',
  'Objet',
  'Début de période',
  'Fin de période',
  'Valorisation',
  'Barème',
  'Jours-personnes confirmés',
  'Montant valorisé',
  'Relevés précédents',
  'Plafond',
  'Montant à verser',
  'Au-delà du plafond',
  'État',
  'Validé le',
] as const;

/** The statement's reference in the accounting system: office, period, and the start of its id. */
export const statementReference = (s: StatementDto) =>
  `REL-${s.agreement.office.code}-${s.periodStart}-${s.id.slice(0, 8)}`;

function statementCells(s: StatementDto, money: (cents: number) => string | number) {
  return [
    statementReference(s),
    s.agreement.office.code,
    s.agreement.office.name,
    s.agreement.title,
    s.agreement.target.label,
    s.periodStart,
    s.periodEnd,
    VALUATION_RULE_LABELS[s.valuation].fr,
    s.rateTableNumber === null ? '' : `Version ${s.rateTableNumber}`,
    money === decimalComma ? daysText(s.confirmedDays) : s.confirmedDays,
    money(s.valuedCents),
    money(s.alreadyPaidCents),
    money(s.ceilingCents),
    money(s.payableCents),
    money(s.overCents),
    STATEMENT_STATE_LABELS[s.state].fr,
    s.validatedAt ? s.validatedAt.slice(0, 10) : '',
  ];
}

export function statementCsv(s: StatementDto) {
  const data = [statementCells(s, decimalComma).map((cell) => guardFormula(String(cell)))];
  return `\uFEFF${Papa.unparse({ fields: [...STATEMENT_COLUMNS], data }, { delimiter: ';', newline: '\r\n' })}\r\n`;
}

export function statementSheets(s: StatementDto): SheetData[] {
  const euros = (cents: number) => cents / 100;
  const text = (cell: string | number) => (typeof cell === 'string' ? guardFormula(cell) : cell);
  return [
    {
      name: 'Relevé',
      headers: STATEMENT_COLUMNS.map((title) => ({ title, width: 18 })),
      rows: [statementCells(s, euros).map(text)],
    },
    {
      name: 'Détail',
      headers: [
        { title: 'Profil', width: 24 },
        { title: 'Jours-personnes', width: 16 },
        { title: 'Taux journalier (€)', width: 18 },
        { title: 'Montant (€)', width: 16 },
      ],
      rows: s.lines.map((l) => [
        EFFORT_PROFILE_LABELS[l.profile].fr,
        l.days,
        euros(l.rateCents),
        euros(l.amountCents),
      ]),
    },
  ];
}
