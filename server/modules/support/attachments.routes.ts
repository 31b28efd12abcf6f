import { attachmentRoutes } from '../../lib/attachment-routes.ts';
import {
  addSupportAttachment,
  assertMayAttach,
  getSupportAttachment,
  removeSupportAttachment,
} from './attachments.service.ts';

/** Screenshots and documents of a ticket (its GET lists them): the portal's storage and checks. */
export const supportAttachmentRoutes = attachmentRoutes({
  basePath: '/api/support-tickets',
  tag: 'support',
  actions: { read: 'supportTicket.read', update: 'supportTicket.message' },
  summaries: {
    add: "Joindre une capture d'écran ou un document à un ticket vivant (multipart : « kind » puis « file »), 5 Mo au plus",
    get: "Télécharger un fichier d'un ticket (toujours en pièce jointe)",
    remove: "Retirer un fichier d'un ticket vivant",
  },
  service: {
    assertMayAttach,
    add: addSupportAttachment,
    get: getSupportAttachment,
    remove: removeSupportAttachment,
  },
});
