import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { draftBoardDecision, publishMinutes } from './support/board.ts';
import { accessibilityViolations, signedInAt } from './support/browser.ts';
import { startServerAndBrowser } from './support/server.ts';

const env = startServerAndBrowser();
const signedIn = (email: string, width = 1280) => signedInAt(env.browser, env.server.url, email, width);
const SHOTS = process.env.MUTUALIS_SCREENSHOTS;

async function clean(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  expect(await accessibilityViolations(page), name).toEqual([]);
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('the governance board, from a request to the public decision log', () => {
  it('an agent asks for an evolution; the DDO puts it on a meeting, decides and publishes; the log and its feed show it; axe clean', async () => {
    const agent = await signedIn('agent.rhone@mutualis.demo');
    await agent.goto(`${env.server.url}/instance/demande`);
    await agent.getByRole('heading', { level: 1, name: "Saisir l'instance de gouvernance" }).waitFor();
    await clean(agent, 'board-request');
    await agent.getByRole('textbox', { name: 'Objet' }).fill('Rappel des échéances des appels par e-mail');
    await agent
      .getByRole('textbox', { name: 'Motif' })
      .fill('Les caisses manquent des échéances faute de rappel : un e-mail trois jours avant suffirait.');
    await agent.getByRole('button', { name: 'Envoyer la demande' }).click();
    await agent
      .getByRole('heading', { level: 1, name: 'Rappel des échéances des appels par e-mail' })
      .waitFor();
    await agent.getByRole('button', { name: 'Ne plus suivre' }).waitFor();

    const ddo = await signedIn('ddo@mutualis.demo');
    await ddo.goto(`${env.server.url}/instance`);
    await ddo.getByRole('heading', { level: 1, name: 'Instance de gouvernance' }).waitFor();
    await ddo.getByRole('link', { name: 'Rappel des échéances des appels par e-mail' }).waitFor();
    await clean(ddo, 'board-agenda');
    await draftBoardDecision(
      ddo,
      env.server.url,
      {
        title: 'Séance extraordinaire',
        date: inDays(7),
        item: 'Rappel des échéances des appels par e-mail',
        attendance: 'Claire Martin — DDO\nPaul Durand — DDSI',
        minutes: '## Séance\n\nUn point examiné.',
      },
      {
        question: 'Faut-il rappeler les échéances par e-mail ?',
        statement: 'L’instance approuve un rappel trois jours avant.',
        rationale: 'Des caisses ont manqué des échéances.',
      },
    );
    await clean(ddo, 'board-meeting-held');

    await publishMinutes(ddo);
    const reference = ddo.getByRole('link', { name: /^\d{4}-\d{3} — Rappel des échéances/ });
    await reference.waitFor();

    const phone = await signedIn('agent.rhone@mutualis.demo', 390);
    await phone.goto(`${env.server.url}/instance/decisions?q=echeances`);
    await phone.getByRole('heading', { level: 1, name: 'Registre des décisions' }).waitFor();
    await phone.getByRole('link', { name: /Rappel des échéances des appels par e-mail/ }).waitFor();
    await clean(phone, 'board-log-390');

    const feed = await fetch(`${env.server.url}/api/board/decisions.atom`);
    expect(feed.headers.get('content-type')).toContain('application/atom+xml');
    expect(await feed.text()).toContain('Rappel des échéances des appels par e-mail');
  }, 180_000);
});
