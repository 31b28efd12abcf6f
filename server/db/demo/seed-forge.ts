import type { FetchedBuilds } from '../../integrations/jenkins.ts';
import { forgeProjectPath, type StoredForgeActivity } from '../../modules/forge/forge-activity.ts';
import { refreshForgeSignals } from '../../modules/forge/forge-signals.service.ts';
import { findSnapshot, listForgeUrls, saveSnapshot } from '../../modules/forge/integrations.queries.ts';
import type { Database } from '../client.ts';
import { seedDemoPackages } from './seed-packages.ts';

const HOUR = 3600_000;
const AUTHORS = ['Claire Martin', 'Karim Benali', 'Sophie Laurent', 'Julien Moreau', 'Nadia Haddad'];
const TOPICS = [
  'Correction du calcul des échéances',
  'Mise à jour du starter kit',
  'Ajout de tests sur l’export CSV',
  'Accessibilité : libellés des formulaires',
  'Journalisation des accès (CNIL)',
  'Montée de version de PHP',
  'Refonte de la page d’accueil',
  'Traduction des messages d’erreur',
];
const PIPELINES = ['success', 'success', 'success', 'failed', 'running', 'success'];

/** A small deterministic generator per project, so that the demo is the same at every start. */
function generator(seed: string) {
  let state = [...seed].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  return () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

/** One project's demonstration activity, dated from `now`: a third are quiet for months. */
export function demoActivity(path: string, now: Date): StoredForgeActivity {
  const random = generator(path);
  const webUrl = `https://forge.assurance-maladie.fr/${path}`;
  const quiet = random() < 0.3;
  const count = quiet ? 0 : 4 + Math.floor(random() * 40);
  const commits = Array.from({ length: count }, (_, i) => {
    const date = new Date(now.getTime() - Math.floor(random() * 84 * 24) * HOUR - i * HOUR).toISOString();
    const sha =
      Math.floor(random() * 2 ** 48)
        .toString(16)
        .padStart(12, '0') + String(i).padStart(4, '0');
    return {
      sha,
      title: TOPICS[Math.floor(random() * TOPICS.length)] as string,
      author: AUTHORS[Math.floor(random() * AUTHORS.length)] as string,
      date,
      url: `${webUrl}/-/commit/${sha}`,
    };
  }).sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  const items = (n: number, kind: string, titles: string[]) =>
    Array.from({ length: Math.min(n, 5) }, (_, i) => ({
      title: titles[i % titles.length] as string,
      url: `${webUrl}/-/${kind}/${i + 1}`,
      author: AUTHORS[i % AUTHORS.length] as string,
      date: new Date(now.getTime() - (i + 1) * 26 * HOUR).toISOString(),
    }));
  const issues = quiet ? 0 : Math.floor(random() * 9);
  const requests = quiet ? 0 : Math.floor(random() * 4);
  const minor = Math.floor(random() * 6);
  return {
    gitlabProjectId: null,
    webUrl,
    pathWithNamespace: path,
    commits,
    openMergeRequests: { count: requests, items: items(requests, 'merge_requests', TOPICS) },
    openIssues: {
      count: issues,
      items: items(issues, 'issues', ['Export trop lent', 'Libellé tronqué', 'Erreur 500 au tri']),
    },
    lastRelease: {
      tag: `v2.${minor}.0`,
      name: `Version 2.${minor}`,
      date: new Date(now.getTime() - (quiet ? 200 : 20) * 24 * HOUR).toISOString(),
      url: `${webUrl}/-/releases/v2.${minor}.0`,
    },
    lastPipeline: quiet
      ? null
      : {
          status: PIPELINES[Math.floor(random() * PIPELINES.length)] as string,
          ref: 'main',
          date: commits[0]?.date ?? now.toISOString(),
          url: `${webUrl}/-/pipelines/${1000 + minor}`,
        },
    wikiPages: [
      { title: 'Installation', url: `${webUrl}/-/wikis/installation` },
      { title: 'Exploitation', url: `${webUrl}/-/wikis/exploitation` },
    ],
  };
}

const RESULTS = ['SUCCESS', 'SUCCESS', 'SUCCESS', 'FAILURE', 'UNSTABLE', 'SUCCESS', 'SUCCESS'];

/** One job's demonstration builds: most pass, some fail or are unstable; the quiet projects built long ago. */
export function demoBuilds(path: string, now: Date): FetchedBuilds {
  const random = generator(`jenkins:${path}`);
  const jobUrl = `https://usine.assurance-maladie.fr/${path
    .split('/')
    .map((p) => `job/${p}`)
    .join('/')}/`;
  const quiet = generator(path)() < 0.3;
  const last = 20 + Math.floor(random() * 200);
  const builds = Array.from({ length: 6 }, (_, i) => {
    const result = RESULTS[Math.floor(random() * RESULTS.length)] as string;
    return {
      number: last - i,
      result,
      building: false,
      startedAt: new Date(now.getTime() - ((quiet ? 190 : 1) + i * 2) * 24 * HOUR - 3 * HOUR).toISOString(),
      durationMs: 60_000 + Math.floor(random() * 240_000),
      url: `${jobUrl}${last - i}/`,
    };
  });
  const passed = 80 + Math.floor(random() * 300);
  const failed = builds[0]?.result === 'SUCCESS' ? 0 : 1 + Math.floor(random() * 5);
  return {
    jobUrl,
    color: builds[0]?.result === 'SUCCESS' ? 'blue' : builds[0]?.result === 'UNSTABLE' ? 'yellow' : 'red',
    builds,
    tests: { passed, failed, skipped: Math.floor(random() * 4) },
  };
}

/**
 * Demonstration activity, builds and Composer packages (seed-packages.ts) for every forge address of the demo sheets and projects, marked `demo` (the
 * pages say so). Written once: a restart, or GitLab configured later (the sync replaces it), keeps it.
 */
export async function seedDemoForge(db: Database, now = new Date()) {
  let created = 0;
  for (const url of await listForgeUrls(db)) {
    const path = forgeProjectPath(url, null);
    if (!path || (await findSnapshot(db, 'gitlab', path))) continue;
    const data = demoActivity(path, now);
    await saveSnapshot(db, {
      system: 'gitlab',
      subject: path,
      source: 'demo',
      data,
      cursor: data.commits[0]?.date ?? null,
      at: new Date(now.getTime() - 2 * HOUR),
    });
    const builds = demoBuilds(path, now);
    await saveSnapshot(db, {
      system: 'jenkins',
      subject: path,
      source: 'demo',
      data: builds,
      cursor: String(builds.builds[0]?.number ?? ''),
      at: new Date(now.getTime() - 2 * HOUR),
    });
    created++;
  }
  await seedDemoPackages(db, now);
  await refreshForgeSignals(db, null, now);
  return { created };
}
