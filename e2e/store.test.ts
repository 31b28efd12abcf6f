import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, settledDialog, signedInAt } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

// The built-in simulator makes a tenant live two seconds after its order.
const env = startServerAndBrowser({ env: { MUTUALIS_AM_CLOUD_SIMULATOR_DELAY_MS: '2000' } });
const APP = 'Visites des délégués de l’assurance maladie';
const SHOTS = process.env.MUTUALIS_E2E_SCREENSHOTS;

const signedIn = (email: string, width = 1280) => signedInAt(env.browser, env.server.url, email, width);

async function clean(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  expect(await accessibilityViolations(page), name).toEqual([]);
}

/** Fires an action from the request's lifecycle panel (each opens its dialog). */
async function fire(page: Page, action: RegExp) {
  await page.getByRole('button', { name: action }).first().click();
  const dialog = await settledDialog(page);
  await dialog.getByRole('button', { name: action }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function openRequest(page: Page, queue: string, reference: string, notice?: RegExp) {
  await page.goto(`${env.server.url}/store/demandes?file=${queue}`);
  if (notice) await page.getByText(notice).waitFor();
  await page.getByRole('link', { name: reference }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
}

describe('the Store and a deployment request, from the agent to the live tenant', () => {
  it('an agent of the CPAM du Rhône requests a labelled application; the director approves, the DDSI validates, the simulator makes it available', async () => {
    const agent = await signedIn('agent.rhone@mutualis.demo');
    const usageMap = async () =>
      (await (await agent.request.get(`${env.server.url}/api/usage-map`)).json()) as {
        totals: { usages: number };
      };
    const usagesBefore = (await usageMap()).totals.usages;
    await agent.goto(`${env.server.url}/store`);
    await agent.getByRole('heading', { level: 1, name: 'Store AM Cloud' }).waitFor();
    await agent.getByRole('searchbox', { name: 'Rechercher une application' }).fill('délégués');
    await agent.getByRole('link', { name: APP }).click();
    await agent.getByRole('heading', { level: 1, name: APP }).waitFor();
    await clean(agent, 'store-application');
    await agent.getByRole('link', { name: 'Demander' }).click();

    await agent.getByRole('heading', { level: 1, name: `Demander « ${APP} »` }).waitFor();
    await agent.getByRole('textbox', { name: 'Nombre d’utilisateurs attendus' }).fill('25');
    await agent.getByLabel('Date souhaitée de mise à disposition').fill('2027-03-01');
    await agent.getByRole('checkbox', { name: /DPO/ }).check();
    await agent.getByRole('checkbox', { name: /registre des traitements/ }).check();
    await agent.getByRole('checkbox', { name: /formalités CNIL/ }).check();
    await clean(agent, 'request-form');
    await agent.getByRole('button', { name: 'Créer la demande' }).click();
    const heading = agent.getByRole('heading', { level: 1, name: /^DMD-\d{4}-\d{4}/ });
    await heading.waitFor();
    const reference = ((await heading.textContent()) ?? '').split(' ')[0] as string;
    await fire(agent, /^Soumettre la demande$/);
    await agent.getByText('État actuel').first().waitFor();
    await clean(agent, 'request-submitted');

    // Her director finds it in the queue and approves it; the director of another office would be refused.
    const director = await signedIn('directeur.rhone@mutualis.demo');
    await openRequest(director, 'director', reference);
    await fire(director, /^Approuver$/);
    await director.getByText('Approuvée par le directeur').first().waitFor();

    // The DDSI validates capacity and prerequisites; the simulator provisions the tenant.
    const ddsi = await signedIn('ddsi@mutualis.demo');
    // The queue says that the built-in simulator stands for the platform.
    await openRequest(ddsi, 'ddsi', reference, /Simulateur AM Cloud actif/);
    await fire(ddsi, /^Valider \(capacité et prérequis\)$/);
    await ddsi.getByText('En service', { exact: true }).waitFor({ timeout: 30_000 });
    await clean(ddsi, 'request-available');

    // The agent sees it available on her timeline, and her office among the users of the sheet.
    await agent.reload();
    await agent.getByText('En service', { exact: true }).waitFor();
    // What her tenant costs this month: the shared instance's resources, and her office's share by the rule.
    const hosting = agent.getByRole('region', { name: /^Ressources et coût AM Cloud/ });
    await hosting.getByRole('rowheader', { name: 'Ressources de l’instance (production)' }).waitFor();
    await hosting
      .getByRole('row')
      .filter({ hasText: 'Part allouée à CPAM du Rhône' })
      .filter({ hasText: /\(25 utilisateurs sur \d/ })
      .waitFor();
    await clean(agent, 'request-hosting');
    const phone = await signedIn('agent.rhone@mutualis.demo', 390);
    await phone.goto(agent.url());
    await phone.getByRole('region', { name: /^Ressources et coût AM Cloud/ }).waitFor();
    await clean(phone, 'request-hosting-390');
    expect(
      await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await agent.goto(`${env.server.url}/store`);
    await agent.getByRole('searchbox', { name: 'Rechercher une application' }).fill('délégués');
    await agent.getByRole('link', { name: APP }).click();
    await agent.getByRole('listitem').filter({ hasText: 'CPAM du Rhône — locataire AM Cloud' }).waitFor();
    // The same office among the users of the catalogue's sheet, and one more use on the usage map.
    const sheetUsers = agent.url().replace(/\/store\/([^/]+)$/, '/catalogue/$1?onglet=utilisateurs');
    await agent.goto(sheetUsers);
    await agent
      .getByRole('row')
      .filter({ hasText: 'CPAM du Rhône' })
      .filter({ hasText: 'Auvergne' })
      .waitFor();
    expect((await usageMap()).totals.usages).toBe(usagesBefore + 1);
    await agent.goBack();
    await ddsi.goto(agent.url().replace(/\/store\/([^/]+)$/, '/store/$1/locataires'));
    await ddsi.getByRole('cell', { name: 'CPAM du Rhône' }).waitFor();
    await clean(ddsi, 'tenants');

    // The costs dashboard counts the new tenant: the office's share of the application's shared instance.
    await ddsi.goto(`${env.server.url}/store/couts`);
    await ddsi.getByRole('heading', { level: 1, name: 'Coûts d’hébergement AM Cloud' }).waitFor();
    const instance = ddsi.getByRole('table', { name: `Part de chaque organisme de « ${APP} »` });
    await instance.getByRole('cell', { name: 'CPAM du Rhône' }).waitFor();
    await clean(ddsi, 'costs');

    // The DDSI lowers the Rhône's budget under what it already consumed: both alerts go out at once.
    const form = ddsi.getByRole('region', { name: /^Fixer le budget \d{4} d’un organisme$/ });
    await form.getByRole('combobox', { name: 'Organisme' }).fill('CPAM du Rhône');
    await ddsi.getByRole('option', { name: 'CPAM du Rhône', exact: true }).click();
    await form.getByText('Cet organisme a déjà un budget cette année : il sera remplacé.').waitFor();
    await form.getByRole('textbox', { name: 'Budget annuel (€)' }).fill('10');
    await form.getByRole('button', { name: 'Enregistrer le budget' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: 'Alertes envoyées' })
      .filter({ hasText: '80 %, 100 %' })
      .waitFor();
    await ddsi
      .getByRole('row')
      .filter({ hasText: 'CPAM du Rhône' })
      .filter({ hasText: 'Budget dépassé' })
      .first()
      .waitFor();
    await clean(ddsi, 'costs-budget-set');
  });

  it('shows the Store and the request pages without a sideways scroll at 390 px, and the queues pass axe', async () => {
    const ddsi = await signedIn('ddsi@mutualis.demo', 390);
    for (const [path, name] of [
      ['/store', 'store-390'],
      ['/store/demandes?file=ddsi', 'requests-ddsi-390'],
    ] as const) {
      await ddsi.goto(`${env.server.url}${path}`);
      await ddsi.getByRole('heading', { level: 1 }).waitFor();
      await clean(ddsi, name);
      const overflow = await ddsi.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
    }
    // The costs dashboard, for the DDSI and the DDO, at 390 px in French and at 1280 px in English.
    for (const [email, width, language] of [
      ['ddsi@mutualis.demo', 390, 'fr'],
      ['ddo@mutualis.demo', 390, 'fr'],
      ['ddo@mutualis.demo', 1280, 'en'],
    ] as const) {
      const page = await signedIn(email, width);
      await page.evaluate((l) => localStorage.setItem('mutualis.language', l), language);
      await page.goto(`${env.server.url}/store/couts`);
      await page
        .getByRole('heading', {
          level: 1,
          name: language === 'fr' ? 'Coûts d’hébergement AM Cloud' : 'AM Cloud hosting costs',
        })
        .waitFor();
      const name = `costs-${email.split('@')[0]}-${width}-${language}`;
      await clean(page, name);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        name,
      ).toBeLessThanOrEqual(0);
      // Only the DDSI sets budgets.
      expect(await page.getByRole('button', { name: /budget/i }).count(), name).toBe(
        email.startsWith('ddsi') ? 1 : 0,
      );
    }
    const director = await signedIn('directeur.basrhin@mutualis.demo', 390);
    await director.goto(`${env.server.url}/store/demandes?file=director`);
    await director.getByRole('link', { name: /^DMD-/ }).first().click();
    await director.getByRole('heading', { level: 1, name: /^DMD-/ }).waitFor();
    await clean(director, 'request-390');
    expect(
      await director.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
  });
});
