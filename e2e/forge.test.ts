import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGitLab, startFakeGitLab } from '../server/test/fake-gitlab.ts';
import { type FakeJenkins, startFakeJenkins } from '../server/test/fake-jenkins.ts';
import {
  accessibilityViolations,
  launchBrowser,
  postAs,
  settledDialog,
  signedInAt,
  VIEWS,
} from './support/browser.ts';
import { type RunningServer, removeDataDir, startServer } from './support/server.ts';

/**
 * A developer creates the forge project of a homologation project from the starter kit, against a GitLab
 * that runs in the test process and speaks the REST v4 API (server/test/fake-gitlab.ts); the project
 * enters development, and the sheet and the project show the activity the sync read; the sheet shows the
 * last build of its job on a Jenkins in the test process too (server/test/fake-jenkins.ts).
 */
let gitlab: FakeGitLab;
let jenkins: FakeJenkins;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  gitlab = await startFakeGitLab();
  gitlab.users.set('dev.basrhin', 21);
  // The starter-kit template: a project made from it starts with its history.
  gitlab.addProject('reseau/starter-kit-php', {
    id: 42,
    commits: [0, 1, 2, 9, 16].map((days, i) => ({
      id: `sk${i}`.padEnd(40, '0'),
      title: [
        'Initialisation du starter kit',
        'Ajout du socle PSRAM',
        'Pipeline Jenkins',
        'Tests',
        'Version 3.2',
      ][i] as string,
      author_name: 'Référent SK PHP',
      committed_date: new Date(Date.now() - days * 86_400_000 - 3_600_000).toISOString(),
    })),
  });
  jenkins = await startFakeJenkins();
  server = await startServer({
    env: {
      MUTUALIS_JENKINS_URL: jenkins.url,
      MUTUALIS_JENKINS_USER: jenkins.user,
      MUTUALIS_JENKINS_TOKEN: jenkins.token,
      MUTUALIS_GITLAB_URL: gitlab.url,
      MUTUALIS_GITLAB_TOKEN: gitlab.token,
      MUTUALIS_GITLAB_TEMPLATE_PROJECT_ID: '42',
    },
  });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
  await gitlab?.close();
  await jenkins?.close();
});

const call = async (page: Page, method: 'GET' | 'POST', path: string, data?: unknown) =>
  method === 'GET'
    ? (await page.request.get(`${server.url}${path}`)).json()
    : postAs(page, server.url, path, data);

async function clean(page: Page) {
  await page.waitForLoadState('networkidle');
  expect(await accessibilityViolations(page)).toEqual([]);
}

const shoot = async (page: Page, name: string, width: number) => {
  if (process.env.SCREENSHOT_DIR)
    await page.screenshot({
      path: `${process.env.SCREENSHOT_DIR}/forge-${width}-${name}.png`,
      fullPage: true,
    });
};

/** Reloads until `text` shows: the sync runs in the background (pg-boss, nudged by the creation). */
async function reloadUntil(page: Page, text: string | RegExp) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if ((await page.getByText(text).count()) > 0) return;
    if (Date.now() > deadline) throw new Error(`never shown: ${text}`);
    await new Promise((r) => setTimeout(r, 1000));
    await page.reload();
    await page.waitForLoadState('networkidle');
  }
}

