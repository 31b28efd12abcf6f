import type { TxContext } from '../../lib/context.ts';
import { createItem } from '../board/board.service.ts';
import type { AgreementRow } from './agreements.queries.ts';

/**
 * An agreement the office's director has approved waits for the DDO's approval: it goes on the
 * governance board's agenda, drawn by the transition itself (in its transaction), as a national call's
 * selection is. One live item per agreement (board_items_agreement_key); the board's decision closes it.
 */
export async function putAgreementOnAgenda(tx: TxContext, agreement: AgreementRow) {
  await createItem(tx, 'board.addItem', {
    kind: 'agreement',
    title: `Convention « ${agreement.title} »`,
    reason:
      "Approuvée par le directeur de l'organisme, la convention attend l'approbation de la DDO " +
      `(période ${agreement.periodStart} à ${agreement.periodEnd}, plafond ${(agreement.ceilingCents / 100).toLocaleString('fr-FR')} €).`,
    agreementId: agreement.id,
  });
}
