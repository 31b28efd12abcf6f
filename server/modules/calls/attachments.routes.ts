import { attachmentRoutes } from '../../lib/attachment-routes.ts';
import {
  addCallAttachment,
  assertMayAttachToCall,
  getCallAttachment,
  listCallAttachments,
  removeCallAttachment,
} from './attachments.service.ts';

/** The documents of a call: the catalogue's storage and checks, the call's rules. */
export const callAttachmentRoutes = attachmentRoutes({
  basePath: '/api/calls',
  tag: 'calls',
  actions: { read: 'call.read', update: 'call.update' },
  summaries: {
    list: "Les documents d'un appel (cahier des charges, modèles de réponse), du plus ancien au plus récent",
    add: "Joindre un document à un appel (multipart : « kind » puis « file »), 5 Mo au plus, type reconnu par son contenu — l'émetteur",
    get: "Télécharger un document d'un appel (toujours en pièce jointe)",
    remove: "Retirer un document d'un appel — l'émetteur",
  },
  service: {
    assertMayAttach: assertMayAttachToCall,
    list: listCallAttachments,
    add: addCallAttachment,
    get: getCallAttachment,
    remove: removeCallAttachment,
  },
});
