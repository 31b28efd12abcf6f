import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, newPage, signIn } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

const env = startServerAndBrowser();

async function signedIn(email: string, width = 1280): Promise<Page> {
  const page = await newPage(env.browser);
  await page.setViewportSize({ width, height: 900 });
  await signIn(page, env.server.url, email);
  await page.waitForLoadState('networkidle');
  return page;
}

/** The page never scrolls sideways: wide tables scroll in their own container. */
const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('home page per role, and the office page', () => {
  it("an agent's home shows their office's applications and the network's most used ones it lacks", async () => {
    const page = await signedIn('agent.rhone@mutualis.demo');
    const office = page.getByRole('region', { name: 'Les applications de votre organisme' });
    await office.waitFor();
    await expect(office.getByRole('table').first().getByRole('link').count()).resolves.toBeGreaterThan(0);
    const suggestions = office.getByRole('list', {
      name: 'Les plus utilisées du réseau, que votre organisme n’utilise pas',
    });
    await expect(suggestions.getByRole('link').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('heading', { name: 'Le réseau' }).count()).resolves.toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("the DDSI's home shows the network figures and the latest changes, linked to the sheets", async () => {
    const page = await signedIn('ddsi@mutualis.demo');
    const network = page.getByRole('region', { name: 'Le réseau' });
    await network.waitFor();
    const changes = network.getByRole('table', { name: /Dernières modifications des fiches/ });
    await expect(changes.getByRole('row').count()).resolves.toBeGreaterThan(1);
    await changes.getByRole('row').nth(1).getByRole('link').first().click();
    await page.waitForURL(/\/catalogue\/[0-9a-f-]{36}$/);
    await page.goBack();
    await network.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('at 390 px the home and the office page keep to the screen, with no violation', async () => {
    const page = await signedIn('directeur.basrhin@mutualis.demo', 390);
    await page.getByRole('region', { name: 'Les applications de votre organisme' }).waitFor();
    await page.getByRole('region', { name: 'Décisions en attente' }).waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Toutes les applications de l’organisme' }).click();
    await page.getByRole('heading', { level: 1, name: 'CPAM du Bas-Rhin' }).waitFor();
    await page.getByRole('heading', { name: 'Applications conçues' }).waitFor();
    await page.getByRole('img', { name: /Utilisations des applications conçues/ }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await overflowsSideways(page)).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});
