import type { NotInStoreReason } from '../../../common/store/vocabulary.ts';

/**
 * Why a sheet is not in the Store, or null when it is: the Store holds the sheets certified (labelled or
 * homologated — so never a non-standard one, whose track cannot be certified) and hosted on AM Cloud.
 */
export function notInStoreReason(sheet: {
  archivedAt: Date | null;
  certificationStatus: string;
  hosting: string;
}): NotInStoreReason | null {
  if (sheet.archivedAt) return 'archived';
  if (sheet.certificationStatus === 'withdrawn') return 'certificationWithdrawn';
  if (sheet.certificationStatus !== 'labelled' && sheet.certificationStatus !== 'homologated')
    return 'notCertified';
  if (sheet.hosting !== 'amCloud') return 'notOnAmCloud';
  return null;
}

/** Support of an application of the Store: level 1 by the CSN for a labelled one, level 2 by its designer. */
export function supportLevels(certification: string, designerName: string) {
  const designer = {
    level: 2,
    organisation: designerName,
    label: 'Support de niveau 2 : organisme concepteur',
  };
  if (certification === 'labelled')
    return [
      { level: 1, organisation: 'Centre de services national (CSN)', label: 'Support de niveau 1 : CSN' },
      designer,
    ];
  return [{ ...designer, level: 1, label: 'Support de niveaux 1 et 2 : organisme concepteur' }];
}

/** What an office must complete before asking for an application that processes personal data. */
export function formalitiesOf(personalData: boolean, connectors: readonly string[]) {
  const formalities: string[] = [];
  if (personalData)
    formalities.push(
      'Informer le délégué à la protection des données (DPO) de votre organisme',
      'Inscrire le traitement au registre des traitements de votre organisme',
      'Accomplir les formalités CNIL (analyse d’impact si nécessaire)',
    );
  if (connectors.length > 0)
    formalities.push(`Ouvrir les flux vers les connecteurs utilisés : ${connectors.join(', ')}`);
  return formalities;
}
