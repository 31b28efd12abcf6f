import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, newPage, signedInAt, VIEWS } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

/**
 * The accessibility statement and the multi-year plan, reached signed out from the login page's footer,
 * in French and English, on a wide screen and a phone, with no axe violation; a report sent signed out,
 * then answered by an administrator from the queue of the administration.
 */
const env = startServerAndBrowser();

const WORDS = {
  fr: {
    footer: 'Accessibilité : partiellement conforme',
    statement: "Déclaration d'accessibilité",
    status: /Mutualis est partiellement conforme avec le référentiel général/,
    rate: /révèle que [\d,]+ % des critères du RGAA version 4\.1 contrôlés sont respectés/,
    plan: 'Schéma pluriannuel de mise en accessibilité 2026–2028',
    remedy: 'Voies de recours',
  },
  en: {
    footer: 'Accessibility: partially compliant',
    statement: 'Accessibility statement',
    status: /Mutualis is partially compliant with the French accessibility framework/,
    rate: /shows that [\d.]+ % of the RGAA 4\.1 criteria checked are met/,
    plan: '2026–2028 multi-year accessibility plan',
    remedy: 'Remedies',
  },
} as const;

async function signedOutAt(width: number, language: 'fr' | 'en') {
  const page = await newPage(env.browser);
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${env.server.url}/connexion`);
  await page.evaluate((lang) => localStorage.setItem('mutualis.language', lang), language);
  await page.reload();
  return page;
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

describe('accessibility statement', () => {
  for (const { width, language } of VIEWS) {
    it(`is reached signed out from the login page's footer, with the plan (${language}, ${width} px)`, async () => {
      const words = WORDS[language];
      const page = await signedOutAt(width, language);
      await page.getByRole('contentinfo').getByRole('link', { name: words.footer }).click();
      await heading(page, words.statement).waitFor();
      expect(new URL(page.url()).pathname).toBe('/accessibilite');
      await expect.poll(() => page.getByText(words.status).count()).toBe(1);
      expect(await page.getByText(words.rate).count()).toBe(1);
      expect(await page.getByRole('heading', { level: 2, name: words.remedy }).count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await expectAccessible(page, `accessibilite-${language}-${width}`);

      await page.getByRole('main').getByRole('link', { name: words.plan }).click();
      await heading(page, words.plan).waitFor();
      expect(new URL(page.url()).pathname).toBe('/accessibilite/schema-pluriannuel');
      expect(await page.getByRole('table').count()).toBe(3);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await expectAccessible(page, `schema-pluriannuel-${language}-${width}`);
      await page.context().close();
    });
  }

  it('takes a report signed out, and an administrator answers it from the queue', async () => {
    const page = await signedOutAt(1280, 'fr');
    await page.goto(`${env.server.url}/accessibilite`);
    const form = page.getByRole('form', { name: 'Signaler un problème d’accessibilité' });
    await form
      .getByRole('textbox', { name: /Adresse de la page concernée/ })
      .fill(`${env.server.url}/catalogue`);
    await form
      .getByRole('textbox', { name: /Description du problème/ })
      .fill('Le filtre par domaine ne se ferme pas avec la touche Échap.');
    await form.getByRole('button', { name: 'Envoyer le signalement' }).click();
    // Signed out, the e-mail is required: the summary names it, with a link to the field.
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.textContent()).toContain('Indiquez votre adresse e-mail');
    await expectAccessible(page, 'accessibilite-erreur');
    await form.getByRole('textbox', { name: /Votre adresse e-mail/ }).fill('usager@exemple.fr');
    await form.getByRole('button', { name: 'Envoyer le signalement' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Signalement envoyé sous la référence' });
    await status.waitFor();
    const reference = /A11Y-[0-9A-F]{8}/.exec((await status.textContent()) ?? '')?.[0] as string;
    expect(reference).toBeTruthy();
    expect(await status.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'accessibilite-envoye');
    await page.context().close();

    const admin = await signedInAt(env.browser, env.server.url, 'admin@mutualis.demo');
    await admin
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Accessibilité' })
      .click();
    await heading(admin, "Signalements d'accessibilité").waitFor();
    await admin.getByRole('link', { name: `Ouvrir le signalement ${reference}` }).click();
    await heading(admin, `Signalement d’accessibilité ${reference}`).waitFor();
    expect(await admin.getByText('usager@exemple.fr').count()).toBeGreaterThan(0);
    await expectAccessible(admin, 'signalement-admin');

    await admin.getByRole('button', { name: 'Prendre en charge' }).click();
    let dialog = admin.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Prendre en charge' }).click();
    await dialog.waitFor({ state: 'detached' });
    await admin.getByRole('button', { name: 'Répondre' }).click();
    dialog = admin.getByRole('dialog');
    await dialog
      .getByRole('textbox', { name: /Réponse envoyée à la personne/ })
      .fill('Merci : le filtre se ferme désormais avec Échap.');
    await dialog.getByRole('button', { name: 'Répondre' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => admin.getByRole('heading', { level: 2, name: 'Réponse' }).count()).toBe(1);
    // The answer is kept on the report and in its history.
    expect(await admin.getByText('Merci : le filtre se ferme désormais avec Échap.').count()).toBe(2);
    await expect.poll(() => admin.getByRole('button', { name: 'Clore', exact: true }).count()).toBe(1);
    await expectAccessible(admin, 'signalement-repondu');
  });
});
