import type { Executor } from '../client.ts';
import { loadBusinessDomains } from './load-business-domains.ts';
import { loadEvaluationGrids } from './load-evaluation-grids.ts';
import { loadHostingPrices } from './load-hosting-prices.ts';
import { loadOrganisations } from './load-organisations.ts';
import { loadLetterReferents } from './load-referents.ts';

/** Every reference list, loaded idempotently at start, by the CLI and for the test template. */
export async function loadReferenceData(
  db: Executor,
  files: { organisations?: string; businessDomains?: string } = {},
) {
  const organisations = await loadOrganisations(db, files.organisations);
  const businessDomains = await loadBusinessDomains(db, files.businessDomains);
  const evaluationGrids = await loadEvaluationGrids(db);
  const referents = await loadLetterReferents(db);
  const hostingPrices = await loadHostingPrices(db);
  return { organisations, businessDomains, evaluationGrids, referents, hostingPrices };
}
