import type { CertificationStatus } from '../../../../common/catalog/vocabulary.ts';
import {
  type ApplicationFacts,
  type ApplicationRecordState,
  applicationCertificationLifecycle,
  applicationRecordLifecycle,
} from '../../../../common/lifecycles/application.ts';
import type { LifecycleBinding } from '../../../lib/lifecycle.ts';
import {
  type ApplicationRow,
  applicationCertificationStore,
  applicationRecordStore,
} from './applications.queries.ts';

/** The subject of a sheet's lifecycles: its row (a detail read has more, the lifecycles read this). */
type Subject = Pick<
  ApplicationRow,
  'id' | 'designerOrganisationId' | 'track' | 'archivedAt' | 'certificationStatus' | 'version'
>;

const parties = (row: Subject) => ({ designerOffice: [row.designerOrganisationId] });
const facts = async (_ctx: unknown, rows: readonly Subject[]): Promise<ApplicationFacts[]> =>
  rows.map((row) => ({ track: row.track }));

/** Archive and restore: by those who write the sheet (its designer office's developers and director, DDSI, admins). */
export const applicationRecordBinding: LifecycleBinding<
  ApplicationRecordState,
  'archive' | 'restore',
  ApplicationFacts,
  Subject
> = {
  definition: applicationRecordLifecycle,
  notFoundLabel: 'Application',
  staleSubject: 'application',
  store: applicationRecordStore,
  idOf: (row) => row.id,
  parties,
  facts,
  snapshot: (row) => ({ archivedAt: row.archivedAt?.toISOString() ?? null, version: row.version }),
};

/** Certification: by the national accountant and the DDSI; labelled or homologated follows the track. */
export const applicationCertificationBinding: LifecycleBinding<
  CertificationStatus,
  'startCertification' | 'certify' | 'withdrawCertification',
  ApplicationFacts,
  Subject
> = {
  definition: applicationCertificationLifecycle,
  notFoundLabel: 'Application',
  staleSubject: 'application',
  store: applicationCertificationStore,
  idOf: (row) => row.id,
  parties,
  facts,
  snapshot: (row) => ({
    certificationStatus: row.certificationStatus,
    track: row.track,
    version: row.version,
  }),
};

export const APPLICATION_BINDINGS = [applicationRecordBinding, applicationCertificationBinding];
