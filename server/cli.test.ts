import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(tmpdir(), 'mutualis-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs a command as an operator would: a real process on a real embedded database in a temp folder. */
async function cli(script: string, args: string[], env: Record<string, string> = {}) {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script, ...args], {
      env: { ...base, MUTUALIS_DATA_DIR: dataDir, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('command line', () => {
  it('creates the first administrator on an empty database, then refuses a duplicate', async () => {
    const created = await cli('server/cli.ts', [
      'user',
      'create-admin',
      '--email',
      'Chef@Cnam.fr',
      '--name',
      'Première Admin',
    ]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Administrateur créé : chef@cnam.fr (CNAM-DDO)');
    expect(created.stdout).toMatch(/Mot de passe initial .* : [\w-]{24}/);
    const again = await cli('server/cli.ts', [
      'user',
      'create-admin',
      '--email',
      'chef@cnam.fr',
      '--name',
      'Bis',
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Un compte existe déjà');
  });

  it('reloads the reference offices idempotently', async () => {
    const result = await cli('server/cli.ts', ['reference', 'load']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\d+ lignes, 0 ajoutées, 0 mises à jour/);
  });

  it('imports an inventory file with a progress bar, in the name of the first admin; a bad file writes nothing', async () => {
    const header =
      'Identifiant;Nom;Description courte;Domaine métier;Organisme concepteur;Filière;Cycle de vie;Hébergement';
    const line = (code: string, track = 'Hors standard') =>
      `${code};Application ${code};Application ${code} pour tester la ligne de commande.;Ressources humaines;CPAM-69;${track};En production;Serveur de l'organisme`;
    const bad = path.join(dataDir, 'mauvais.csv');
    writeFileSync(bad, [header, line('CLI-UN'), line('CLI-DEUX', 'Inconnue')].join('\n'));
    const refused = await cli('server/cli.ts', ['import', 'applications', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Ligne 3 — Filière : Filière inconnue.');
    expect(refused.stderr).toContain("1 erreur(s) : rien n'a été importé (2 lignes lues).");

    const good = path.join(dataDir, 'inventaire.csv');
    writeFileSync(good, [header, line('CLI-UN'), line('CLI-DEUX')].join('\n'));
    const imported = await cli('server/cli.ts', ['import', 'applications', good]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('Import [##############################] 2/2');
    expect(imported.stdout).toContain('Import terminé : 2 création(s), 0 mise(s) à jour, 2 ligne(s) lue(s).');
    const again = await cli('server/cli.ts', ['import', 'applications', good, '--as', 'chef@cnam.fr']);
    expect(again.stdout).toContain('0 création(s), 2 mise(s) à jour');
  });

  it('db migrate exits non-zero when the database cannot be reached', async () => {
    const result = await cli('server/cli.ts', ['db', 'migrate'], {
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Échec');
  });

  it('the server refuses to start on a bad variable and names it', async () => {
    const result = await cli('server/main.ts', [], { PORT: 'trois-mille' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT doit être un entier / PORT must be an integer');
  });
});
