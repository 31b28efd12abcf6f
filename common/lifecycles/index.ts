import type { LifecycleDefinition } from '../lifecycle.ts';
import { acceptanceCampaignLifecycle } from './acceptance-campaign.ts';
import { accessibilityReportLifecycle } from './accessibility-report.ts';
import { agreementLifecycle } from './agreement.ts';
import { applicationCertificationLifecycle, applicationRecordLifecycle } from './application.ts';
import { applicationTicketLifecycle } from './application-ticket.ts';
import { boardMeetingLifecycle } from './board-meeting.ts';
import { callLifecycle } from './call.ts';
import { clubWishLifecycle } from './club-wish.ts';
import { deploymentRequestLifecycle } from './deployment-request.ts';
import { gridVersionLifecycle } from './evaluation-grid.ts';
import { projectLifecycle } from './project.ts';
import { proposalLifecycle } from './proposal.ts';
import { referentApplicationLifecycle } from './referent-application.ts';
import { referentialProposalLifecycle } from './referential-proposal.ts';
import { starterKitTicketLifecycle } from './starter-kit-ticket.ts';
import { statementLifecycle } from './statement.ts';
import { trainingSessionLifecycle } from './training-session.ts';
import { userAccountLifecycle } from './user-account.ts';

/** Every lifecycle definition by name: the web draws a lifecycle and translates its refusals from here. */
// biome-ignore lint/suspicious/noExplicitAny: definitions of every shape
export const LIFECYCLES: Record<string, LifecycleDefinition<any, any, any>> = {
  [userAccountLifecycle.name]: userAccountLifecycle,
  [applicationRecordLifecycle.name]: applicationRecordLifecycle,
  [applicationCertificationLifecycle.name]: applicationCertificationLifecycle,
  [projectLifecycle.name]: projectLifecycle,
  [gridVersionLifecycle.name]: gridVersionLifecycle,
  [acceptanceCampaignLifecycle.name]: acceptanceCampaignLifecycle,
  [deploymentRequestLifecycle.name]: deploymentRequestLifecycle,
  [referentApplicationLifecycle.name]: referentApplicationLifecycle,
  [trainingSessionLifecycle.name]: trainingSessionLifecycle,
  [callLifecycle.name]: callLifecycle,
  [proposalLifecycle.name]: proposalLifecycle,
  [boardMeetingLifecycle.name]: boardMeetingLifecycle,
  [starterKitTicketLifecycle.name]: starterKitTicketLifecycle,
  [applicationTicketLifecycle.name]: applicationTicketLifecycle,
  [referentialProposalLifecycle.name]: referentialProposalLifecycle,
  [agreementLifecycle.name]: agreementLifecycle,
  [clubWishLifecycle.name]: clubWishLifecycle,
  [statementLifecycle.name]: statementLifecycle,
  [accessibilityReportLifecycle.name]: accessibilityReportLifecycle,
};
