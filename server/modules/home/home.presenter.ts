import { CERTIFICATION_STATUSES, TRACKS } from '../../../common/catalog/vocabulary.ts';
import { type HomeDto, SHEET_ISSUES } from '../../../common/schemas/home.ts';
import { toNumber } from '../../lib/rows.ts';
import {
  presentDesignedApplication,
  presentDesigner,
  presentOfficeApplication,
  presentOfficePortfolio,
  presentUsedApplication,
} from '../organisations/office-applications.presenter.ts';
import { presentOrganisationSummary } from '../organisations/organisations.presenter.ts';
import type { Home } from './home.service.ts';

const isoTime = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

/** Counts by code, every code of the list present (0 when none), in the list's order. */
function countsOf<T extends string>(codes: readonly T[], rows: { key: string; count: unknown }[]) {
  const counts = new Map(rows.map((r) => [r.key, toNumber(r.count)]));
  return codes.map((code) => ({ code, count: counts.get(code) ?? 0 }));
}

function presentOffice(office: NonNullable<Home['office']>): HomeDto['office'] {
  return {
    designed: { items: office.designed.items.map(presentDesignedApplication), total: office.designed.total },
    used: { items: office.used.items.map(presentUsedApplication), total: office.used.total },
    declaredUsers: presentOfficePortfolio(office.portfolio).declaredUsers,
    suggestions: office.suggestions.map((row) => ({
      application: presentOfficeApplication(row),
      designerOrganisation: presentDesigner(row),
      usingOffices: toNumber(row.using_offices),
    })),
  };
}

function presentMaintenance(sheets: NonNullable<Home['maintenance']>): HomeDto['maintenance'] {
  const counts = new Map(sheets.issues.map((r) => [r.issue, toNumber(r.count)]));
  return {
    total: toNumber(sheets.totals?.total),
    needingUpdate: toNumber(sheets.totals?.needing),
    issueCounts: Object.fromEntries(SHEET_ISSUES.map((issue) => [issue, counts.get(issue) ?? 0])) as Record<
      (typeof SHEET_ISSUES)[number],
      number
    >,
    items: sheets.items.map((row) => ({
      application: presentOfficeApplication(row),
      updatedAt: isoTime(row.updated_at),
      issues: row.issues,
    })),
  };
}

function presentDecisions(decisions: NonNullable<Home['decisions']>): HomeDto['decisions'] {
  return {
    total: decisions.total,
    items: decisions.items.map(({ row, entry }) => ({
      application: { id: row.id, code: row.code, name: row.name },
      lifecycle: entry.lifecycle.name,
      transition: entry.transition,
      label: entry.lifecycle.transitions[entry.transition]?.label ?? {
        fr: entry.transition,
        en: entry.transition,
      },
      reason: entry.reason,
    })),
  };
}

function presentNetwork(network: NonNullable<Home['network']>): HomeDto['network'] {
  const totals = network.totals;
  return {
    applications: toNumber(totals?.applications),
    byStatus: countsOf(CERTIFICATION_STATUSES, network.byStatus).map(({ code, count }) => ({
      status: code,
      count,
    })),
    byTrack: countsOf(TRACKS, network.byTrack).map(({ code, count }) => ({ track: code, count })),
    offices: {
      total: toNumber(totals?.offices),
      declaring: toNumber(totals?.declaring),
      designing: toNumber(totals?.designing),
    },
    usages: toNumber(totals?.usages),
    declaredUsers: toNumber(totals?.users),
    latestChanges: network.changes.map((row) => ({
      id: toNumber(row.id),
      action: row.action,
      occurredAt: isoTime(row.occurred_at),
      application: {
        id: row.application_id,
        code: row.application_code,
        name: row.application_name,
        archived: row.archived,
      },
      organisation:
        row.organisation_id && row.organisation_code && row.organisation_name
          ? { id: row.organisation_id, code: row.organisation_code, name: row.organisation_name }
          : null,
    })),
  };
}

export function presentHome(home: Home): HomeDto {
  return {
    organisation: presentOrganisationSummary(home.organisation),
    office: home.office ? presentOffice(home.office) : null,
    maintenance: home.maintenance ? presentMaintenance(home.maintenance) : null,
    decisions: home.decisions ? presentDecisions(home.decisions) : null,
    network: home.network ? presentNetwork(home.network) : null,
  };
}
