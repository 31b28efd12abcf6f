import type { AgreementDto, AgreementSummaryDto, RateTableDto } from '../../../common/schemas/agreements.ts';
import type { AgreementSummaryRow, RateTableRow } from './agreements.queries.ts';
import type { AgreementView } from './agreements.service.ts';

const officeOf = (row: { officeCode: string | null; officeName: string | null }, id: string | null) =>
  id && row.officeCode ? { id, code: row.officeCode, name: row.officeName ?? '' } : null;
const authorOf = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? '' } : null);

/** What an agreement (or its statement) is about, named. */
export const targetOf = (
  a: Pick<AgreementSummaryRow['agreement'], 'targetKind' | 'projectId' | 'applicationId' | 'nationalLabel'>,
  names: { projectTitle: string | null; applicationName: string | null },
): AgreementSummaryDto['target'] =>
  a.targetKind === 'project'
    ? { kind: a.targetKind, id: a.projectId, label: names.projectTitle ?? '' }
    : a.targetKind === 'application'
      ? { kind: a.targetKind, id: a.applicationId, label: names.applicationName ?? '' }
      : { kind: a.targetKind, id: null, label: a.nationalLabel ?? '' };

export function presentAgreementSummary(row: AgreementSummaryRow): AgreementSummaryDto {
  const a = row.agreement;
  return {
    id: a.id,
    title: a.title,
    office: { id: a.organisationId, code: row.officeCode, name: row.officeName },
    target: targetOf(a, row),
    state: a.state,
    valuation: a.valuation,
    flatAmountCents: a.flatAmountCents,
    ceilingCents: a.ceilingCents,
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    amendsId: a.amendsId,
    amendmentNumber: a.amendmentNumber,
    version: a.version,
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function presentAgreement(view: AgreementView): AgreementDto {
  const a = view.summary.agreement;
  return {
    ...presentAgreementSummary(view.summary),
    officeSignatory: a.officeSignatory,
    ddoSignatory: a.ddoSignatory,
    commitments: a.commitments,
    commitmentNote: a.commitmentNote,
    statementFrequency: a.statementFrequency,
    texts: view.texts.map((t) => ({
      number: t.text.number,
      body: t.text.body,
      author: authorOf(t.text.authorId, t.authorName),
      office: officeOf(t, t.text.authorOrganisationId),
      createdAt: t.text.createdAt.toISOString(),
    })),
    comments: view.comments.map((c) => ({
      id: c.comment.id,
      textNumber: c.comment.textNumber,
      body: c.comment.body,
      author: authorOf(c.comment.authorId, c.authorName),
      office: officeOf(c, c.comment.authorOrganisationId),
      createdAt: c.comment.createdAt.toISOString(),
    })),
    family: view.family,
    figures: view.figures,
    may: view.may,
    transitions: view.transitions,
    lifecycles: view.lifecycles,
    createdAt: a.createdAt.toISOString(),
  };
}

export const presentRateTable = (row: RateTableRow): RateTableDto => ({
  id: row.id,
  number: row.number,
  effectiveFrom: row.effectiveFrom,
  rates: row.rates,
  note: row.note,
  createdAt: row.createdAt.toISOString(),
});
