import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { paintedContrast, parseCssColor } from './contrast.ts';

/**
 * The two views a module's page tests run in: each width and each language once, paired. Every page
 * template is checked by axe in all four (French and English, 1280 and 390 px) by templates.test.ts; the
 * module tests add their states and contents, and need not repeat the four.
 */
export const VIEWS = [
  { width: 1280, language: 'fr' },
  { width: 390, language: 'en' },
] as const;

/** Debian's Chromium, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export async function newPage(browser: Browser, locale = 'fr-FR'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  return context.newPage();
}

/** Waits until the open dialog has finished its entrance transition (axe measures colours). */
export async function settledDialog(page: Page) {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await page.waitForFunction(() => {
    let element: Element | null = document.querySelector('[role="dialog"]');
    while (element) {
      if (getComputedStyle(element).opacity !== '1') return false;
      element = element.parentElement;
    }
    return true;
  });
  return dialog;
}

/**
 * WCAG 2.1 A and AA rules; returns the violations in a readable form (empty when clean).
 * In legacy mode axe runs in the page itself: the default mode opens a blank page for every analysis to
 * merge the frames' results, and the portal's pages have no frame. Measured on the demo (four pages, two
 * runs each, busy machine): 1.2–5.5 s an analysis instead of 1.9–11.6 s.
 */
export async function accessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(true)
    .analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
}

/**
 * Once the page has settled: its full-page screenshot `name`.png in the folder MUTUALIS_SCREENSHOTS names
 * (when it does), and no axe violation.
 */
export async function expectAccessible(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  const folder = process.env.MUTUALIS_SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
  expect(await accessibilityViolations(page), name).toEqual([]);
}

export async function signIn(page: Page, baseUrl: string, email: string, password = 'mutualis-demo') {
  await page.goto(`${baseUrl}/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: /^Bonjour/ }).waitFor();
}

/**
 * The WCAG contrast of the text of each element `locator` matches, from the colours Chromium computes:
 * its text colour over its own background and those of its ancestors (see contrast.ts).
 */
export async function textContrasts(locator: Locator) {
  const painted = await locator.evaluateAll((elements) =>
    elements.map((element) => {
      const backgrounds: string[] = [];
      let opacity = 1;
      for (let e: Element | null = element; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.backgroundImage !== 'none')
          throw new Error(`background image under the text: ${e.outerHTML}`);
        backgrounds.push(style.backgroundColor);
        opacity *= Number(style.opacity);
      }
      return {
        text: element.textContent ?? '',
        color: getComputedStyle(element).color,
        backgrounds,
        opacity,
      };
    }),
  );
  return painted.map(({ text, color, backgrounds, opacity }) => {
    if (opacity !== 1) throw new Error(`"${text}" is painted translucent (opacity ${opacity})`);
    return {
      text,
      color,
      background: backgrounds.find((b) => parseCssColor(b).alpha > 0) ?? 'canvas',
      ratio: paintedContrast(color, backgrounds),
    };
  });
}

/** A new page at this width, signed in as `email`. */
export async function signedInAt(browser: Browser, baseUrl: string, email: string, width = 1280) {
  const page = await newPage(browser);
  await page.setViewportSize({ width, height: 900 });
  await signIn(page, baseUrl, email);
  return page;
}

/** A write through the API with the page's session (its CSRF token from /api/me). */
export async function postAs(page: Page, baseUrl: string, path: string, data: unknown) {
  const me = await (await page.request.get(`${baseUrl}/api/me`)).json();
  const response = await page.request.post(`${baseUrl}${path}`, {
    data,
    headers: { 'X-CSRF-Token': me.csrfToken },
  });
  if (!response.ok()) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
  return response.json();
}
