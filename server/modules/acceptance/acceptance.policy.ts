import { CAMPAIGN_MANAGERS } from '../../../common/lifecycles/acceptance-campaign.ts';
import { type Actor, hasRole, type PolicyTable } from '../../lib/policy.ts';

/** A campaign as its rules see it: is the actor one of its named testers, does the actor run its subject. */
export interface CampaignAccess {
  isTester: boolean;
  runsSubject: boolean;
}

const manages = (actor: Actor) => hasRole(actor, ...CAMPAIGN_MANAGERS);

/**
 * Everyone signed in reads campaigns and reports (as they read the projects); the DDSI, the DDFC/DC2R
 * and administrators open and plan campaigns. The named testers execute the cases and raise anomalies —
 * anyone may be named, so without a campaign the answer is yes and the campaign decides. Those who run
 * the subject (its developers) say which version fixes an anomaly; testers and managers close it after
 * the re-test. Transitions are the lifecycle's (only the national accountant signs).
 */
export const acceptancePolicy: PolicyTable = {
  'campaign.read': () => true,
  'campaign.create': manages,
  'campaign.plan': manages,
  'campaign.execute': (_actor, campaign?: CampaignAccess) => (campaign ? campaign.isTester : true),
  'campaign.trackAnomalies': (actor, campaign?: CampaignAccess) =>
    campaign ? campaign.isTester || campaign.runsSubject || manages(actor) : true,
  'acceptanceReport.read': () => true,
};

/** Which anomaly changes the actor may make: testers and managers close; the subject's side fixes. */
export function mayCloseAnomaly(actor: Actor, campaign: CampaignAccess) {
  return campaign.isTester || manages(actor);
}
