import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * The bytes of attachments, on disk under the data directory; the database keeps the metadata.
 * Measured (bench/attachment-storage.ts): a 5 MB `bytea` blocked the event loop for 3.9 s on the
 * embedded database (PGlite runs in the server's thread) and 65 ms when read back from PostgreSQL;
 * a file written or read through fs.promises (libuv's threads) blocks it for nothing measurable.
 */
export interface AttachmentFiles {
  /** Writes the file (synced to disk) before the row that names it is committed. */
  write(id: string, content: Buffer): Promise<void>;
  /** Opens the file for sending, or null if it is missing. */
  open(id: string): Promise<{ stream: NodeJS.ReadableStream; size: number } | null>;
  /** Removes the file; a file already gone is no error. */
  remove(id: string): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function attachmentFiles(dataDir: string): AttachmentFiles {
  const root = path.resolve(dataDir, 'attachments');
  const pathOf = (id: string) => {
    if (!UUID.test(id)) throw new Error(`not an attachment id: ${id}`);
    return path.join(root, id.slice(0, 2), id);
  };
  return {
    async write(id, content) {
      const target = pathOf(id);
      await mkdir(path.dirname(target), { recursive: true });
      // Written aside, synced, then renamed: a crash never leaves a half-written file under its name.
      const partial = `${target}.${randomUUID()}.part`;
      const handle = await open(partial, 'wx', 0o600);
      try {
        await handle.writeFile(content);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(partial, target);
    },
    async open(id) {
      try {
        const handle = await open(pathOf(id), 'r');
        const { size } = await handle.stat();
        return { stream: handle.createReadStream(), size };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    remove: (id) => rm(pathOf(id), { force: true }),
  };
}