describe('a homologation project created on the forge from the starter kit', () => {
  for (const width of [1280, 390]) {
    it(`at ${width} px: the developer creates it, the project enters development, the sheet shows its activity`, async () => {
      const title = `Gestion des congés (${width})`;
      const developer = await signedInAt(browser, server.url, 'dev.basrhin@mutualis.demo', width);
      const project = await call(developer, 'POST', '/api/projects', {
        title,
        need: 'Les managers valident les congés sur papier : il faut un circuit en ligne.',
        domainCode: 'ressources-humaines',
        track: 'homologation',
      });
      await call(developer, 'POST', `/api/projects/${project.id}/transitions`, {
        action: 'frame',
        version: project.version,
      });

      await developer.goto(`${server.url}/projets/${project.id}`);
      await developer.getByRole('heading', { level: 1, name: title }).waitFor();
      const section = developer.getByRole('region', { name: 'Projet sur la Forge' });
      await section.getByRole('button', { name: 'Créer sur la Forge' }).click();
      const dialog = await settledDialog(developer);
      await dialog.getByText('Groupe GitLab : reseau/cpam-67 — modèle starter kit').waitFor();
      expect(await dialog.getByRole('textbox', { name: 'Identifiant GitLab du membre 1' }).inputValue()).toBe(
        'dev.basrhin',
      );
      await shoot(developer, 'dialog', width);
      expect(await accessibilityViolations(developer)).toEqual([]);

      // A path GitLab refuses is named under its field, in French.
      await dialog.getByRole('textbox', { name: /Chemin/ }).fill('gestion congés');
      await dialog.getByRole('button', { name: 'Créer le projet' }).click();
      await dialog.getByText(/ne contient que des lettres sans accent/).waitFor();
      expect(await accessibilityViolations(developer)).toEqual([]);

      const path = `gestion-conges-${width}`;
      // The factory builds it from the first push (an organisation folder of the group).
      jenkins.jobs.set(`reseau/cpam-67/${path}`, {
        color: 'red',
        builds: [
          { number: 1, result: 'SUCCESS', timestamp: Date.now() - 7_200_000, duration: 61_000 },
          { number: 2, result: 'FAILURE', timestamp: Date.now() - 3_600_000, duration: 125_000 },
        ],
        tests: new Map([[2, { passCount: 48, failCount: 2, skipCount: 0 }]]),
      });
      await dialog.getByRole('textbox', { name: /Chemin/ }).fill(path);
      await dialog.getByRole('button', { name: 'Créer le projet' }).click();
      // GitLab is called before the answer: the dialog closes once the project exists.
      await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
      await section.getByText(`Projet GitLab créé : ${gitlab.url}/reseau/cpam-67/${path}`).waitFor();
      const created = gitlab.projects.find((p) => p.path_with_namespace === `reseau/cpam-67/${path}`);
      expect(created?.members).toEqual([{ user_id: 21, access_level: 40 }]);

      // The guard of development is open now.
      await developer.getByRole('button', { name: 'Lancer le développement' }).click();
      const start = await settledDialog(developer);
      await start.getByRole('button', { name: 'Lancer le développement' }).click();
      await developer.getByText('Développement', { exact: true }).first().waitFor();
      await expect
        .poll(async () => (await call(developer, 'GET', `/api/projects/${project.id}`)).phase)
        .toBe('development');

      await reloadUntil(developer, 'Initialisation du starter kit');
      const activity = developer.getByRole('region', { name: 'Activité sur la Forge' });
      await activity.getByText('5 commits').waitFor();
      await activity.getByRole('img', { name: /Commits par semaine sur 12 semaines/ }).waitFor();
      await activity.getByText(/^Données du \d\d\/\d\d à \d\d:\d\d$/).waitFor();
      await shoot(developer, 'project', width);
      await clean(developer);
      const scrolls = await developer.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth,
      );
      expect(scrolls).toBe(false);

      // A sheet with the same forge address shows the same activity.
      const offices = await call(developer, 'GET', '/api/organisations?q=CPAM-67');
      const sheet = await call(developer, 'POST', '/api/applications', {
        name: `Congés en ligne (${width})`,
        summary: 'Demandes et validation des congés des agents, en ligne.',
        domainCode: 'ressources-humaines',
        designerOrganisationId: offices.items[0].id,
        track: 'homologation',
        lifecycleStage: 'inProduction',
        technologies: {
          php: '8.2',
          symfony: '6.4',
          starterKit: '3.2',
          psram: '2.0',
          database: 'PostgreSQL',
          others: [],
        },
        hosting: 'officeServer',
        personalData: false,
        personalDataCategories: [],
        forgeUrl: `${gitlab.url}/reseau/cpam-67/${path}`,
      });
      await developer.goto(`${server.url}/catalogue/${sheet.id}`);
      await developer.getByRole('heading', { level: 1, name: `Congés en ligne (${width})` }).waitFor();
      await developer
        .getByRole('region', { name: 'Activité sur la Forge' })
        .getByText('Initialisation du starter kit')
        .waitFor();
      const builds = developer.getByRole('region', { name: 'Santé des builds (usine logicielle)' });
      await builds.getByText('Build en échec').waitFor();
      await builds.getByText(/^Dernier build n° 2, le .*, en 2 min 5 s$/).waitFor();
      await builds.getByText('Tests : 48 réussis, 2 en échec, 0 ignorés').waitFor();
      await shoot(developer, 'sheet', width);
      await clean(developer);
      await developer.context().close();
    }, 180_000);
  }
});

