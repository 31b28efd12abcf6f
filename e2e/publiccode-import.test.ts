import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, signIn } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

const env = startServerAndBrowser();

/** Screenshots to look at, when SCREENSHOT_DIR names a folder. */
const shoot = async (page: Page, name: string) => {
  if (process.env.SCREENSHOT_DIR)
    await page.screenshot({
      path: `${process.env.SCREENSHOT_DIR}/publiccode-import-${name}.png`,
      fullPage: true,
    });
};

/** A publiccode.yml an office could publish: an unknown category, a deprecated key, another office named. */
const PUBLICCODE = `publiccodeYmlVersion: "0.4"
name: Registre des habilitations locales
url: "https://forge.assurance-maladie.fr/cpam-67/registre-habilitations"
platforms: [web]
categories: [it-security, habilitations]
usedBy: [CPAM-67, CPAM-69]
developmentStatus: stable
softwareType: standalone/web
description:
  fr:
    genericName: Registre
    shortDescription: Registre des habilitations accordées sur les applications locales.
    longDescription: >
      Le registre recense les habilitations accordées aux agents sur chaque application locale, leurs
      dates de validité et leurs valideurs, relance les revues annuelles et garde l'historique des retraits.
    features: [Revue annuelle des habilitations]
legal:
  license: EUPL-1.2
organisation: { name: CPAM-67, uri: "https://www.ameli.fr/bas-rhin" }
maintenance: { type: internal, contacts: [{ name: Léa Schmitt }] }
localisation: { localisationReady: false, availableLanguages: [fr] }
`;

describe('publiccode.yml in the import wizard', () => {
  it('shows the warnings and the offices named by the file, on a desktop and a phone', async () => {
    const page = await newPage(env.browser);
    await signIn(page, env.server.url, 'dev.basrhin@mutualis.demo');
    await page.goto(`${env.server.url}/catalogue/import`);
    await page.getByLabel('Fichier à importer').setInputFiles({
      name: 'publiccode.yml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(PUBLICCODE),
    });
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await page.getByText('2 avertissements', { exact: true }).waitFor();
    await page.getByText('« categories[1] » vaut « habilitations »', { exact: false }).waitFor();
    const cited = page.getByRole('link', { name: 'CPAM du Rhône' });
    await cited.waitFor();
    expect(await cited.getAttribute('href')).toMatch(/^\/organismes\/[0-9a-f-]{36}$/);
    // The notes only: the page's other alerts are another matter (their titles' contrast is reworked apart).
    const notes = await new AxeBuilder({ page })
      .include('[data-import-notes]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .setLegacyMode(true)
      .analyze();
    expect(
      notes.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    ).toEqual([]);
    await shoot(page, 'desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, 'mobile');
    // Nothing wider than the phone once the layout has followed the new width (tables scroll inside).
    await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth);

    await page.getByRole('button', { name: 'Importer 1 fiche' }).click();
    await page.getByText('Import terminé').waitFor();
    await page.getByText('1 organisme cité par le fichier', { exact: true }).waitFor();
    await page.context().close();
  });
});
