import type { SimilarSource } from '../../similar/similar-source.ts';
import type { ApplicationTextRow } from './similar.queries.ts';
import { applicationTexts } from './similar.service.ts';

/**
 * The catalogue's live sheets as a kind of the search for similar items: the rows the duplicate hint and
 * the redundancy clusters read, kept until the change log lists a change (similar.service.ts).
 */
export const applicationSimilarSource: SimilarSource<ApplicationTextRow> & { kind: 'application' } = {
  kind: 'application',
  live: async (db) => (await applicationTexts(db)).rows,
  text: (row) => ({ title: row.name, text: row.summary }),
  present: (row) => ({
    id: row.id,
    code: row.code,
    title: row.name,
    summary: row.summary,
    office: { code: row.organisation_code, name: row.organisation_name },
  }),
};
