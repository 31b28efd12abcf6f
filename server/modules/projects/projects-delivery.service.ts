import { createApplicationSchema } from '../../../common/schemas/application.ts';
import type { TxContext } from '../../lib/context.ts';
import { applicationInputOf } from '../catalog/applications/applications.mapper.ts';
import { findApplications } from '../catalog/applications/applications.queries.ts';
import { domainLabels, writeApplications } from '../catalog/applications/applications.service.ts';
import type { ProjectSubject } from './projects.queries.ts';

const SUMMARY_MAX = 200;
const summaryOf = (need: string) => {
  const line = need.replace(/\s+/g, ' ').trim();
  return line.length <= SUMMARY_MAX ? line : `${line.slice(0, SUMMARY_MAX - 1).trimEnd()}…`;
};

/**
 * Delivering a project creates its catalogue sheet, or updates the sheet it already has (a delivery
 * before, or the existing application of the transitional procedure): in production, on the project's
 * track unless the sheet is already certified, on AM Cloud when the project is meant for it. Through the
 * catalogue's one writer, in the transition's transaction, audited as any write of a sheet. Returns its id.
 */
export async function deliverToCatalogue(ctx: TxContext, project: ProjectSubject): Promise<string> {
  const domains = await domainLabels(ctx);
  const existingId = project.applicationId ?? project.transitionalApplicationId;
  const [current] = existingId ? await findApplications(ctx.db, [existingId], { forUpdate: true }) : [];
  if (current) {
    const stored = applicationInputOf(current);
    await writeApplications(
      ctx,
      [
        {
          input: {
            ...stored,
            lifecycleStage: 'inProduction',
            track: current.certificationStatus === 'none' ? project.track : stored.track,
            hosting: project.amStore ? 'amCloud' : stored.hosting,
            forgeUrl: stored.forgeUrl ?? project.forgeUrl,
          },
          current: { id: current.id, version: current.version },
        },
      ],
      { domains },
    );
    return current.id;
  }
  const input = createApplicationSchema.parse({
    name: project.title,
    summary: summaryOf(project.need),
    description: project.description,
    domainCode: project.domainCode,
    designerOrganisationId: project.holderOrganisationId,
    contributorOrganisationIds: project.developerOrganisationIds.filter(
      (id) => id !== project.holderOrganisationId,
    ),
    track: project.track,
    lifecycleStage: 'inProduction',
    hosting: project.amStore ? 'amCloud' : 'officeServer',
    forgeUrl: project.forgeUrl,
  });
  const [row] = await writeApplications(ctx, [{ input, current: null }], { domains });
  if (!row) throw new Error('delivered sheet not written');
  return row.id;
}
