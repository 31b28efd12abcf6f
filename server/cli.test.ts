import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompiledServer, runCompiled } from './test/compiled-cli.ts';
import { embeddedOnlyTitle, inPostgresRun } from './test/embedded-only.ts';

const TEST_TIMEOUT_MS = 600_000;
const cli = runCompiled;

const dataDirs: string[] = [];
let migrated: string;
/**
 * The commands run compiled, as `npm start` runs the server (built once, reused while the sources stay):
 * no transpiling at each of the dozen process starts. Each test copies one database migrated here
 * rather than creating its own (PostgreSQL's initdb is the slow part of a first start).
 */
beforeAll(async () => {
  if (inPostgresRun) return;
  await buildCompiledServer();
  migrated = mkdtempSync(path.join(tmpdir(), 'mutualis-cli-template-'));
  dataDirs.push(migrated);
  const result = await cli(migrated, 'cli', ['db', 'migrate']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
}, TEST_TIMEOUT_MS);
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});
/** A database of its own for one test, migrated and empty: no test sees another's data. */
function freshDataDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'mutualis-cli-'));
  dataDirs.push(dir);
  cpSync(migrated, dir, { recursive: true });
  return dir;
}

const createAdmin = (dataDir: string, email: string, name: string) =>
  cli(dataDir, 'cli', ['user', 'create-admin', '--email', email, '--name', name]);

// Each test has its own database folder, so the processes of different tests run side by side.
describe.skipIf(inPostgresRun)(
  embeddedOnlyTitle('command line'),
  { timeout: TEST_TIMEOUT_MS, concurrent: true },
  () => {
    it('creates the first administrator on an empty database, then refuses a duplicate', async ({
      expect,
    }) => {
      const dataDir = freshDataDir();
      const created = await createAdmin(dataDir, 'Chef@Cnam.fr', 'Première Admin');
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      expect(created.stdout).toContain('Administrateur créé : chef@cnam.fr (CNAM-DDO)');
      expect(created.stdout).toMatch(/Mot de passe initial .* : [\w-]{24}/);
      const again = await createAdmin(dataDir, 'chef@cnam.fr', 'Bis');
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('Un compte existe déjà');
    });

    it('loads the reference offices, then reloads them idempotently', async ({ expect }) => {
      const dataDir = freshDataDir();
      const first = await cli(dataDir, 'cli', ['reference', 'load']);
      expect(first.code).toBe(0);
      const [, total, inserted] = first.stdout.match(/organismes .* : (\d+) lignes, (\d+) ajoutées/) ?? [];
      expect(Number(total)).toBeGreaterThan(100);
      expect(inserted).toBe(total);
      const again = await cli(dataDir, 'cli', ['reference', 'load']);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain(`organismes`);
      expect(again.stdout).toContain(`: ${total} lignes, 0 ajoutées, 0 mises à jour.`);
    });

    it('imports an inventory file with a progress bar, in the name of the first admin; a bad file writes nothing', async ({
      expect,
    }) => {
      const dataDir = freshDataDir();
      const header =
        'Identifiant;Nom;Description courte;Domaine métier;Organisme concepteur;Filière;Cycle de vie;Hébergement';
      const line = (code: string, track = 'Hors standard') =>
        `${code};Application ${code};Application ${code} pour tester la ligne de commande.;Ressources humaines;CPAM-69;${track};En production;Serveur de l'organisme`;
      expect((await createAdmin(dataDir, 'chef@cnam.fr', 'Première Admin')).code).toBe(0);
      const bad = path.join(dataDir, 'mauvais.csv');
      writeFileSync(bad, [header, line('CLI-UN'), line('CLI-DEUX', 'Inconnue')].join('\n'));
      const refused = await cli(dataDir, 'cli', ['import', 'applications', bad]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('Ligne 3 — Filière : Filière inconnue.');
      expect(refused.stderr).toContain("1 erreur(s) : rien n'a été importé (2 lignes lues).");

      // Nothing was written by the bad file: the same two codes are created now, not updated.
      const good = path.join(dataDir, 'inventaire.csv');
      writeFileSync(good, [header, line('CLI-UN'), line('CLI-DEUX')].join('\n'));
      const imported = await cli(dataDir, 'cli', ['import', 'applications', good]);
      expect(imported.code).toBe(0);
      expect(imported.stderr).toContain('Import [##############################] 2/2');
      expect(imported.stdout).toContain(
        'Import terminé : 2 création(s), 0 mise(s) à jour, 2 ligne(s) lue(s).',
      );
      const again = await cli(dataDir, 'cli', ['import', 'applications', good, '--as', 'chef@cnam.fr']);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('0 création(s), 2 mise(s) à jour');
    });

    it('db migrate exits non-zero when the database cannot be reached', async ({ expect }) => {
      const result = await cli(freshDataDir(), 'cli', ['db', 'migrate'], {
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('Échec');
    });

    it('the server refuses to start on a bad variable and names it', async ({ expect }) => {
      const result = await cli(freshDataDir(), 'main', [], { PORT: 'trois-mille' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('PORT doit être un entier / PORT must be an integer');
    });
  },
);
