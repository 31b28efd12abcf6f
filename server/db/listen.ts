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
 * Listens to NOTIFY channels of the database (sent at commit, so a rolled-back change says nothing), each
 * with its handler: on PostgreSQL through one connection of the pool kept for all of them, on the
 * embedded PGlite through its own `listen`. Resolves to the function that stops listening.
 */
export async function listenTo(
  db: Database,
  handlers: Record<string, (payload: string) => void>,
  onError: (error: unknown) => void,
): Promise<() => Promise<void>> {
  const channels = Object.keys(handlers);
  for (const channel of channels)
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  const client = (db as unknown as { $client: PgliteClient | PgPool }).$client;
  if ('listen' in client) {
    const stops = await Promise.all(
      channels.map((channel) => client.listen(channel, handlers[channel] as (payload: string) => void)),
    );
    return async () => {
      for (const stop of stops) await stop();
    };
  }
  const connection = await client.connect();
  connection.on('notification', (message) => {
    if (message.payload) handlers[message.channel]?.(message.payload);
  });
  connection.on('error', onError);
  for (const channel of channels) await connection.query(`LISTEN ${channel}`);
  return async () => {
    await connection.query('UNLISTEN *').catch(() => undefined);
    connection.release(true);
  };
}