describe('the good-practice referential and the shared packages', () => {
  it('a referent proposes a change of a PSRAM page, two people vote, the DDSI accepts, the history shows the diff', async () => {
    const referent = await signedInAt(browser, server.url, 'dev.basrhin@mutualis.demo');
    await referent.goto(`${server.url}/referentiel/revue-de-code-et-fusion`);
    await referent.getByRole('heading', { level: 1, name: 'Revue de code et fusion' }).waitFor();
    await referent.getByRole('button', { name: 'Proposer une modification' }).click();
    const body = referent.getByRole('textbox', { name: /Contenu \(Markdown\)/ });
    await body.fill(
      (await body.inputValue()).replace('relue par un autre développeur', 'relue par deux développeurs'),
    );
    await referent
      .getByRole('textbox', { name: /Justification/ })
      .fill('Une seule relecture laisse passer trop d’erreurs.');
    await referent.getByRole('button', { name: 'Envoyer la proposition' }).click();
    await referent
      .getByRole('heading', { level: 1, name: 'Proposition sur « Revue de code et fusion »' })
      .waitFor();
    await referent.getByText('relue par deux développeurs.', { exact: false }).first().waitFor();
    const id = referent.url().split('/').pop() as string;
    await shoot(referent, 'proposal', 1280);
    await clean(referent);

    // Two people vote: one on the page, one through the API.
    const developer = await signedInAt(browser, server.url, 'dev.marseille@mutualis.demo', 390);
    await developer.goto(`${server.url}/referentiel/propositions/${id}`);
    await developer.getByRole('textbox', { name: 'Commentaire (facultatif)' }).fill('D’accord.');
    await developer.getByRole('button', { name: 'Voter' }).click();
    await developer.getByText('Vote enregistré.').waitFor();
    await shoot(developer, 'proposal', 390);
    await clean(developer);
    const agent = await signedInAt(browser, server.url, 'agent.rhone@mutualis.demo');
    const me = await (await agent.request.get(`${server.url}/api/me`)).json();
    const voted = await agent.request.put(`${server.url}/api/referential/proposals/${id}/vote`, {
      data: { value: 'down', comment: 'Deux relectures ralentiront les petites équipes.' },
      headers: { 'X-CSRF-Token': me.csrfToken },
    });
    expect(voted.status()).toBe(200);
    await agent.context().close();

    const ddsi = await signedInAt(browser, server.url, 'ddsi@mutualis.demo');
    await ddsi.goto(`${server.url}/referentiel/propositions/${id}`);
    await ddsi.getByText('1 pour, 1 contre', { exact: false }).waitFor();
    await ddsi.getByRole('button', { name: 'Accepter la proposition' }).click();
    const dialog = await settledDialog(ddsi);
    await dialog.getByRole('button', { name: 'Accepter la proposition' }).click();
    await ddsi.getByText('Acceptée').first().waitFor();
    await ddsi.goto(`${server.url}/referentiel/revue-de-code-et-fusion`);
    await ddsi.getByRole('button', { name: 'Comparer la version 2 avec la précédente' }).click();
    const diff = ddsi.getByRole('region', { name: 'Différences entre la version 1 et la version 2' });
    await diff.getByText(/relue par deux développeurs/).waitFor();
    await shoot(ddsi, 'history', 1280);
    await clean(ddsi);

    // The shared packages (demonstration data: no Composer repository here).
    await ddsi.goto(`${server.url}/paquets`);
    await ddsi.getByRole('heading', { level: 2, name: 'cnam/sk-php' }).waitFor();
    await ddsi.getByText(/paquets de démonstration/).waitFor();
    await shoot(ddsi, 'packages', 1280);
    await clean(ddsi);
    await ddsi.goto(`${server.url}/administration/integrations`);
    await ddsi.getByRole('table', { name: 'État des intégrations' }).getByText('Configuré').first().waitFor();
    await shoot(ddsi, 'integrations', 1280);
    await clean(ddsi);
    for (const page of [referent, developer, ddsi]) await page.context().close();
  }, 180_000);
});

