import { count, inArray } from 'drizzle-orm';
import {
  type DeploymentState,
  type Environment,
  REMOVED_DATA_RETENTION_DAYS,
} from '../../../common/store/vocabulary.ts';
import { refreshUsageCounts } from '../../modules/catalog/usages/usages.queries.ts';
import type { Database } from '../client.ts';
import {
  applications,
  applicationUsages,
  auditEvents,
  deploymentRequests,
  organisations,
  storeReviews,
  tenants,
  users,
} from '../schema.ts';
import { CANCELLED, DEMO_REQUESTS, ENDINGS, PATH, REVIEWS } from './store-data.ts';

const DAY = 86_400_000;
const environmentsOf = (users: number): Environment[] =>
  users > 100 ? ['production', 'preproduction', 'training'] : ['production'];

/**
 * The demo's deployment requests in every state, with their history in the audit trail (the timeline),
 * the tenants of those validated and beyond, the usages of the live ones, and a few reviews. Only on a
 * database without any request.
 */
export async function seedDemoStore(db: Database): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(deploymentRequests);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const all = [...DEMO_REQUESTS, CANCELLED];
  const codes = [...new Set(all.map((r) => r.app))];
  const apps = new Map(
    (
      await db
        .select({ id: applications.id, code: applications.code })
        .from(applications)
        .where(inArray(applications.code, codes))
    ).map((a) => [a.code, a.id]),
  );
  const offices = new Map(
    (await db.select({ id: organisations.id, code: organisations.code }).from(organisations)).map((o) => [
      o.code,
      o.id,
    ]),
  );
  const people = new Map(
    (await db.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]),
  );
  if (apps.size < codes.length || !people.has('ddsi@mutualis.demo')) return { created: 0 };
  const actorOf = (by: string, requester: string, office: string) =>
    by === 'requester'
      ? (people.get(requester) ?? null)
      : by === 'ddsi'
        ? (people.get('ddsi@mutualis.demo') ?? null)
        : by === 'director'
          ? (people.get(
              office === 'CPAM-67' ? 'directeur.basrhin@mutualis.demo' : 'directeur.rhone@mutualis.demo',
            ) ?? null)
          : null;
  const now = Date.now();
  return db.transaction(async (tx) => {
    let n = 0;
    for (const demo of all) {
      n += 1;
      const created = new Date(now - demo.daysAgo * DAY);
      const requester = people.get(demo.requester) as string;
      const organisationId = offices.get(demo.office) as string;
      const ending = ENDINGS[demo.state];
      const lastOnPath = ending ? ending.from : demo.state;
      const steps = PATH.slice(0, PATH.findIndex((p) => p.to === lastOnPath) + 1);
      const [row] = await tx
        .insert(deploymentRequests)
        .values({
          reference: `DMD-${created.getUTCFullYear()}-${String(n).padStart(4, '0')}`,
          applicationId: apps.get(demo.app) as string,
          organisationId,
          requestedBy: requester,
          state: demo.state,
          expectedUsers: demo.users,
          wantedOn: new Date(created.getTime() + 45 * DAY).toISOString().slice(0, 10),
          environments: environmentsOf(demo.users),
          dataProtection: {
            dpoInformed: true,
            processingRegisterUpdated: true,
            cnilFormalitiesDone: true,
            comment: '',
          },
          version: steps.length + (ending ? 2 : 1),
          createdAt: created,
          updatedAt: new Date(created.getTime() + (steps.length + (ending ? 1 : 0)) * DAY),
        })
        .returning();
      if (!row) continue;
      const history = [
        ...steps.map((s) => ({ ...s, input: {} as Record<string, string | boolean> })),
        ...(ending
          ? [{ transition: ending.transition, to: demo.state, by: ending.by, input: ending.input }]
          : []),
      ];
      let from: DeploymentState = 'draft';
      for (const [k, step] of history.entries()) {
        const actor = actorOf(step.by, demo.requester, demo.office);
        await tx.insert(auditEvents).values({
          occurredAt: new Date(created.getTime() + (k + 1) * DAY),
          actorUserId: actor,
          actorKind: step.by === 'system' ? 'system' : 'user',
          action: `deploymentRequest.${step.transition}`,
          targetType: 'deploymentRequest',
          targetId: row.id,
          details: {
            lifecycle: 'deploymentRequest',
            transition: step.transition,
            from,
            to: step.to,
            input: step.input,
            ...(step.by === 'system' ? { job: 'provisioning' } : {}),
          },
        });
        from = step.to;
      }
      const afterLive = ['suspended', 'removed'].includes(demo.state);
      if (
        !['validated', 'provisioning', 'available', 'provisioningFailed'].includes(demo.state) &&
        !afterLive
      )
        continue;
      const live = demo.state === 'available' || afterLive;
      const ended = new Date(created.getTime() + 6 * DAY);
      await tx.insert(tenants).values({
        requestId: row.id,
        applicationId: row.applicationId,
        organisationId,
        environments: row.environments,
        declaredUsers: row.expectedUsers,
        status: afterLive
          ? (demo.state as 'suspended' | 'removed')
          : live
            ? 'live'
            : demo.state === 'provisioningFailed'
              ? 'failed'
              : demo.state === 'provisioning'
                ? 'provisioning'
                : 'requested',
        idempotencyKey: `tenant-${row.id}`,
        externalId: demo.state === 'validated' ? null : `amc-demo-${n}`,
        accessUrl: live
          ? `https://${demo.app.toLowerCase()}.amcloud.cnam.fr/${demo.office.toLowerCase()}`
          : null,
        lastError:
          demo.state === 'provisioningFailed' ? String(ENDINGS.provisioningFailed?.input.reason ?? '') : null,
        liveAt: live ? new Date(created.getTime() + 5 * DAY) : null,
        suspendedAt: demo.state === 'suspended' ? ended : null,
        ...(demo.state === 'removed'
          ? {
              removedAt: ended,
              exportRequested: true,
              dataExportUrl: `https://exports.amcloud.cnam.fr/${demo.app.toLowerCase()}/${demo.office.toLowerCase()}.zip`,
              dataRetainedUntil: new Date(ended.getTime() + REMOVED_DATA_RETENTION_DAYS * DAY),
            }
          : {}),
        createdAt: new Date(created.getTime() + 3 * DAY),
      });
      // A removed tenant's office no longer uses the application.
      if (live && demo.state !== 'removed')
        await tx
          .insert(applicationUsages)
          .values({
            applicationId: row.applicationId,
            organisationId,
            userCount: row.expectedUsers,
            comment: `Locataire AM Cloud (${row.reference})`,
            declaredBy: requester,
          })
          .onConflictDoNothing();
    }
    for (const review of REVIEWS)
      await tx.insert(storeReviews).values({
        applicationId: apps.get(review.app) as string,
        organisationId: offices.get(review.office) as string,
        authorId: people.get(review.author) as string,
        rating: review.rating,
        comment: review.comment,
      });
    // The usage counts follow the usages written here.
    await refreshUsageCounts(tx, [...apps.values()]);
    return { created: all.length };
  });
}
