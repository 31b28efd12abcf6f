import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import {
  lstat,
  mkdir,
  open,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  stat,
  symlink,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * A build made once and reused while its sources are unchanged, safe when several processes start
 * together. `target` (e.g. build/web) is a symbolic link to `<target>-builds/<id>`, a directory holding
 * the output and the stamp of the sources it was built from. A build is written into a fresh directory
 * and published by renaming a new link over the old one, which is atomic: a reader sees the old build
 * or the new one, never a half-written one. A lock file makes the other starters wait for the build
 * rather than repeat it; the rename keeps the result whole even if a lock is ever wrongly taken over.
 */
export interface BuildOnceOptions {
  /** The directory the source paths are relative to. */
  root: string;
  /** Files and directories whose content decides whether the build is current. */
  sources: string[];
  /** Where the build is served from, relative to root. */
  target: string;
  /** Writes the output into this empty directory. */
  build: (outDir: string) => Promise<void>;
  /** Rebuild even when the stamp matches. */
  force?: boolean;
  /** How long to wait for another process's build before giving up. */
  waitMs?: number;
  log?: (message: string) => void;
}

export interface BuildOnceResult {
  built: boolean;
  stamp: string;
  /** The directory the target link points to. */
  directory: string;
}

const STAMP_FILE = '.build-stamp';
const POLL_MS = 200;
const EMPTY_LOCK_MS = 10_000;
const SKIPPED = new Set(['node_modules', '.git']);

/** A hash of every source file's path and content, in a stable order. */
export async function sourceStamp(root: string, sources: string[]): Promise<string> {
  const hash = createHash('sha256');
  const files = (await Promise.all(sources.map((source) => listFiles(root, source)))).flat().sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(await readFile(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

async function listFiles(root: string, relative: string): Promise<string[]> {
  const info = await stat(path.join(root, relative)).catch(() => null);
  if (!info) return [];
  if (!info.isDirectory()) return [relative];
  const entries = await readdir(path.join(root, relative));
  const nested = await Promise.all(
    entries
      .filter((entry) => !SKIPPED.has(entry))
      .map((entry) => listFiles(root, path.join(relative, entry))),
  );
  return nested.flat();
}

/** The stamp of the build the target points to, or null when there is none. */
export async function currentStamp(targetPath: string): Promise<string | null> {
  return readFile(path.join(targetPath, STAMP_FILE), 'utf8').catch(() => null);
}

export async function buildOnce(options: BuildOnceOptions): Promise<BuildOnceResult> {
  const log = options.log ?? (() => undefined);
  const targetPath = path.join(options.root, options.target);
  const buildsDir = `${targetPath}-builds`;
  const stamp = await sourceStamp(options.root, options.sources);
  const isCurrent = async () => !options.force && (await currentStamp(targetPath)) === stamp;
  const result = async (built: boolean) => ({
    built,
    stamp,
    directory: path.resolve(path.dirname(targetPath), await readlink(targetPath)),
  });

  if (await isCurrent()) return result(false);
  await mkdir(buildsDir, { recursive: true });
  const release = await acquireLock(path.join(buildsDir, '.lock'), options.waitMs ?? 600_000, isCurrent, log);
  if (!release) return result(false);
  try {
    // Another process may have finished the same build while this one waited for the lock.
    if (await isCurrent()) return result(false);
    const id = `${Date.now().toString(36)}-${process.pid}`;
    const outDir = path.join(buildsDir, `${id}.partial`);
    await options.build(outDir);
    await writeFile(path.join(outDir, STAMP_FILE), stamp);
    await rename(outDir, path.join(buildsDir, id));
    await publish(targetPath, path.join(path.basename(buildsDir), id));
    await removeOtherBuilds(buildsDir, id);
    log(`${options.target}: built (${stamp.slice(0, 12)})`);
    return result(true);
  } finally {
    await release();
  }
}

/** Points `targetPath` at `relativeTarget` with one rename; a real directory left by an older layout goes first. */
async function publish(targetPath: string, relativeTarget: string) {
  const existing = await lstat(targetPath).catch(() => null);
  if (existing && !existing.isSymbolicLink()) await rm(targetPath, { recursive: true, force: true });
  const link = `${targetPath}.link-${process.pid}`;
  await rm(link, { force: true });
  await symlink(relativeTarget, link);
  await rename(link, targetPath);
}

async function removeOtherBuilds(buildsDir: string, keep: string) {
  for (const entry of await readdir(buildsDir)) {
    if (entry !== keep && !entry.startsWith('.'))
      await rm(path.join(buildsDir, entry), { recursive: true, force: true });
  }
}

/**
 * Takes the lock file, or waits while another live process holds it. Returns null when the awaited
 * build became current meanwhile (nothing left to do), else the function that releases the lock.
 * A lock whose process is gone (killed mid-build) is taken over.
 */
async function acquireLock(
  lockPath: string,
  waitMs: number,
  isCurrent: () => Promise<boolean>,
  log: (message: string) => void,
): Promise<(() => Promise<void>) | null> {
  const deadline = Date.now() + waitMs;
  let announced = false;
  for (;;) {
    try {
      const handle = await open(lockPath, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY);
      await handle.writeFile(`${process.pid}@${hostname()}`);
      await handle.close();
      return () => unlink(lockPath).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isCurrent()) return null;
    if (await holderIsGone(lockPath)) {
      await rename(lockPath, `${lockPath}.stale-${process.pid}`).catch(() => undefined);
      await rm(`${lockPath}.stale-${process.pid}`, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${lockPath} : une autre construction ne se termine pas.`);
    if (!announced) log(`${path.basename(path.dirname(lockPath))}: another process is building, waiting`);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function holderIsGone(lockPath: string) {
  const holder = await readFile(lockPath, 'utf8').catch(() => null);
  if (holder === null) return false;
  const [pid, host] = holder.split('@');
  // Created but never filled: its process died between the two steps, or is about to fill it.
  if (!pid)
    return Date.now() - ((await stat(lockPath).catch(() => null))?.mtimeMs ?? Date.now()) > EMPTY_LOCK_MS;
  // Held on another machine sharing the folder: not ours to judge, wait.
  if (host !== hostname()) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
