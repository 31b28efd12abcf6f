import { existsSync, openAsBlob, readdirSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createEmbeddedClient, embeddedDataPath } from './client.embedded.ts';

/**
 * Backups of the embedded database (`npm run cli -- backup FILE` / `restore FILE`).
 *
 * The file is PGlite's own dump of its data folder (`dumpDataDir`: a tar of PostgreSQL's files,
 * gzipped), read back by `loadDataDir`. It is taken by a separate process while the server is stopped:
 * PGlite is one PostgreSQL in one process, with no lock that a second process would respect, so the
 * server's event loop never carries a backup and two processes never write the same files. Measured
 * against a SQL dump in docs/operations.md ("Backups").
 */
export class BackupError extends Error {}

/** PGlite writes `postmaster.pid` when it opens its folder and removes it when it closes it. */
function refuseWhileOpen(dataDir: string) {
  if (existsSync(path.join(embeddedDataPath(dataDir), 'postmaster.pid')))
    throw new BackupError(
      `La base embarquée de ${dataDir} est ouverte (postmaster.pid) : arrêtez le serveur avant la sauvegarde ou la restauration.`,
    );
}

export async function backupEmbeddedDatabase(dataDir: string, file: string) {
  if (!existsSync(path.join(embeddedDataPath(dataDir), 'PG_VERSION')))
    throw new BackupError(`Aucune base embarquée dans ${dataDir} : rien à sauvegarder.`);
  refuseWhileOpen(dataDir);
  const client = await createEmbeddedClient({ dataDir });
  let dump: Blob;
  try {
    await client.query('CHECKPOINT');
    dump = await client.dumpDataDir('gzip');
  } finally {
    await client.close();
  }
  // Written beside its destination, then renamed: an interrupted backup never looks complete.
  const partial = `${file}.partial`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
  return { bytes: dump.size };
}

export async function restoreEmbeddedDatabase(dataDir: string, file: string) {
  const target = embeddedDataPath(dataDir);
  if (existsSync(target) && readdirSync(target).length > 0)
    throw new BackupError(
      `${target} contient déjà une base : la restauration ne l'écrase jamais (déplacez-la, ou choisissez un autre MUTUALIS_DATA_DIR).`,
    );
  let content: Blob;
  try {
    content = await openAsBlob(file);
  } catch {
    throw new BackupError(`Fichier illisible : ${file}`);
  }
  // A gzip stream starts with 1f 8b: anything else is not one of our backups.
  const magic = new Uint8Array(await content.slice(0, 2).arrayBuffer());
  if (magic[0] !== 0x1f || magic[1] !== 0x8b)
    throw new BackupError(`${file} n'est pas une sauvegarde de la base embarquée (fichier .tar.gz attendu).`);
  try {
    const client = await createEmbeddedClient({ dataDir, loadDataDir: content });
    const { rows } = await client.query<{ tables: number }>(
      "SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'",
    );
    await client.close();
    return { tables: rows[0]?.tables ?? 0 };
  } catch (error) {
    // Nothing half-restored stays behind to be started by mistake.
    await rm(target, { recursive: true, force: true });
    throw new BackupError(`Restauration impossible depuis ${file} : ${(error as Error).message}`);
  }
}
