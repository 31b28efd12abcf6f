import { attachmentRoutes } from '../../lib/attachment-routes.ts';
import {
  addExecutionFile,
  assertMayAttachToExecution,
  getExecutionFile,
  removeExecutionFile,
} from './execution-files.service.ts';

/** Evidence files of an execution: the portal's file storage and checks, the campaign's testers. */
export const executionFileRoutes = attachmentRoutes({
  basePath: '/api/acceptance-executions',
  tag: 'acceptance',
  actions: { read: 'campaign.read', update: 'campaign.execute' },
  summaries: {
    add: "Joindre une preuve à l'exécution d'un cas de test (multipart : « kind » puis « file »), 5 Mo au plus, type reconnu par son contenu ; testeurs nommés, campagne en cours",
    get: "Télécharger une preuve d'exécution (toujours en pièce jointe, type détecté à l’envoi)",
    remove: "Retirer une preuve d'une exécution (testeurs nommés, campagne en cours)",
  },
  service: {
    assertMayAttach: assertMayAttachToExecution,
    add: addExecutionFile,
    get: getExecutionFile,
    remove: removeExecutionFile,
  },
});
