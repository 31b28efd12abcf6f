import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpServer, startSmtpServer } from '../server/test/smtp.ts';
import { accessibilityViolations, launchBrowser, newPage, signIn } from './support/browser.ts';
import { type RunningServer, removeDataDir, startServer } from './support/server.ts';

/**
 * The sponsor's bell hears of a sponsorship request while her page is open; her acceptance reaches the
 * developer's bell and, as an e-mail, a real SMTP server in the test process.
 */
let server: RunningServer;
let smtp: SmtpServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startServer({ env: { MUTUALIS_SMTP_URL: smtp.url } });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
  await smtp?.close();
});

async function signedIn(email: string): Promise<Page> {
  const page = await newPage(browser);
  await signIn(page, server.url, email);
  return page;
}

/** The developer's API session (what her browser would send), to declare and ask without the forms. */
async function apiAs(email: string) {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'mutualis-demo' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (url: string, body: unknown) => {
    const response = await fetch(`${server.url}${url}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string };
  };
}

const projectBody = (title: string, need: string) => ({
  title,
  need,
  domainCode: 'ressources-humaines',
  track: 'nonStandard',
});
const bell = (page: Page) => page.getByTestId('notification-bell');
/** Screenshots to look at, when SCREENSHOT_DIR names a folder. */
const shoot = async (page: Page, name: string) => {
  if (process.env.SCREENSHOT_DIR)
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/notifications${name}.png`, fullPage: true });
};