describe('the forge signals, the referential and the packages at 1280 and 390 px, in French and English', () => {
  for (const { width, language } of VIEWS)
    it(`at ${width} px in ${language}: catalogue facet, starter kit on a sheet, grid link, referential, packages`, async () => {
      const fr = language === 'fr';
      const page = await signedInAt(browser, server.url, 'ddsi@mutualis.demo', width);
      await page.evaluate((lang) => localStorage.setItem('mutualis.language', lang), language);
      const noHorizontalScroll = async () =>
        expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(
          false,
        );

      // The catalogue counts the sheets whose starter kit is behind (demo locks, GitLab configured).
      const behind = await call(page, 'GET', '/api/applications?forge=starterKitBehind&pageSize=1');
      expect(behind.total).toBeGreaterThan(0);
      await page.goto(`${server.url}/catalogue?forge=starterKitBehind`);
      await page.waitForLoadState('networkidle');
      await shoot(page, `catalogue-forge-${language}`, width);
      // On a phone the filters are in a drawer, opened by « Filtres (1) ».
      if (width < 768) await page.getByRole('button', { name: fr ? 'Filtres (1)' : 'Filters (1)' }).click();
      await page
        .getByRole('group', { name: fr ? 'Forge et usine logicielle' : 'Forge and software factory' })
        .getByText(fr ? 'Starter kit en retard' : 'Starter kit outdated')
        .first()
        .waitFor();
      await clean(page);

      // Its sheet says by how many versions, against the current one.
      await page.goto(`${server.url}/catalogue/${behind.items[0].id}`);
      const activity = page.getByRole('region', {
        name: fr ? 'Activité sur la Forge' : 'Activity on the forge',
      });
      await activity
        .getByText(
          fr
            ? /^En retard de \d+ versions? \(actuelle : v3\.2\.0\)$/
            : /^\d+ versions? behind \(current: v3\.2\.0\)$/,
        )
        .waitFor();
      await activity.getByText(fr ? 'Niveau PSRAM déclaré' : 'PSRAM level declared').waitFor();
      // GitLab is configured: the demo sheet's address is elsewhere, its data said to be the demonstration's.
      await activity
        .getByText(
          fr
            ? /^Données de démonstration : cette adresse n’est pas sur la forge configurée, son activité n’y est pas lue\. Données du /
            : /^Demonstration data: this address is not on the configured forge, so its activity is not read there\. Data of /,
        )
        .waitFor();
      expect(
        await activity.getByText(fr ? /GitLab n’est pas configuré/ : /GitLab is not configured/).count(),
      ).toBe(0);
      await shoot(page, `sheet-starter-kit-${language}`, width);
      await clean(page);
      await noHorizontalScroll();

      // A requirement of the labelling grid links to its referential page.
      const grids = await call(page, 'GET', '/api/evaluation-grids');
      const labelling = grids.items
        .find((g: { kind: string }) => g.kind === 'labelling')
        .versions.find((v: { state: string }) => v.state === 'published');
      await page.goto(`${server.url}/grilles/versions/${labelling.id}`);
      await page.getByRole('link', { name: 'Niveaux de conformité PSRAM' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Niveaux de conformité PSRAM' }).waitFor();
      await shoot(page, `referential-page-${language}`, width);
      await clean(page);
      await noHorizontalScroll();

      await page.goto(`${server.url}/referentiel`);
      await page
        .getByRole('heading', {
          level: 1,
          name: fr ? 'Référentiel de bonnes pratiques' : 'Good-practice referential',
        })
        .waitFor();
      await shoot(page, `referential-${language}`, width);
      await clean(page);
      await noHorizontalScroll();

      // The packages list the demo sheets that use them, though GitLab is configured.
      await page.goto(`${server.url}/paquets`);
      const starterKit = page.getByRole('region', { name: 'cnam/sk-php' });
      await starterKit.getByRole('link').first().waitFor();
      expect(await starterKit.getByRole('link').count()).toBeGreaterThan(1);
      await shoot(page, `packages-${language}`, width);
      await clean(page);
      await noHorizontalScroll();
      await page.context().close();
    }, 180_000);
});
