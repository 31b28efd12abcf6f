import { sql } from 'drizzle-orm';
import { REGION_LABELS, REGIONS, type Region } from '../../../../common/organisations.ts';
import type { UsageMapDto } from '../../../../common/schemas/usage.ts';
import type { ServiceContext } from '../../../lib/context.ts';
import { requireActor } from '../applications/applications.service.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const int = (v: unknown) => Number(v ?? 0);

interface SheetTerms {
  id: string;
  code: string;
  name: string;
  domain_code: string;
  domain_label: string;
  organisation_code: string;
  organisation_name: string;
  usage_count: number;
  lexemes: string[];
}

/** Two sheets answer the same need when their name and summary share enough stemmed words. */
export const REDUNDANCY_THRESHOLD = 0.3;
const SAME_DOMAIN_BONUS = 0.1;

/**
 * Clusters of sheets that look like the same need: the stems of name + summary (French stemmer, accents
 * removed, stop words dropped) compared pairwise by a Jaccard index weighted by rarity (IDF), plus a bonus within one business domain;
 * pairs above the threshold are joined into clusters (union-find). Only sheets sharing a rare enough stem
 * are compared, so the cost stays close to linear.
 */
export function redundancyClusters(sheets: SheetTerms[]) {
  const byLexeme = new Map<string, number[]>();
  sheets.forEach((s, i) => {
    for (const lexeme of s.lexemes) byLexeme.set(lexeme, [...(byLexeme.get(lexeme) ?? []), i]);
  });
  const common = Math.max(20, sheets.length * 0.05);
  // Rare words say more about the need than "suivi" or "assurés": each stem weighs its inverse frequency.
  const weight = (lexeme: string) => Math.log((sheets.length + 1) / (byLexeme.get(lexeme)?.length ?? 1));
  const parent = sheets.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const best = new Map<number, number>();
  const seen = new Set<string>();
  for (const members of byLexeme.values()) {
    if (members.length < 2 || members.length > common) continue;
    for (let x = 0; x < members.length; x += 1) {
      for (let y = x + 1; y < members.length; y += 1) {
        const i = members[x] as number;
        const j = members[y] as number;
        const key = `${i}:${j}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const a = sheets[i] as SheetTerms;
        const b = sheets[j] as SheetTerms;
        const setA = new Set(a.lexemes);
        const setB = new Set(b.lexemes);
        let shared = 0;
        let union = 0;
        for (const l of new Set([...setA, ...setB])) {
          const w = weight(l);
          union += w;
          if (setA.has(l) && setB.has(l)) shared += w;
        }
        const jaccard = union === 0 ? 0 : shared / union;
        const score = Math.min(1, jaccard + (a.domain_code === b.domain_code ? SAME_DOMAIN_BONUS : 0));
        if (score < REDUNDANCY_THRESHOLD) continue;
        const ri = find(i);
        const rj = find(j);
        const root = Math.min(ri, rj);
        parent[Math.max(ri, rj)] = root;
        best.set(root, Math.max(best.get(root) ?? 0, best.get(Math.max(ri, rj)) ?? 0, score));
      }
    }
  }
  const clusters = new Map<number, number[]>();
  sheets.forEach((_, i) => {
    const root = find(i);
    clusters.set(root, [...(clusters.get(root) ?? []), i]);
  });
  return [...clusters.entries()]
    .filter(([, members]) => members.length > 1)
    .map(([root, members]) => {
      const list = members.map((i) => sheets[i] as SheetTerms);
      const domains = new Set(list.map((s) => s.domain_code));
      const first = list[0] as SheetTerms;
      return {
        similarity: Math.round((best.get(root) ?? REDUNDANCY_THRESHOLD) * 100) / 100,
        sharedDomain: domains.size === 1 ? { code: first.domain_code, label: first.domain_label } : null,
        applications: list
          .sort((p, q) => q.usage_count - p.usage_count || p.name.localeCompare(q.name, 'fr'))
          .map(mapApplication),
      };
    })
    .sort((p, q) => q.applications.length - p.applications.length || q.similarity - p.similarity);
}

function mapApplication(s: Omit<SheetTerms, 'lexemes'>) {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    designerOrganisation: { code: s.organisation_code, name: s.organisation_name },
    domain: { code: s.domain_code, label: s.domain_label },
    usageCount: int(s.usage_count),
  };
}

const SHEET_COLUMNS = sql`a.id, a.code, a.name, a.domain_code, d.label_fr AS domain_label, o.code AS organisation_code,
  o.name AS organisation_name, a.usage_count`;
const SHEET_JOINS = sql`FROM applications a
  JOIN organisations o ON o.id = a.designer_organisation_id
  JOIN business_domains d ON d.code = a.domain_code`;

export async function getUsageMap(ctx: ServiceContext): Promise<UsageMapDto> {
  requireActor(ctx);
  const db = ctx.db;
  const [totals, ranking, regions, domains, sheets] = await Promise.all([
    db.execute(sql`
      SELECT (SELECT count(*) FROM applications WHERE archived_at IS NULL) AS applications,
             (SELECT count(*) FROM application_usages u JOIN applications a ON a.id = u.application_id
               WHERE a.archived_at IS NULL) AS usages,
             (SELECT count(DISTINCT u.organisation_id) FROM application_usages u
               JOIN applications a ON a.id = u.application_id WHERE a.archived_at IS NULL) AS using_offices,
             (SELECT count(DISTINCT designer_organisation_id) FROM applications WHERE archived_at IS NULL) AS designer_offices`),
    db.execute(sql`
      SELECT ${SHEET_COLUMNS},
             COALESCE((SELECT sum(user_count) FROM application_usages u WHERE u.application_id = a.id), 0) AS declared_users
      ${SHEET_JOINS}
      WHERE a.archived_at IS NULL AND a.usage_count > 0
      ORDER BY a.usage_count DESC, declared_users DESC, a.name
      LIMIT 20`),
    db.execute(sql`
      SELECT o.region,
             count(u.application_id) AS usages,
             count(DISTINCT u.organisation_id) AS using_offices,
             (SELECT count(*) FROM applications a2 JOIN organisations o2 ON o2.id = a2.designer_organisation_id
               WHERE a2.archived_at IS NULL AND o2.region = o.region) AS designed
      FROM organisations o
      LEFT JOIN application_usages u ON u.organisation_id = o.id
        AND EXISTS (SELECT 1 FROM applications a WHERE a.id = u.application_id AND a.archived_at IS NULL)
      GROUP BY o.region`),
    db.execute(sql`
      SELECT d.code, d.label_fr,
             count(DISTINCT a.id) AS applications,
             count(u.application_id) AS usages,
             count(DISTINCT u.organisation_id) AS using_offices
      FROM business_domains d
      LEFT JOIN applications a ON a.domain_code = d.code AND a.archived_at IS NULL
      LEFT JOIN application_usages u ON u.application_id = a.id
      GROUP BY d.code, d.label_fr, d.position
      ORDER BY d.position`),
    db.execute(sql`
      SELECT ${SHEET_COLUMNS},
             tsvector_to_array(to_tsvector('french', f_unaccent(a.name || ' ' || a.summary))) AS lexemes
      ${SHEET_JOINS}
      WHERE a.archived_at IS NULL`),
  ]);
  const total = rowsOf<Record<string, unknown>>(totals)[0] ?? {};
  const regionRows = new Map(
    rowsOf<{ region: Region; usages: unknown; using_offices: unknown; designed: unknown }>(regions).map(
      (r) => [r.region, r],
    ),
  );
  return {
    totals: {
      applications: int(total.applications),
      usages: int(total.usages),
      usingOffices: int(total.using_offices),
      designerOffices: int(total.designer_offices),
    },
    ranking: rowsOf<SheetTerms & { declared_users: unknown }>(ranking).map((r) => ({
      ...mapApplication(r),
      declaredUsers: int(r.declared_users),
    })),
    byRegion: REGIONS.map((region) => {
      const row = regionRows.get(region);
      return {
        region,
        label: REGION_LABELS[region],
        usages: int(row?.usages),
        usingOffices: int(row?.using_offices),
        designedApplications: int(row?.designed),
      };
    }),
    byDomain: rowsOf<{
      code: string;
      label_fr: string;
      applications: unknown;
      usages: unknown;
      using_offices: unknown;
    }>(domains).map((d) => ({
      domain: { code: d.code, label: d.label_fr },
      applications: int(d.applications),
      usages: int(d.usages),
      usingOffices: int(d.using_offices),
    })),
    redundancies: redundancyClusters(rowsOf<SheetTerms>(sheets)).slice(0, 30),
  };
}
