import type { FetchedPackage } from '../../integrations/composer.ts';
import { forgeProjectPath } from '../../modules/forge/forge-activity.ts';
import { findSnapshot, listForgeUrls, saveSnapshot } from '../../modules/forge/integrations.queries.ts';
import { INDEX_SUBJECT, LOCK_PREFIX, type StoredLock } from '../../modules/forge/packages.service.ts';
import type { Database } from '../client.ts';

const DAY = 24 * 3600_000;

/** The network's shared packages: name, description, licence, versions (newest first) with their age in days. */
const PACKAGES: { name: string; description: string; licence: string; versions: [string, number][] }[] = [
  {
    name: 'cnam/sk-php',
    description: 'Starter kit PHP du réseau (SK PHP) : socle applicatif, authentification, journalisation.',
    licence: 'EUPL-1.2',
    versions: [
      ['v3.2.0', 20],
      ['v3.1.4', 75],
      ['v3.1.0', 140],
      ['v3.0.2', 230],
      ['v2.9.0', 420],
    ],
  },
  {
    name: 'cnam/connecteur-sni',
    description:
      'Connecteur au système d’information national (référentiel des assurés et des bénéficiaires).',
    licence: 'EUPL-1.2',
    versions: [
      ['1.6.0', 35],
      ['1.5.2', 110],
      ['1.4.0', 260],
    ],
  },
  {
    name: 'cnam/psram-rules',
    description: 'Règles PSRAM pour PHP_CodeSniffer et PHPStan (normes de codage du réseau).',
    licence: 'EUPL-1.2',
    versions: [
      ['2.3.0', 50],
      ['2.2.1', 160],
    ],
  },
  {
    name: 'cnam/connecteur-annuaire',
    description: 'Connecteur à l’annuaire national des agents (LDAP) : comptes, habilitations, organismes.',
    licence: 'EUPL-1.2',
    versions: [
      ['0.9.1', 15],
      ['0.8.0', 190],
    ],
  },
];

/** A small deterministic generator per project, so that the demo is the same at every start. */
function generator(seed: string) {
  let state = [...seed].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 11);
  return () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

/** What a demo project's composer.lock requires: always the starter kit, the others often; some behind. */
export function demoLock(path: string): StoredLock {
  const random = generator(`composer:${path}`);
  const requires: Record<string, string> = { 'symfony/console': 'v6.4.3' };
  PACKAGES.forEach((pkg, i) => {
    if (i > 0 && random() < 0.45) return;
    const versions = pkg.versions.map(([version]) => version);
    requires[pkg.name] = versions[
      Math.min(versions.length - 1, Math.floor(random() * random() * versions.length))
    ] as string;
  });
  return { found: true, requires };
}

/**
 * Demonstration packages and composer.lock files for the demo sheets, marked `demo` (the page says so).
 * Written once; the Composer sync replaces them once the repository is configured.
 */
export async function seedDemoPackages(db: Database, now = new Date()) {
  if (await findSnapshot(db, 'composer', INDEX_SUBJECT)) return { created: 0 };
  const at = new Date(now.getTime() - 2 * 3600_000);
  const demo = { system: 'composer' as const, source: 'demo' as const, cursor: null, at };
  for (const pkg of PACKAGES) {
    const data: FetchedPackage = {
      name: pkg.name,
      description: pkg.description,
      versions: pkg.versions.map(([version, age]) => ({
        version,
        releasedAt: new Date(now.getTime() - age * DAY).toISOString(),
        licences: [pkg.licence],
      })),
      lastModified: null,
    };
    await saveSnapshot(db, { ...demo, subject: pkg.name, data });
  }
  await saveSnapshot(db, {
    ...demo,
    subject: INDEX_SUBJECT,
    data: { packages: PACKAGES.map((p) => p.name) },
  });
  let created = 0;
  for (const url of await listForgeUrls(db)) {
    const path = forgeProjectPath(url, null);
    if (!path) continue;
    await saveSnapshot(db, { ...demo, subject: `${LOCK_PREFIX}${path}`, data: demoLock(path) });
    created++;
  }
  return { created };
}
