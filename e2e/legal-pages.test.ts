import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, newPage, signIn, VIEWS } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

/**
 * The legal notice and the personal data page: reached from the footer of the login page (signed out)
 * and of the portal (signed in), in French and English, on a desktop and a phone, with no axe
 * violation; an administrator's change of the director of publication shows on the legal notice.
 */
const env = startServerAndBrowser();

const PAGES = {
  fr: [
    {
      link: 'Mentions légales',
      heading: 'Mentions légales',
      text: 'Directeur ou directrice de la publication',
    },
    { link: 'Données personnelles', heading: 'Données personnelles', text: 'mutualis_session' },
  ],
  en: [
    { link: 'Legal notice', heading: 'Legal notice', text: 'Director of publication' },
    { link: 'Personal data', heading: 'Personal data', text: 'mutualis_session' },
  ],
} as const;

const pageWidth = (page: Page) => page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);

/** A new page at this width, in this language (the switch's stored choice). */
async function pageIn(language: 'fr' | 'en', width: number) {
  const page = await newPage(env.browser);
  await page.setViewportSize({ width, height: 900 });
  await page.addInitScript((lang) => localStorage.setItem('mutualis.language', lang), language);
  return page;
}

/** Follows each footer link from `start` and checks the page it opens. */
async function followFooterLinks(page: Page, start: string, language: 'fr' | 'en', name: string) {
  for (const target of PAGES[language]) {
    await page.goto(`${env.server.url}${start}`);
    const footer = page.getByRole('contentinfo');
    await footer.getByRole('link', { name: target.link, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: target.heading }).waitFor();
    await page.getByText(target.text).first().waitFor();
    await expectAccessible(page, `${name}-${target.link}`);
    // Nothing wider than the screen (a phone scrolls only downwards).
    expect(await pageWidth(page)).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
  }
}

describe('the legal pages, without signing in', () => {
  for (const { width, language } of VIEWS) {
    it(`are reached from the login page's footer (${language}, ${width} px)`, async () => {
      const page = await pageIn(language, width);
      await followFooterLinks(page, '/connexion', language, `legal-signed-out-${language}-${width}`);
      // The public frame offers the way in.
      await page
        .getByRole('link', { name: language === 'fr' ? 'Se connecter' : 'Sign in' })
        .first()
        .waitFor();
      await page.context().close();
    }, 120_000);
  }
});

describe('the legal pages, signed in', () => {
  for (const { width, language } of VIEWS) {
    it(`are reached from the portal's footer (${language}, ${width} px)`, async () => {
      const page = await pageIn('fr', width);
      await signIn(page, env.server.url, 'agent.rhone@mutualis.demo');
      await page.evaluate((lang) => localStorage.setItem('mutualis.language', lang), language);
      await page.addInitScript((lang) => localStorage.setItem('mutualis.language', lang), language);
      await followFooterLinks(page, '/', language, `legal-signed-in-${language}-${width}`);
      await page
        .getByRole('link', { name: language === 'fr' ? 'Retour au portail' : 'Back to the portal' })
        .waitFor();
      await page.context().close();
    }, 120_000);
  }
});

describe('the site settings', () => {
  it('an administrator changes the director of publication, and the legal notice shows it', async () => {
    const page = await pageIn('fr', 1280);
    await signIn(page, env.server.url, 'admin@mutualis.demo');
    await page.getByRole('navigation').getByRole('link', { name: 'Paramètres du site' }).click();
    await page.getByRole('heading', { level: 1, name: 'Paramètres du site' }).waitFor();
    await expectAccessible(page, 'site-settings-admin');
    const director = page.getByRole('textbox', { name: 'Directeur ou directrice de la publication' });
    await director.fill('Mme Claire Martin, directrice de la publication');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').filter({ hasText: 'Les paramètres du site sont enregistrés' }).waitFor();

    // An empty required field is refused, naming it, and nothing changes.
    await director.fill('');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'directeur de la publication est obligatoire' })
      .first()
      .waitFor();
    await expectAccessible(page, 'site-settings-refused');

    const reader = await pageIn('fr', 390);
    await reader.goto(`${env.server.url}/mentions-legales`);
    await reader.getByText('Mme Claire Martin, directrice de la publication').waitFor();
    await reader.context().close();
    await page.context().close();
  }, 120_000);

  it('are not offered to anyone else', async () => {
    const page = await pageIn('fr', 1280);
    await signIn(page, env.server.url, 'directeur.basrhin@mutualis.demo');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Paramètres du site' }).count()).toBe(
      0,
    );
    await page.goto(`${env.server.url}/administration/parametres`);
    await page.getByRole('heading', { level: 1, name: /^Bonjour/ }).waitFor();
    await page.context().close();
  }, 60_000);
});
