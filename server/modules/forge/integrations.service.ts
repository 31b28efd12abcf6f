import type { IntegrationStatusDto } from '../../../common/schemas/forge.ts';
import type { Integrations } from '../../integrations/index.ts';
import { requireActor, type ServiceContext } from '../../lib/context.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { integrationFigures } from './integrations.queries.ts';

/** The administrators' view: which systems are configured, how many subjects, the last sync, the errors. */
export async function getIntegrationStatus(
  ctx: ServiceContext,
  authorizer: Authorizer,
  integrations: Integrations,
): Promise<IntegrationStatusDto> {
  authorizer.authorize(requireActor(ctx), 'integration.read');
  const urls = {
    gitlab: integrations.gitlab?.url ?? null,
    jenkins: integrations.jenkins?.url ?? null,
    composer: integrations.composer?.url ?? null,
  };
  const items = [];
  for (const system of ['gitlab', 'jenkins', 'composer'] as const) {
    const figures = await integrationFigures(ctx.db, system);
    items.push({
      system,
      configured: urls[system] !== null,
      url: urls[system],
      linked: figures.linked,
      lastSyncAt: figures.lastSyncAt?.toISOString() ?? null,
      errors: figures.errors.map((e) => ({ ...e, at: e.at.toISOString() })),
    });
  }
  return { items };
}
