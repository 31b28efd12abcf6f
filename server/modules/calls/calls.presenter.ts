import type { CallDto, CallSummaryDto } from '../../../common/schemas/calls.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import type { CallSummaryRow } from './calls.queries.ts';
import type { CallView } from './calls.service.ts';

export function presentCallSummary(row: CallSummaryRow): CallSummaryDto {
  const c = row.call;
  return {
    id: c.id,
    title: c.title,
    state: c.state,
    scope: c.scope,
    region: c.region,
    issuer: { id: c.issuerOrganisationId, code: row.issuerCode, name: row.issuerName, type: row.issuerType },
    domain: { code: c.domainCode, label: { fr: row.domainFr, en: row.domainEn } },
    effortDays: c.effortDays,
    budgetEuros: c.budgetEuros,
    questionsUntil: c.questionsUntil,
    proposalsUntil: c.proposalsUntil,
    selectionBy: c.selectionBy,
    closesAt: new Date(row.closesAt).toISOString(),
    openToMyOffice: !!row.openToMyOffice,
    questionCount: Number(row.questionCount),
    version: c.version,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentCall(view: CallView): CallDto {
  const c = view.summary.call;
  return {
    ...presentCallSummary(view.summary),
    context: c.context,
    expectedOutcome: c.expectedOutcome,
    contextHtml: renderMarkdown(c.context),
    expectedOutcomeHtml: renderMarkdown(c.expectedOutcome),
    criteria: c.criteria,
    offices: view.offices,
    publicationOn: c.publicationOn,
    questions: view.questions.map(({ question: q, askedBy, office }) => ({
      id: q.id,
      question: q.question,
      askedBy,
      office,
      askedAt: q.createdAt.toISOString(),
      answer: q.answer,
      answeredAt: q.answeredAt?.toISOString() ?? null,
      version: q.version,
    })),
    may: view.may,
    transitions: view.transitions,
    lifecycles: view.lifecycles,
    createdAt: c.createdAt.toISOString(),
  };
}