describe('notifications in the browser', () => {
  it('the sponsor’s bell shows a new request live; accepting it reaches the developer’s bell and mailbox', async () => {
    const sponsor = await signedIn('sponsor@mutualis.demo');
    const developer = await signedIn('dev.basrhin@mutualis.demo');
    const sponsorBefore = await bell(sponsor).getAttribute('aria-label');
    const developerBefore = await bell(developer).getAttribute('aria-label');

    const post = await apiAs('dev.basrhin@mutualis.demo');
    const project = await post(
      '/api/projects',
      projectBody('Congés partagés', 'Poser et valider les congés des agents en ligne, pour tout le réseau.'),
    );
    await post(`/api/projects/${project.id}/sponsorship-requests`, {
      directorateId: await directorateId('CNAM-DDGOS'),
      pitch: 'Un besoin national partagé par toutes les caisses du réseau.',
    });

    // Without a reload, the sponsor's bell counts one more.
    await sponsor.waitForFunction(
      (before) =>
        document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') !== before,
      sponsorBefore,
      { timeout: 20_000 },
    );
    await bell(sponsor).click();
    await sponsor
      .getByRole('link', { name: /demande à .*DDGOS.* de sponsoriser le projet « Congés partagés »/ })
      .waitFor();
    await sponsor.keyboard.press('Escape');

    await sponsor.getByRole('navigation').getByRole('link', { name: 'Projets en cours' }).click();
    await sponsor.getByRole('link', { name: 'Demandes de sponsor' }).click();
    await sponsor.getByRole('button', { name: 'Accepter — Congés partagés' }).click();
    const decision = sponsor.getByRole('dialog', { name: 'Accepter de parrainer « Congés partagés »' });
    await decision.getByRole('textbox', { name: 'Justification de la décision' }).fill('Priorité nationale.');
    await decision.getByRole('button', { name: 'Accepter' }).click();
    await sponsor
      .getByRole('status')
      .filter({ hasText: 'Vous parrainez désormais « Congés partagés »' })
      .waitFor();

    // The developer's bell, open all along, hears of the decision; the e-mail reaches the SMTP server.
    await developer.waitForFunction(
      (before) =>
        document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') !== before,
      developerBefore,
      { timeout: 20_000 },
    );
    await bell(developer).click();
    await developer
      .getByRole('link', { name: /a accepté la demande de sponsor du projet « Congés partagés »/ })
      .waitFor();
    const deadline = Date.now() + 20_000;
    while (smtp.to('dev.basrhin@mutualis.demo').length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const mails = smtp.to('dev.basrhin@mutualis.demo').map((m) => m.subject);
    expect(mails).toContain('[Mutualis] Décision sur la demande de sponsor du projet « Congés partagés »');

    for (const page of [sponsor, developer]) await page.context().close();
  }, 120_000);

  it('the notifications, preferences and jobs pages have no accessibility violation, wide or 390 px', async () => {
    for (const width of [1280, 390])
      for (const [email, path] of [
        ['sponsor@mutualis.demo', '/notifications'],
        ['sponsor@mutualis.demo', '/notifications/preferences'],
        ['admin@mutualis.demo', '/administration/travaux'],
      ] as const) {
        const page = await signedIn(email);
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.getByRole('table').or(page.getByRole('list')).first().waitFor();
        expect(await accessibilityViolations(page)).toEqual([]);
        await shoot(page, `${path.replaceAll('/', '-')}-${width}`);
        await page.context().close();
      }
  }, 180_000);

  it('an e-mail’s unsubscribe link works in a browser without a session', async () => {
    const post = await apiAs('dev.basrhin@mutualis.demo');
    const project = await post(
      '/api/projects',
      projectBody(
        'Lien de désinscription',
        'Ne plus recevoir par e-mail les commentaires, en un clic depuis l’e-mail reçu.',
      ),
    );
    await (await apiAs('directeur.basrhin@mutualis.demo'))(`/api/projects/${project.id}/comments`, {
      body: 'Un avis du directeur.',
    });
    const subject = '[Mutualis] Nouveau commentaire sur le projet « Lien de désinscription »';
    const deadline = Date.now() + 20_000;
    const mailOf = () => smtp.to('dev.basrhin@mutualis.demo').find((m) => m.subject === subject);
    while (!mailOf() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const link = /Ne plus les recevoir par e-mail \(en un clic\) : (\S+)/.exec(mailOf()?.text ?? '')?.[1];
    expect(link).toMatch(/\/desabonnement\?jeton=/);

    for (const width of [390, 1280]) {
      const page = await newPage(browser); // a browser never signed in
      await page.setViewportSize({ width, height: 900 });
      await page.goto(link as string);
      await page.getByRole('heading', { level: 1, name: 'Ne plus recevoir ces e-mails' }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Ne plus recevoir ces e-mails' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /vous ne recevrez plus d’e-mail pour «\s*Nouveau commentaire\s*»/ })
        .waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await shoot(page, `desabonnement-${width}`);
      await page.context().close();
    }
    const developer = await signedIn('dev.basrhin@mutualis.demo');
    const preferences = await (
      await developer.request.get(`${server.url}/api/me/notification-preferences`)
    ).json();
    expect(preferences.items).toContainEqual({ kind: 'comment.added', cadence: 'never' });
    await developer.context().close();
  }, 120_000);

  it('follows a sheet from its page, and stops following it there', async () => {
    const page = await signedIn('agent.rhone@mutualis.demo');
    await page.goto(`${server.url}/catalogue?q=GesCong%C3%A9s`);
    await page.getByRole('link', { name: 'GesCongés' }).click();
    await page.getByRole('heading', { level: 1, name: 'GesCongés' }).waitFor();
    const follows = async () =>
      (
        (await (await page.request.get(`${server.url}/api/me/follows`)).json()) as {
          items: { targetType: string; label: string; following: boolean }[];
        }
      ).items.filter((f) => f.targetType === 'application' && f.following);
    expect(await follows()).toEqual([]);
    await page.getByRole('button', { name: 'Suivre', exact: true }).click();
    await page.getByRole('button', { name: 'Ne plus suivre', pressed: true }).waitFor();
    expect((await follows()).map((f) => f.label)).toEqual(['GesCongés']);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ne plus suivre' }).click();
    await page.getByRole('button', { name: 'Suivre', exact: true, pressed: false }).waitFor();
    expect(await follows()).toEqual([]);
    await page.context().close();
  }, 120_000);
});

async function directorateId(code: string) {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'sponsor@mutualis.demo', password: 'mutualis-demo' }),
  });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const me = (await (await fetch(`${server.url}/api/me`, { headers: { cookie } })).json()) as {
    organisation: { id: string; code: string };
  };
  expect(me.organisation.code).toBe(code);
  return me.organisation.id;
}
