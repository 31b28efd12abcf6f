import type { CertificationStatus } from '../../../../common/catalog/vocabulary.ts';
import { AppError, type FieldError } from '../../../lib/errors.ts';
import type { ApplicationInput } from './applications.mapper.ts';

/** What makes an application valid beyond its schema; every refusal names its field, in French. */

/** Rules between fields that a schema cannot say alone; each error names its field. */
export function applicationRuleErrors(
  application: ApplicationInput,
  certification: CertificationStatus = application.certificationStatus ?? 'none',
): FieldError[] {
  const errors: FieldError[] = [];
  const { track } = application;
  // The track of a certified application follows its certification until that is withdrawn.
  const field = application.certificationStatus ? 'certificationStatus' : 'track';
  if (certification === 'labelled' && track !== 'labelling')
    errors.push({
      field,
      message:
        "L'application est labellisée : elle reste dans la filière labellisation tant que sa certification n'est pas retirée.",
    });
  if (certification === 'homologated' && track !== 'homologation')
    errors.push({
      field,
      message:
        "L'application est homologuée : elle reste dans la filière homologation tant que sa certification n'est pas retirée.",
    });
  if (certification === 'inProgress' && track !== 'labelling' && track !== 'homologation')
    errors.push({
      field,
      message: 'Une certification est en cours : la filière reste labellisation ou homologation.',
    });
  if (application.hosting === 'amCloud' && track === 'nonStandard')
    errors.push({
      field: 'hosting',
      message: "Une application hors standard n'est jamais hébergée sur AM Cloud.",
    });
  if (!application.personalData && application.personalDataCategories.length > 0)
    errors.push({
      field: 'personalDataCategories',
      message:
        'Des catégories de données personnelles sont indiquées alors que la fiche dit ne pas en traiter.',
    });
  const numbers = application.versions.map((v) => v.number);
  const duplicate = numbers.find((n, i) => numbers.indexOf(n) !== i);
  if (duplicate) errors.push({ field: 'versions', message: `La version ${duplicate} figure deux fois.` });
  return errors;
}

/** References to other tables: the domain and the offices must exist. */
export function referenceErrors(
  application: ApplicationInput,
  domains: Map<string, string>,
  offices: Map<string, { code: string; name: string }>,
) {
  const errors: FieldError[] = [];
  if (!domains.has(application.domainCode))
    errors.push({ field: 'domainCode', message: `Domaine métier inconnu : ${application.domainCode}.` });
  if (!offices.has(application.designerOrganisationId))
    errors.push({ field: 'designerOrganisationId', message: "L'organisme concepteur n'existe pas." });
  if (application.contributorOrganisationIds.some((id) => !offices.has(id)))
    errors.push({ field: 'contributorOrganisationIds', message: "Un organisme contributeur n'existe pas." });
  return errors;
}

export function invalidApplication(errors: FieldError[]) {
  return new AppError('badRequest', errors.map((e) => e.message).join(' '), { errors });
}
