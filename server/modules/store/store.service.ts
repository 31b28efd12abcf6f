import type { ApplicationListQuery } from '../../../common/schemas/application-search.ts';
import type { ReviewBody, StoreQuery } from '../../../common/schemas/store.ts';
import { STORE_CERTIFICATIONS } from '../../../common/store/vocabulary.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { forbidden, notFound, staleVersion } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { findApplication } from '../catalog/applications/applications.queries.ts';
import { listApplications, type SearchPage } from '../catalog/search/search.service.ts';
import type { CatalogueSearch } from '../catalog/search/search.sync.ts';
import { notInStoreReason } from './store.mapper.ts';
import {
  certificationWithdrawal,
  certifyingReport,
  currentVersionsOf,
  findOfficeReview,
  insertReview,
  liveRequestOf,
  officeUses,
  ratingsOf,
  reviewsOf,
  screenshotsOf,
  storeOfficesOf,
  updateReview,
} from './store.queries.ts';

/** The catalogue query the Store asks: its filters, on AM Cloud, certified, archived sheets left out. */
export function catalogueQueryOf(query: StoreQuery): ApplicationListQuery {
  return { ...query, hosting: ['amCloud'], status: query.status ?? [...STORE_CERTIFICATIONS] };
}

/**
 * One page of the Store, searched by the catalogue's index (the same text search, facets and order),
 * then the ratings and current versions of the page's applications, read fresh (a review does not
 * change the catalogue, so they are not kept with the page).
 */
export async function listStore<T>(
  ctx: ServiceContext,
  catalogue: CatalogueSearch,
  query: StoreQuery,
  render: (page: SearchPage, catalogueQuery: ApplicationListQuery) => T & { items: { id: string }[] },
) {
  requireActor(ctx);
  const catalogueQuery = catalogueQueryOf(query);
  const page = await listApplications(ctx, catalogue, catalogueQuery, (p) => render(p, catalogueQuery));
  const ids = page.items.map((item) => item.id);
  const [ratings, versions] = await Promise.all([ratingsOf(ctx.db, ids), currentVersionsOf(ctx.db, ids)]);
  return { page, ratings, versions };
}

/** An application as the Store shows it — or, when it is not (or no longer) in the Store, why. */
export async function getStoreApplication(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'store.read');
  const sheet = await findApplication(ctx.db, id);
  if (!sheet) throw notFound('Application');
  const notInStore = notInStoreReason(sheet);
  const [report, withdrawal, offices, reviews, screenshots, uses, myRequest] = await Promise.all([
    certifyingReport(ctx.db, id),
    notInStore === 'certificationWithdrawn' ? certificationWithdrawal(ctx.db, id) : Promise.resolve(null),
    storeOfficesOf(ctx.db, id),
    reviewsOf(ctx.db, id),
    screenshotsOf(ctx.db, id),
    officeUses(ctx.db, id, actor.organisationId),
    liveRequestOf(ctx.db, id, actor.organisationId),
  ]);
  const officeReview = reviews.find((r) => r.review.organisationId === actor.organisationId);
  return {
    sheet,
    notInStore,
    withdrawal,
    report,
    offices,
    reviews,
    screenshots,
    myRequest,
    can: {
      request: notInStore === null && !myRequest && authorizer.can(actor, 'deploymentRequest.create'),
      review: uses && (!officeReview || officeReview.review.authorId === actor.userId),
    },
  };
}

/**
 * Writes the office's review of an application it uses, or edits it: one review per office, edited by
 * its author only (the version read, or 409), audited in the same transaction.
 */
export async function saveReview(ctx: ServiceContext, applicationId: string, body: ReviewBody) {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const sheet = await findApplication(tx.db, applicationId);
    if (!sheet) throw notFound('Application');
    if (!(await officeUses(tx.db, applicationId, actor.organisationId)))
      throw forbidden(
        "Seul un organisme qui utilise l'application peut la noter : déclarez d'abord son utilisation.",
      );
    const values = { rating: body.rating, comment: body.comment ?? '' };
    const existing = await findOfficeReview(tx.db, applicationId, actor.organisationId);
    if (existing && existing.authorId !== actor.userId)
      throw forbidden(
        "Votre organisme a déjà donné son avis : seule la personne qui l'a écrit peut le modifier.",
      );
    if (existing && body.version === undefined) throw staleVersion('review');
    const saved = existing
      ? await updateReview(tx.db, existing.id, body.version as number, values)
      : await insertReview(tx.db, {
          applicationId,
          organisationId: actor.organisationId,
          authorId: actor.userId,
          ...values,
        });
    if (!saved) throw staleVersion('review');
    await recordAudit(tx, {
      action: existing ? 'store.editReview' : 'store.review',
      targetType: 'application',
      targetId: applicationId,
      before: existing ? { rating: existing.rating, comment: existing.comment } : null,
      after: values,
    });
    return { created: !existing };
  });
}

export type StoreApplicationRead = Awaited<ReturnType<typeof getStoreApplication>>;
