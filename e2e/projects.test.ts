import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, signIn } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

const env = startServerAndBrowser();

async function signedIn(email: string): Promise<Page> {
  const page = await newPage(env.browser);
  await signIn(page, env.server.url, email);
  return page;
}

const TITLE = 'Gestion des congés';

describe('a project in progress, from its declaration to its development', () => {
  it('a developer declares a labelling project past a similar application, a sponsor backs it, another office joins it', async () => {
    // Léa Schmitt, developer at the CPAM du Bas-Rhin, declares the project.
    const holder = await signedIn('dev.basrhin@mutualis.demo');
    await holder.getByRole('navigation').getByRole('link', { name: 'Projets en cours' }).click();
    await holder.getByRole('heading', { level: 1, name: 'Projets en cours' }).waitFor();
    await holder.getByRole('link', { name: 'Déclarer un projet' }).click();
    await holder.getByRole('heading', { level: 1, name: 'Déclarer un projet' }).waitFor();
    await holder.getByRole('textbox', { name: 'Titre du projet' }).fill(TITLE);
    await holder.getByRole('textbox', { name: 'Le besoin' }).fill('Poser et valider les congés des agents.');
    // While typing, the catalogue's leave application is shown.
    await holder.getByRole('status').filter({ hasText: 'ressembl' }).waitFor();
    await holder.getByRole('link', { name: 'GesCongés' }).waitFor();
    await holder.getByRole('combobox', { name: 'Domaine métier' }).click();
    await holder.getByRole('option', { name: 'Ressources humaines' }).click();
    // The track helper: a national need points to labelling, with its obligations.
    await holder
      .getByRole('radiogroup', { name: /Le besoin est-il national/ })
      .getByRole('radio', { name: 'Oui' })
      .check();
    await holder.getByRole('button', { name: 'Choisir cette filière' }).click();
    expect(await holder.getByRole('radio', { name: 'Labellisation (§2.2.1)' }).isChecked()).toBe(true);
    await holder.getByRole('heading', { name: 'Obligations de la filière Labellisation' }).waitFor();
    await holder
      .getByRole('textbox', { name: 'Projet sur la Forge' })
      .fill('https://forge.assurance-maladie.fr/cpam-67/conges');
    // Not saved before the developer says it is not a duplicate.
    await holder.getByRole('button', { name: 'Déclarer le projet' }).click();
    await holder.getByText('Confirmez que votre projet n’est pas un doublon').waitFor();
    expect(holder.url()).toMatch(/\/projets\/nouveau$/);
    await holder.getByRole('checkbox', { name: /mon projet n’en est pas un doublon/ }).check();
    await holder.getByRole('button', { name: 'Déclarer le projet' }).click();
    await holder.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const projectUrl = holder.url();
    expect(projectUrl).toMatch(/\/projets\/[0-9a-f-]{36}$/);

    await holder.getByRole('button', { name: 'Demander un sponsor' }).click();
    const ask = holder.getByRole('dialog', { name: 'Demander un sponsor' });
    await ask.getByRole('combobox', { name: 'Direction nationale sollicitée' }).click();
    await holder.getByRole('option', { name: /DDGOS/ }).click();
    await ask
      .getByRole('textbox', { name: 'Présentation du projet à la direction' })
      .fill('Un outil commun de gestion des congés, développé sur la Forge pour tout le réseau.');
    await ask.getByRole('button', { name: 'Envoyer la demande' }).click();
    await holder.getByRole('status').filter({ hasText: 'Votre demande de sponsor a été envoyée' }).waitFor();

    // Claire Dubois, sponsor at the DDGOS, accepts it from her queue.
    const sponsor = await signedIn('sponsor@mutualis.demo');
    await sponsor.getByRole('navigation').getByRole('link', { name: 'Projets en cours' }).click();
    await sponsor.getByRole('link', { name: 'Demandes de sponsor' }).click();
    await sponsor.getByRole('heading', { level: 1, name: 'Demandes de sponsor' }).waitFor();
    await sponsor.getByText('En attente depuis aujourd’hui.').first().waitFor();
    await sponsor.getByRole('button', { name: `Accepter — ${TITLE}` }).click();
    const decision = sponsor.getByRole('dialog', { name: `Accepter de parrainer « ${TITLE} »` });
    await decision
      .getByRole('textbox', { name: 'Justification de la décision' })
      .fill('Besoin partagé par toutes les caisses : la DDGOS parraine.');
    await decision.getByRole('button', { name: 'Accepter' }).click();
    await sponsor
      .getByRole('status')
      .filter({ hasText: `Vous parrainez désormais « ${TITLE} »` })
      .waitFor();

    // The holder frames the project and starts its development.
    await holder.reload();
    const progress = holder.getByRole('region', { name: 'Avancement du projet' });
    await holder.getByText('Sponsor national accordé').waitFor();
    await progress.getByRole('button', { name: 'Passer au cadrage' }).click();
    await holder.getByRole('dialog').getByRole('button', { name: 'Passer au cadrage' }).click();
    await progress.getByRole('status').filter({ hasText: 'Nouvel état : Cadrage' }).waitFor();
    await progress.getByRole('button', { name: 'Lancer le développement' }).click();
    await holder.getByRole('dialog').getByRole('button', { name: 'Lancer le développement' }).click();
    await progress.getByRole('status').filter({ hasText: 'Nouvel état : Développement' }).waitFor();

    // Karim Benali, developer at the CPAM des Bouches-du-Rhône, starts declaring the same need, is
    // shown the project and joins it instead: the offer opens on its page.
    const other = await signedIn('dev.marseille@mutualis.demo');
    await other.goto(`${env.server.url}/projets/nouveau`);
    await other.getByRole('textbox', { name: 'Titre du projet' }).fill('Congés des agents');
    await other.getByRole('textbox', { name: 'Le besoin' }).fill('Gérer les demandes de congés des agents.');
    await other.getByRole('link', { name: new RegExp(`^Rejoindre plutôt ce projet.* ${TITLE}$`) }).click();
    await other.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expect.poll(() => other.url()).toBe(projectUrl);
    const offer = other.getByRole('dialog', { name: 'Proposer la participation de mon organisme' });
    await offer.getByRole('combobox', { name: 'Nature de la participation' }).click();
    await other.getByRole('option', { name: 'Capacité de développement' }).click();
    await offer
      .getByRole('textbox', { name: 'Message' })
      .fill('Deux développeurs PHP disponibles au premier trimestre.');
    await offer.getByRole('textbox', { name: 'Effort proposé (jours-personne)' }).fill('40');
    await offer.getByRole('button', { name: 'Envoyer la proposition' }).click();
    await other.getByRole('status').filter({ hasText: 'Votre proposition a été envoyée' }).waitFor();

    // The holder accepts: the office becomes a developer office of the project.
    await holder.reload();
    await holder
      .getByRole('button', { name: 'Accepter — CPAM des Bouches-du-Rhône, Capacité de développement' })
      .click();
    await holder.getByRole('dialog').getByRole('button', { name: 'Accepter' }).click();
    await holder
      .getByRole('status')
      .filter({ hasText: 'La proposition de CPAM des Bouches-du-Rhône est acceptée.' })
      .waitFor();
    await expect
      .poll(() => holder.getByRole('row', { name: /Organismes développeurs/ }).textContent())
      .toContain('CPAM des Bouches-du-Rhône');

    for (const page of [holder, sponsor, other]) await page.context().close();
  });
});
