import { attachmentRoutes as subjectAttachmentRoutes } from '../../../lib/attachment-routes.ts';
import { assertMayEdit } from '../applications/applications.service.ts';
import { addAttachment, getAttachment, removeAttachment } from './attachments.service.ts';

/** Screenshots and documents of a sheet (the sheet's GET lists them). */
export const attachmentRoutes = subjectAttachmentRoutes({
  basePath: '/api/applications',
  tag: 'catalogue',
  actions: { read: 'application.read', update: 'application.update' },
  summaries: {
    add: "Joindre une capture d'écran ou un document (multipart : « kind » puis « file »), 5 Mo au plus, type reconnu par son contenu",
    get: 'Télécharger un fichier joint (toujours en pièce jointe, type détecté à l’envoi)',
    remove: "Retirer un fichier d'une fiche",
  },
  service: {
    assertMayAttach: assertMayEdit,
    add: addAttachment,
    get: (ctx, _authorizer, files, id, attachmentId) => getAttachment(ctx, files, id, attachmentId),
    remove: removeAttachment,
  },
});
