import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, signIn } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

const env = startServerAndBrowser();

async function fresh(): Promise<Page> {
  return newPage(env.browser);
}

describe('journeys in Chromium', () => {
  it('an agent logs in, lands home, filters the office directory by region, and logs out', async () => {
    const page = await fresh();
    await page.goto(`${env.server.url}/organismes`);
    // Not signed in: sent to the login page, then back where they wanted to go.
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.getByRole('button', { name: 'Remplir le formulaire avec agent.rhone@mutualis.demo' }).click();
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Annuaire des organismes' }).waitFor();

    await page.getByRole('link', { name: 'Accueil' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bonjour Antoine Martin' }).waitFor();
    expect(await page.getByText('CPAM du Rhône').count()).toBeGreaterThan(0);
    // The navigation offers what is built, and no part that is not (no "coming soon").
    const navigation = page.getByRole('navigation');
    expect(await navigation.getByRole('link', { name: 'Catalogue', exact: true }).count()).toBe(1);
    expect(await navigation.getByRole('link', { name: 'Projets en cours', exact: true }).count()).toBe(1);
    for (const unbuilt of ['Forge', 'Gouvernance']) {
      expect(await navigation.getByRole('link', { name: new RegExp(`^${unbuilt}`) }).count()).toBe(0);
    }
    // An agent is offered no administration.
    expect(await page.getByRole('link', { name: 'Utilisateurs' }).count()).toBe(0);

    await page.getByRole('navigation').getByRole('link', { name: 'Annuaire des organismes' }).click();
    await page.getByRole('combobox', { name: 'Région' }).click();
    await page.getByRole('option', { name: 'Bretagne' }).click();
    await page.waitForURL(/region=bretagne/);
    await page.getByRole('cell', { name: 'CPAM du Finistère' }).waitFor();
    const regions = await page.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(regions.length).toBeGreaterThan(3);
    expect(new Set(regions)).toEqual(new Set(['Bretagne']));
    await page.getByRole('searchbox', { name: 'Nom, ville ou code' }).fill('quimper');
    await page.waitForURL(/q=quimper/);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.goto(`${env.server.url}/`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.context().close();
  });

  it('an administrator creates a user and finds the creation in the audit trail', async () => {
    const page = await fresh();
    await signIn(page, env.server.url, 'admin@mutualis.demo');
    await page.getByRole('link', { name: 'Utilisateurs' }).click();
    await page.getByRole('button', { name: 'Créer un compte' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Adresse e-mail').fill('nadia.haddad@assurance-maladie.fr');
    await dialog.getByLabel('Nom').fill('Nadia Haddad');
    // A short password is refused by the server, in French, under the field.
    await dialog.getByRole('combobox', { name: 'Organisme' }).fill('Gironde');
    await page.getByRole('option', { name: 'CPAM de la Gironde (CPAM-33)' }).click();
    await dialog.getByRole('textbox', { name: 'Mot de passe initial' }).fill('trop court');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    // Under the field, and in the summary that links to it.
    await dialog
      .getByRole('link', { name: 'Le mot de passe doit compter au moins 12 caractères.' })
      .waitFor();
    await dialog.getByRole('textbox', { name: 'Mot de passe initial' }).fill('une longue phrase de passe');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await page.getByRole('status').getByText('Le compte de Nadia Haddad a été créé.').waitFor();
    await page.getByRole('row', { name: /Nadia Haddad/ }).waitFor();

    await page.getByRole('link', { name: "Journal d'audit" }).click();
    await page.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'Création de compte' }).click();
    const row = page.getByRole('row', { name: /Nadia Haddad/ }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Alice Administratrice');
    await row.getByText('Changement').click();
    await row.getByRole('cell', { name: 'nadia.haddad@assurance-maladie.fr', exact: true }).waitFor();
    expect(await row.textContent()).toContain('agent');

    // The new account works.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await signIn(page, env.server.url, 'nadia.haddad@assurance-maladie.fr', 'une longue phrase de passe');
    await page.context().close();
  });

  it('a deactivated user is signed out at once', async () => {
    const user = await newPage(env.browser);
    await signIn(user, env.server.url, 'dev.marseille@mutualis.demo');
    const admin = await fresh();
    await signIn(admin, env.server.url, 'admin@mutualis.demo');
    await admin.goto(`${env.server.url}/administration/utilisateurs`);
    await admin.getByRole('button', { name: 'Désactiver le compte Karim Benali' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Désactiver le compte' }).click();
    await admin.getByRole('button', { name: 'Réactiver le compte Karim Benali' }).waitFor();

    await user.getByRole('navigation').getByRole('link', { name: 'Annuaire des organismes' }).click();
    await user.getByRole('heading', { name: 'Connexion' }).waitFor();
    await user.context().close();
    await admin.context().close();
  });

  it('the DDO browses the audit trail; an office director sees the accounts of their office, read only', async () => {
    const ddo = await fresh();
    await signIn(ddo, env.server.url, 'ddo@mutualis.demo');
    expect(await ddo.getByRole('link', { name: 'Utilisateurs' }).count()).toBe(0);
    await ddo.getByRole('link', { name: "Journal d'audit" }).click();
    await ddo
      .getByRole('row', { name: /Déclaration d'une application/ })
      .first()
      .waitFor();
    const today = new Date().toISOString().slice(0, 10);
    await ddo.getByLabel('Du').fill('2000-01-01');
    await ddo.getByLabel('Au').fill('2000-01-02');
    await ddo.getByText('Aucun résultat ne correspond à ces critères.').waitFor();
    await ddo.getByLabel('Au').fill(today);
    // Sign-ins are left out of the trail until asked for.
    await ddo.getByRole('checkbox', { name: 'Masquer les connexions et déconnexions' }).uncheck();
    await ddo
      .getByRole('row', { name: /Connexion/ })
      .first()
      .waitFor();
    await ddo.context().close();

    const director = await fresh();
    await signIn(director, env.server.url, 'directeur.basrhin@mutualis.demo');
    await director.getByRole('link', { name: 'Utilisateurs' }).click();
    await director.getByText('Comptes de votre organisme (lecture seule).').waitFor();
    await director.locator('tbody tr td:nth-child(2)').first().waitFor();
    const offices = await director.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(new Set(offices)).toEqual(new Set(['CPAM-67']));
    expect(await director.getByRole('button', { name: /Modifier|Désactiver|Créer/ }).count()).toBe(0);
    await director.goto(`${env.server.url}/administration/journal`);
    await director.getByRole('heading', { level: 1, name: /^Bonjour/ }).waitFor();
    await director.context().close();
  });

  it('works with the keyboard alone: skip link, fields, submit with Enter, visible focus', async () => {
    const page = await fresh();
    await page.goto(`${env.server.url}/connexion`);
    // The page is loaded on demand: wait for its form before moving through it.
    await page.locator('input[type="email"]').waitFor();
    // The language switch comes first, then the form.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.getAttribute('type'))) === 'email') break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('email');
    await page.keyboard.type('ddo@mutualis.demo');
    await page.keyboard.press('Tab');
    await page.keyboard.type('mutualis-demo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Bonjour/ }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller au contenu' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');
    await page.context().close();
  });

  it('switches to English and remembers it', async () => {
    const page = await fresh();
    await signIn(page, env.server.url, 'sponsor@mutualis.demo');
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello Claire Dubois' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Hello Claire Dubois' }).waitFor();
    await page.context().close();
  });
});
