import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, parisDay } from '../common/support/service-targets.ts';
import { formatDay } from '../web/src/components/dates.ts';
import { accessibilityViolations, postAs, settledDialog, signedInAt, VIEWS } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

/**
 * Support in the browser: a developer of the Grand Est asks for a place at a full training session, is
 * wait-listed, gets the place another leaves, is marked present (trained), then asks the starter kit's
 * support; the region's referent escalates, the national team resolves and makes the ticket a referential
 * proposal. An agent reports a problem on a homologated application; its designer office answers and
 * resolves. Axe on the queues and a ticket, at 1280 and 390 px, in French and English.
 */
const env = startServerAndBrowser();
/** Where the screenshots go, when asked for (MUTUALIS_SCREENSHOTS). */
const SHOTS = process.env.MUTUALIS_SCREENSHOTS;
const signedIn = (email: string, width = 1280) => signedInAt(env.browser, env.server.url, email, width);
/** A three-day session that ends today: its attendance is marked and it is completed at once. */
const twoDaysAgo = () => new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);

async function clean(page: Page) {
  await page.waitForLoadState('networkidle');
  expect(await accessibilityViolations(page)).toEqual([]);
}

/** Fires a lifecycle transition from the ticket page: its button, then the dialog's field and confirmation. */
async function fire(page: Page, name: string, text: string) {
  await page.getByRole('button', { name, exact: true }).click();
  const dialog = await settledDialog(page);
  await dialog.getByRole('textbox').fill(text);
  await dialog.getByRole('button', { name, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function developerOfHautRhin(admin: Page, email: string, displayName: string) {
  const offices = await (await admin.request.get(`${env.server.url}/api/organisations?q=Haut-Rhin`)).json();
  return postAs(admin, env.server.url, '/api/users', {
    email,
    displayName,
    organisationId: offices.items[0].id,
    roles: ['developer'],
    password: 'mutualis-demo',
  });
}

const PREREQUISITES = { php: true, symfony: true, versioning: true, symfonyUsed: true };

describe('support journeys', () => {
  it('a developer is trained through the waiting list, asks the starter kit; the referent escalates, the national team resolves', async () => {
    const admin = await signedIn('admin@mutualis.demo');
    const first = await developerOfHautRhin(admin, 'ines.weber@mutualis.demo', 'Inès Weber');
    await developerOfHautRhin(admin, 'hugo.keller@mutualis.demo', 'Hugo Keller');

    // The Grand Est's referent has a one-place session that ends today; Inès took the place.
    const referent = await signedIn('dev.basrhin@mutualis.demo');
    const session = await postAs(referent, env.server.url, '/api/training-sessions', {
      region: 'grand-est',
      title: 'Starter kit PHP — session express',
      mode: 'remote',
      startsOn: twoDaysAgo(),
      capacity: 1,
    });
    const ines = await signedIn('ines.weber@mutualis.demo');
    await postAs(ines, env.server.url, '/api/training-requests', {
      developerId: first.id,
      sessionId: session.id,
      prerequisites: PREREQUISITES,
    });

    // Hugo asks through the session's page: the session is full, he is on the waiting list.
    const hugo = await signedIn('hugo.keller@mutualis.demo');
    await hugo.goto(`${env.server.url}/communaute/formations/${session.id}`);
    await hugo.getByRole('heading', { level: 1, name: 'Starter kit PHP — session express' }).waitFor();
    for (const box of [/formé à PHP/, /formé à Symfony/, /gestion de versions/])
      await hugo.getByRole('checkbox', { name: box }).check();
    await hugo.getByRole('button', { name: 'Demander une place' }).click();
    const hugoRow = (page: Page) => page.getByRole('row').filter({ hasText: 'Hugo Keller' });
    await hugoRow(hugo).getByText('En liste d’attente').waitFor();

    // Inès's place is cancelled by the referent: Hugo gets it, is marked present, and the completed
    // session makes him trained.
    await referent.goto(`${env.server.url}/communaute/formations/${session.id}`);
    await referent.getByRole('button', { name: 'Annuler Inès Weber' }).click();
    await hugoRow(referent).getByRole('button', { name: 'Présent Hugo Keller' }).click();
    await hugoRow(referent).getByText('Présent', { exact: true }).waitFor();
    await referent.getByRole('button', { name: 'Clore la session', exact: true }).click();
    const closing = await settledDialog(referent);
    await closing.getByRole('button', { name: 'Clore la session', exact: true }).click();
    await closing.waitFor({ state: 'hidden' });

    // Hugo asks the starter kit's support: the ticket goes to the CPAM du Bas-Rhin, due in two working days.
    await hugo.goto(`${env.server.url}/support`);
    await hugo
      .getByRole('textbox', { name: 'Objet' })
      .fill('Les traductions du starter kit ne se chargent pas');
    await hugo
      .getByRole('textbox', { name: 'Description du problème' })
      .fill('Les fichiers messages.fr.yaml du starter kit sont ignorés en production.');
    // The answer is due at the end of a day of Paris: the page names that day, not 23:00 of a UTC browser.
    const dueDays = () => formatDay(addWorkingDays(parisDay(new Date()), 2), 'fr');
    const dueBefore = dueDays();
    await hugo.getByRole('button', { name: 'Ouvrir le ticket' }).click();
    await hugo
      .getByRole('heading', { level: 1, name: 'Les traductions du starter kit ne se chargent pas' })
      .waitFor();
    const target = hugo.getByRole('row', { name: /Objectif du niveau 1/ });
    await target.getByText(/Réponse due au plus tard le/).waitFor();
    expect(
      [dueBefore, dueDays()].map((day) => `Réponse due au plus tard le ${day} — pas encore de réponse`),
    ).toContain((await target.getByRole('cell').last().textContent())?.trim());
    const ticketUrl = hugo.url();

    await referent.goto(`${env.server.url}/support`);
    await referent.getByRole('link', { name: 'Les traductions du starter kit ne se chargent pas' }).click();
    await fire(
      referent,
      'Escalader à l’équipe nationale',
      'Le cache de traduction semble en cause : pour vous.',
    );
    await referent.getByText('Escaladé (niveau 2)').first().waitFor();

    const ddsi = await signedIn('ddsi@mutualis.demo');
    await ddsi.goto(ticketUrl);
    await fire(ddsi, 'Résoudre (équipe nationale)', 'Videz le cache (cache:clear) après le déploiement.');
    await ddsi.getByText('Résolu', { exact: true }).first().waitFor();
    await ddsi.getByRole('button', { name: 'Proposer au référentiel' }).click();
    await ddsi.getByRole('link', { name: 'Proposition de page au référentiel issue de ce ticket' }).click();
    await ddsi.getByText('Les traductions du starter kit ne se chargent pas').first().waitFor();

    await hugo.reload();
    await hugo.getByRole('cell', { name: 'Videz le cache (cache:clear) après le déploiement.' }).waitFor();

    // In the queue, the resolved ticket waits no more: a dash, and no « depuis le … » under it.
    await ddsi.goto(`${env.server.url}/support`);
    const row = ddsi
      .getByRole('row')
      .filter({ hasText: 'Les traductions du starter kit ne se chargent pas' });
    await row.getByText('Résolu', { exact: true }).waitFor();
    expect(await row.getByRole('cell').nth(4).textContent()).toBe('—');
  }, 240_000);

  it('an agent reports a problem on a homologated application; the designer office answers and resolves', async () => {
    const agent = await signedIn('agent.rhone@mutualis.demo');
    await agent.goto(`${env.server.url}/support`);
    await agent.getByRole('combobox', { name: 'Application' }).click();
    await agent.getByRole('option', { name: 'Tableau de bord de production' }).click();
    await agent.getByRole('textbox', { name: 'Objet' }).fill('Les graphiques ne s’affichent plus');
    await agent
      .getByRole('textbox', { name: 'Description du problème' })
      .fill('Depuis ce matin, la page des graphiques reste blanche pour toute notre caisse.');
    await agent.getByRole('button', { name: 'Ouvrir le ticket' }).click();
    await agent.getByRole('heading', { level: 1, name: 'Les graphiques ne s’affichent plus' }).waitFor();
    const ticketUrl = agent.url();

    // The designer office, the CPAM du Bas-Rhin, is level 1 of its homologated application.
    const designer = await signedIn('dev.basrhin@mutualis.demo');
    await designer.goto(ticketUrl);
    await designer
      .getByRole('textbox', { name: 'Votre message' })
      .fill('Reproduit : un correctif part cet après-midi.');
    const messages = (page: Page) => page.getByRole('region', { name: 'Échanges' });
    await messages(designer).getByRole('button', { name: 'Envoyer' }).click();
    await messages(designer).getByText('Reproduit : un correctif part cet après-midi.').waitFor();
    await fire(designer, 'Résoudre', 'Correctif 2.4.1 déployé.');

    await agent.reload();
    await agent.getByRole('cell', { name: 'Correctif 2.4.1 déployé.' }).waitFor();
    await messages(agent).getByText('Reproduit : un correctif part cet après-midi.').waitFor();
  }, 180_000);
});

describe('accessibility of the support pages (axe, WCAG 2.1 AA)', () => {
  for (const { width, language } of VIEWS)
    it(`at ${width} px in ${language}: the queues with late tickets, a ticket with its targets`, async () => {
      const page = await signedIn('dev.basrhin@mutualis.demo', width);
      await page.evaluate((lang) => localStorage.setItem('mutualis.language', lang), language);
      await page.goto(`${env.server.url}/support`);
      const late = page.getByText(language === 'fr' ? 'En retard' : 'Late', { exact: true }).first();
      await late.waitFor();
      await clean(page);
      await page
        .getByRole('checkbox', { name: language === 'fr' ? 'En retard seulement' : 'Late only' })
        .check();
      await page
        .getByRole('link', { name: 'Le générateur de formulaires ignore les contraintes de validation' })
        .click();
      await page.getByRole('heading', { level: 1, name: /Le générateur de formulaires/ }).waitFor();
      await clean(page);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/support-ticket-${width}.png`, fullPage: true });
      await page.goto(`${env.server.url}/support`);
      await late.waitFor();
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/support-queue-${width}.png`, fullPage: true });
    }, 120_000);
});
