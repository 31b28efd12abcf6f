import type { Database } from './client.ts';

interface PgliteClient {
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}
interface PgPool {
  connect(): Promise<{
    query(text: string): Promise<unknown>;
    on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): void;
    on(event: 'error', listener: (error: Error) => void): void;
    release(destroy?: boolean): void;
  }>;
}

/**
 * Listens to a NOTIFY channel of the database (sent at commit, so a rolled-back change says nothing):
 * on PostgreSQL through one connection of the pool kept for it, on the embedded PGlite through its
 * own `listen`. Resolves to the function that stops listening.
 */
export async function listenTo(
  db: Database,
  channel: string,
  onPayload: (payload: string) => void,
  onError: (error: unknown) => void,
): Promise<() => Promise<void>> {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  const client = (db as unknown as { $client: PgliteClient | PgPool }).$client;
  if ('listen' in client) return client.listen(channel, onPayload);
  const connection = await client.connect();
  connection.on('notification', (message) => {
    if (message.channel === channel && message.payload) onPayload(message.payload);
  });
  connection.on('error', onError);
  await connection.query(`LISTEN ${channel}`);
  return async () => {
    await connection.query(`UNLISTEN ${channel}`).catch(() => undefined);
    connection.release(true);
  };
}
