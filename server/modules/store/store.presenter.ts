import type { ApplicationPageDto } from '../../../common/schemas/application-search.ts';
import type { ReviewDto, StoreApplicationDto, StorePageDto } from '../../../common/schemas/store.ts';
import { STORE_CERTIFICATIONS } from '../../../common/store/vocabulary.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import type { Actor } from '../../lib/policy.ts';
import { presentOrganisationSummary } from '../organisations/organisations.presenter.ts';
import { formalitiesOf, supportLevels } from './store.mapper.ts';
import type { ReviewWithAuthor } from './store.queries.ts';
import type { StoreApplicationRead } from './store.service.ts';

type OrganisationRef = StoreApplicationDto['designerOrganisation'];
const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();
/** What the Store decides is not a choice: its facets keep only the certifications it holds, and no hosting. */
const STORE_FACET_VALUES: Partial<Record<keyof ApplicationPageDto['facets'], readonly string[]>> = {
  status: STORE_CERTIFICATIONS,
  track: ['labelling', 'homologation'],
  hosting: [],
};

/** The catalogue's page of the Store's search, with each card's rating and current version. */
export function presentStorePage(
  page: ApplicationPageDto,
  ratings: Map<string, { average: number | null; count: number }>,
  versions: Map<string, { number: string }>,
): StorePageDto {
  const facets = Object.fromEntries(
    Object.entries(page.facets).map(([facet, values]) => {
      const kept = STORE_FACET_VALUES[facet as keyof typeof STORE_FACET_VALUES];
      return [facet, kept ? values.filter((v) => kept.includes(v.value)) : values];
    }),
  ) as ApplicationPageDto['facets'];
  return {
    ...page,
    facets,
    items: page.items.map((item) => ({
      ...item,
      rating: ratings.get(item.id) ?? { average: null, count: 0 },
      currentVersion: versions.get(item.id)?.number ?? null,
    })),
  };
}

export function presentReview(row: ReviewWithAuthor, actor: Actor | null): ReviewDto {
  return {
    id: row.review.id,
    organisation: presentOrganisationSummary(row.organisation),
    author: row.author,
    rating: row.review.rating,
    comment: row.review.comment,
    version: row.review.version,
    createdAt: iso(row.review.createdAt),
    updatedAt: iso(row.review.updatedAt),
    mine: row.review.authorId === actor?.userId,
  };
}

export function presentStoreApplication(
  read: StoreApplicationRead,
  actor: Actor | null,
): StoreApplicationDto {
  const { sheet } = read;
  const ratings = read.reviews.map((r) => r.review.rating);
  const current = sheet.versions[0];
  return {
    id: sheet.id,
    code: sheet.code,
    name: sheet.name,
    summary: sheet.summary,
    descriptionHtml: renderMarkdown(sheet.description),
    domain: { code: sheet.domain.code, label: sheet.domain.label },
    designerOrganisation: presentOrganisationSummary(sheet.designer),
    track: sheet.track as StoreApplicationDto['track'],
    certificationStatus: sheet.certificationStatus as StoreApplicationDto['certificationStatus'],
    inStore: read.notInStore === null,
    notInStore: read.notInStore && {
      reason: read.notInStore,
      detail: read.withdrawal?.reason ?? null,
      at: read.withdrawal ? iso(read.withdrawal.at) : null,
    },
    certification: read.report && {
      reportId: read.report.id,
      reportNumber: read.report.number,
      versionLabel: read.report.versionLabel,
      signedAt: iso(read.report.signedAt),
    },
    currentVersion: current ? { number: current.number, releasedOn: current.releasedOn } : null,
    screenshots: read.screenshots,
    offices: read.offices.map((o) => ({ ...(o as OrganisationRef), tenant: o.tenant })),
    support: supportLevels(sheet.certificationStatus, sheet.designer.name),
    requirements: {
      connectors: sheet.connectors,
      personalData: sheet.personalData,
      personalDataCategories:
        sheet.personalDataCategories as StoreApplicationDto['requirements']['personalDataCategories'],
      cnilReference: sheet.cnilReference,
      formalities: formalitiesOf(sheet.personalData, sheet.connectors),
    },
    rating: {
      average: ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null,
      count: ratings.length,
    },
    reviews: read.reviews.map((r) => presentReview(r, actor)),
    can: read.can,
    myRequest: read.myRequest,
  };
}
