import type { SimilarKind } from '../../../common/schemas/similar.ts';
import { callSimilarSource, proposalSimilarSource } from '../calls/proposals/calls.similar-source.ts';
import { applicationSimilarSource } from '../catalog/similar/applications.similar-source.ts';
import { projectSimilarSource } from '../projects/projects.similar-source.ts';
import type { AnySimilarSource } from './similar-source.ts';

/** Every kind the search for similar items reads: one line per kind (similar-source.ts). */
export const SIMILAR_SOURCES: { readonly [K in SimilarKind]: AnySimilarSource & { kind: K } } = {
  application: applicationSimilarSource,
  project: projectSimilarSource,
  call: callSimilarSource,
  proposal: proposalSimilarSource,
};
