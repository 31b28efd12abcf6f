import { sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { loadBusinessDomains } from './load-business-domains.ts';
import { loadEvaluationGrids } from './load-evaluation-grids.ts';
import { loadHostingPrices } from './load-hosting-prices.ts';
import { loadOrganisations } from './load-organisations.ts';
import { loadLetterReferents } from './load-referents.ts';
import { loadSiteSettings } from './load-site-settings.ts';

/** The advisory lock that serialises the loading of reference lists (the migrations hold 782301). */
const REFERENCE_LOCK = 782302;

/**
 * Every reference list, loaded idempotently at start, by the CLI and for the test template — in one
 * transaction behind an advisory lock: instances starting together on one database load in turn, the
 * later ones finding the lists there (each list's "insert what is missing" is not safe side by side).
 */
export async function loadReferenceData(
  db: Executor,
  files: { organisations?: string; businessDomains?: string } = {},
) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${REFERENCE_LOCK})`);
    const organisations = await loadOrganisations(tx, files.organisations);
    const businessDomains = await loadBusinessDomains(tx, files.businessDomains);
    const evaluationGrids = await loadEvaluationGrids(tx);
    const referents = await loadLetterReferents(tx);
    const hostingPrices = await loadHostingPrices(tx);
    const siteSettings = await loadSiteSettings(tx);
    return { organisations, businessDomains, evaluationGrids, referents, hostingPrices, siteSettings };
  });
}
