import { reportReference } from '../../../common/schemas/accessibility.ts';
import type { Mailer } from '../../integrations/mail.ts';
import type { OutboxHandler } from '../../jobs/outbox.ts';
import { escapeHtml } from '../notifications/notifications.templates.ts';
import { findReport } from './accessibility.queries.ts';

/** Sends the answer of a report to the address its sender gave, once the answer is committed. */
export function answerMailHandler(mailer: Mailer, publicUrl: string): OutboxHandler {
  return async (ctx, message) => {
    const report = await findReport(ctx.db, String(message.payload.reportId));
    if (!report?.answer) return;
    const reference = reportReference(report.id);
    const statement = `${publicUrl.replace(/\/$/, '')}/accessibilite`;
    const text = [
      'Bonjour,',
      '',
      `Vous nous avez signalé un problème d'accessibilité sur ${report.pageUrl} (référence ${reference}).`,
      'Voici notre réponse :',
      '',
      report.answer,
      '',
      "Si cette réponse ne vous satisfait pas, vous pouvez saisir le Défenseur des droits (voies de recours décrites dans la déclaration d'accessibilité) :",
      statement,
      '',
      "L'équipe Mutualis",
    ].join('\n');
    const html = text
      .split('\n\n')
      .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
      .join('\n');
    await mailer.send({
      to: report.email,
      subject: `Votre signalement d'accessibilité ${reference}`,
      text,
      html,
      messageId: `<outbox-${message.id}@mutualis>`,
    });
  };
}
