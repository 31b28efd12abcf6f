import { attachmentRoutes } from '../../lib/attachment-routes.ts';
import {
  addProjectAttachment,
  assertMayAttach,
  getProjectAttachment,
  listProjectAttachments,
  removeProjectAttachment,
} from './attachments.service.ts';

/** Screenshots and documents of a project: the catalogue's storage and checks, the project's rules. */
export const projectAttachmentRoutes = attachmentRoutes({
  basePath: '/api/projects',
  tag: 'projects',
  actions: { read: 'project.read', update: 'project.update' },
  summaries: {
    list: "Les fichiers joints d'un projet, du plus ancien au plus récent",
    add: "Joindre une capture d'écran ou un document à un projet (multipart : « kind » puis « file »), 5 Mo au plus, type reconnu par son contenu",
    get: "Télécharger un fichier d'un projet (toujours en pièce jointe, type détecté à l’envoi)",
    remove: "Retirer un fichier d'un projet",
  },
  service: {
    assertMayAttach,
    list: listProjectAttachments,
    add: addProjectAttachment,
    get: getProjectAttachment,
    remove: removeProjectAttachment,
  },
});
