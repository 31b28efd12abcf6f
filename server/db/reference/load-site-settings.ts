import type { Executor } from '../client.ts';
import { siteSettings } from '../schema.ts';

/**
 * What the legal notice says until an administrator edits it (/administration/parametres): what holds
 * for any installation in the network, from the letter LR-DDO-36-2018 — the Cnam runs the portal of the
 * MD23 programme, its Director General validated it, and AM Cloud, the national platform that hosts it,
 * is under the responsibility of the DDSI (§2.1.3). The Cnam's data protection officer is reached at its
 * address. Not known here, so left empty for the administrator: an identification number, the host's
 * telephone, the e-mail address for personal data requests (the demo fills in one, db/seed-demo.ts).
 */
const CNAM_ADDRESS = '50 avenue du Professeur André Lemierre\n75986 Paris Cedex 20';

export const DEFAULT_SITE_SETTINGS = {
  publisherName: "Caisse nationale de l'Assurance Maladie (Cnam)",
  publisherAddress: CNAM_ADDRESS,
  publisherIdentification: null,
  publicationDirector: "Le directeur général de la Caisse nationale de l'Assurance Maladie",
  hostName:
    "Caisse nationale de l'Assurance Maladie — Direction déléguée des systèmes d'information (DDSI), plateforme AM Cloud",
  hostAddress: CNAM_ADDRESS,
  hostPhone: null,
  dpoContact: `Délégué à la protection des données de la Cnam\n${CNAM_ADDRESS}`,
  dataRequestsEmail: null,
};

/** Writes the settings' one row when it is missing; never touches one an administrator edited. */
export async function loadSiteSettings(db: Executor) {
  const inserted = await db
    .insert(siteSettings)
    .values({ id: 1, ...DEFAULT_SITE_SETTINGS })
    .onConflictDoNothing()
    .returning({ id: siteSettings.id });
  return inserted.length;
}
