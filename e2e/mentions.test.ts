import { describe, expect, it } from 'vitest';
import { accessibilityViolations, postAs, signedInAt } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

/**
 * The completion of mentions in a comment: `@` and letters propose people of the demo (by first or last
 * name), the keyboard alone chooses (↓, Entrée, Échap), a click too; axe finds nothing with the list open.
 * A project's description proposes people the same way.
 */
const env = startServerAndBrowser();

describe('mention completion', () => {
  it('proposes people after @ and inserts the chosen handle, by keyboard or by click', async () => {
    for (const width of [1280, 390]) {
      const page = await signedInAt(env.browser, env.server.url, 'dev.basrhin@mutualis.demo', width);
      const project = await postAs(page, env.server.url, '/api/projects', {
        title: `Mentions à ${width} px`,
        need: 'Prévenir les bonnes personnes d’un commentaire en les mentionnant par leur nom.',
        domainCode: 'ressources-humaines',
        track: 'nonStandard',
      });
      await page.goto(`${env.server.url}/projets/${project.id}`);
      const field = page.getByRole('textbox', { name: 'Votre commentaire' });
      const list = page.getByRole('listbox', { name: 'Personnes à mentionner' });
      await field.click();
      await field.pressSequentially('Avis de @be');
      await expect
        .poll(() => list.getByRole('option').allTextContents())
        .toEqual([
          expect.stringContaining('@bernard.muller'),
          expect.stringContaining('@karim.benali'),
          expect.stringContaining('@laurence.bernard'),
        ]);
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: '3 personnes proposées' }).count())
        .toBe(1);
      expect(await field.getAttribute('aria-controls')).toBe(await list.getAttribute('id'));
      expect(await accessibilityViolations(page)).toEqual([]);
      if (process.env.SCREENSHOT_DIR)
        await page.screenshot({
          path: `${process.env.SCREENSHOT_DIR}/mentions-${width}.png`,
          fullPage: false,
        });

      await field.press('ArrowDown');
      const active = await field.getAttribute('aria-activedescendant');
      expect(await page.locator(`[id="${active}"]`).getAttribute('aria-selected')).toBe('true');
      expect(await page.locator(`[id="${active}"]`).textContent()).toContain('@karim.benali');
      await field.press('Enter');
      await expect.poll(() => field.inputValue()).toBe('Avis de @karim.benali ');
      expect(await list.count()).toBe(0);

      await field.pressSequentially('et @cla');
      await expect.poll(() => list.getByRole('option').count()).toBe(1);
      await field.press('Escape');
      expect(await list.count()).toBe(0);
      expect(await field.inputValue()).toBe('Avis de @karim.benali et @cla');
      await field.pressSequentially('i');
      await list.getByRole('option', { name: /Claire Dubois/ }).click();
      await expect.poll(() => field.inputValue()).toBe('Avis de @karim.benali et @claire.dubois ');
      if (width === 1280) {
        await page.goto(`${env.server.url}/projets/${project.id}/modifier`);
        const description = page.getByRole('textbox', { name: 'Description' });
        await description.click();
        await description.pressSequentially('Référente : @cla');
        await list.getByRole('option', { name: /Claire Dubois/ }).click();
        await expect.poll(() => description.inputValue()).toBe('Référente : @claire.dubois ');
        await page.getByRole('button', { name: 'Enregistrer' }).click();
        await page.waitForURL(`${env.server.url}/projets/${project.id}`);
        await page.getByText('Référente : @claire.dubois').first().waitFor();
      }
      await page.close();
    }
  });
});
