import type { CampaignState } from '../../../common/acceptance/vocabulary.ts';
import {
  acceptanceCampaignLifecycle,
  type CampaignFacts,
  type CampaignTransition,
  type SignInput,
} from '../../../common/lifecycles/acceptance-campaign.ts';
import type { Config } from '../../config.ts';
import type { LifecycleBinding } from '../../lib/lifecycle.ts';
import { blockingItemCount } from '../evaluation/evaluations.service.ts';
import { campaignFactsOf } from './campaigns.mapper.ts';
import { type CampaignRow, campaignCounts, campaignStore } from './campaigns.queries.ts';
import { signReport } from './reports.service.ts';

export type CampaignBinding = LifecycleBinding<CampaignState, CampaignTransition, CampaignFacts, CampaignRow>;

/**
 * Acceptance campaigns: started once the subject's evaluation has no blocking item, reported on once
 * no blocking anomaly is open, signed by the national accountant only — the signature builds and signs
 * the national acceptance report and, unless refused, opens the project's delivery and certifies the
 * sheet, in the transition's transaction (reports.service.ts).
 */
export function campaignBinding(config: Pick<Config, 'signingKeyFile' | 'signingCertFile' | 'publicUrl'>) {
  const binding: CampaignBinding = {
    definition: acceptanceCampaignLifecycle,
    notFoundLabel: 'Campagne de recette',
    staleSubject: 'campaign',
    store: campaignStore,
    idOf: (row) => row.id,
    parties: () => ({}),
    async facts(ctx, rows) {
      const counts = await campaignCounts(
        ctx.db,
        rows.map((r) => r.id),
      );
      return Promise.all(
        rows.map(async (row) =>
          campaignFactsOf(
            counts.get(row.id) as NonNullable<ReturnType<typeof counts.get>>,
            await blockingItemCount(
              ctx.db,
              row.projectId ? { projectId: row.projectId } : { applicationId: row.applicationId as string },
            ),
          ),
        ),
      );
    },
    snapshot: (row) => ({ state: row.state, versionLabel: row.versionLabel, version: row.version }),
    async effects(ctx, change) {
      if (change.transition === 'sign')
        await signReport(ctx, change.after, change.input as SignInput, config);
    },
  };
  return binding;
}
