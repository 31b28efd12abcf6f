import type { ComparisonDto, ProposalDto, ProposalSummaryDto } from '../../../../common/schemas/proposals.ts';
import { renderMarkdown } from '../../../lib/markdown.ts';
import type { Comparison } from './evaluation.service.ts';
import type { ProposalListRow, ProposalRow } from './proposals.queries.ts';
import type { ProposalView } from './proposals.service.ts';

function summary(p: ProposalRow, office: { id: string; code: string; name: string }): ProposalSummaryDto {
  return {
    id: p.id,
    callId: p.callId,
    title: p.title,
    state: p.state,
    office,
    effortDays: p.effortDays,
    plannedStart: p.plannedStart,
    plannedEnd: p.plannedEnd,
    decisionRationale: p.decisionRationale,
    projectId: p.projectId,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  };
}

export const presentProposalSummary = (row: ProposalListRow) =>
  summary(row.proposal, { id: row.proposal.organisationId, code: row.officeCode, name: row.officeName });

export function presentProposal(view: ProposalView): ProposalDto {
  const p = view.proposal;
  return {
    ...summary(p, view.office),
    call: { id: view.call.id, title: view.call.title, state: view.call.state, scope: view.call.scope },
    approach: p.approach,
    approachHtml: renderMarkdown(p.approach),
    team: p.team,
    partners: view.partners.map((o) => ({ ...o, confirmedAt: o.confirmedAt?.toISOString() ?? null })),
    reusedApplications: view.reuses,
    myScores: view.myScores,
    may: view.may,
    sentBack: view.sentBack,
    transitions: view.transitions,
    lifecycles: view.lifecycles,
    createdAt: p.createdAt.toISOString(),
  };
}

export function presentComparison(c: Comparison): ComparisonDto {
  return {
    criteria: c.call.criteria,
    evaluators: c.evaluators,
    rows: c.rows.map((row) => ({ ...row, proposal: presentProposalSummary(row.proposal) })),
    selection: c.selection && {
      state: c.selection.state,
      rationale: c.selection.rationale,
      choices: c.selection.choices,
      proposedAt: c.selection.proposedAt.toISOString(),
      appliedAt: c.selection.appliedAt?.toISOString() ?? null,
    },
    may: c.may,
    version: c.call.version,
  };
}

/** The comparison as spreadsheet rows: rank, proposal, office, weighted score, spread, each criterion. */
export function comparisonSheet(c: Comparison) {
  const columns = [
    { header: 'Rang', key: 'rank', width: 8 },
    { header: 'Ex aequo', key: 'tied', width: 10 },
    { header: 'Proposition', key: 'title', width: 50 },
    { header: 'Organisme', key: 'office', width: 34 },
    { header: 'Note pondérée (0–5)', key: 'weighted', width: 20 },
    { header: 'Écart entre évaluateurs', key: 'spread', width: 22 },
    { header: 'Évaluateurs', key: 'evaluators', width: 12 },
    ...c.call.criteria.map((criterion, k) => ({
      header: `${criterion.label} (${criterion.weight} %)`,
      key: `c${k}`,
      width: Math.min(40, Math.max(14, criterion.label.length + 8)),
    })),
  ];
  const rows = c.rows.map((row) => ({
    rank: row.rank ?? '',
    tied: row.tied ? 'oui' : '',
    title: row.proposal.proposal.title,
    office: row.proposal.officeName,
    weighted: row.weighted ?? '',
    spread: row.spread ?? '',
    evaluators: row.evaluators,
    ...Object.fromEntries(row.criteria.map((value, k) => [`c${k}`, value ?? ''])),
  }));
  return { name: 'Comparaison', columns, rows };
}
