import type { SimilarKind } from '../../../common/schemas/similar.ts';
import type { Executor } from '../../db/client.ts';

/** How a match is shown, whatever its kind. */
export interface SimilarHead {
  id: string;
  /** The item's code when its kind has one. */
  code: string | null;
  title: string;
  summary: string;
  office: { code: string; name: string };
}

/**
 * What one kind of item supplies to the search for similar items (POST /api/similar). Everything else —
 * the words, the measure, the ranking across kinds, the shared terms — is common
 * (similar-kinds.service.ts). A kind is added in one file implementing this and one line in
 * similar-sources.ts (and its name in SIMILAR_KINDS).
 */
export interface SimilarSource<Row = unknown> {
  readonly kind: SimilarKind;
  /**
   * The live items (not archived, not abandoned…) as of the latest committed change. The same array
   * while nothing changed: its identity is the version, and a new array makes the search build its
   * corpus again. So a source keeps its rows until its change feed says one moved (the applications
   * read `catalogue_changes`, search/search.changes.ts); it never reads them for every request.
   */
  live(db: Executor): Promise<readonly Row[]>;
  /** What the measure compares: the title (its words count as the name's) and the text of the need. */
  text(row: Row): { title: string; text: string };
  /** How a match is shown. */
  present(row: Row): SimilarHead;
}

/** A source of some row type, as the registry holds it. */
// biome-ignore lint/suspicious/noExplicitAny: each source keeps its own row type; the service only passes rows back.
export type AnySimilarSource = SimilarSource<any>;
