import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import { listenTo } from '../../db/listen.ts';
import { countUnread, NOTIFY_CHANNEL } from './notifications.queries.ts';

/** A comment line every 25 s keeps proxies (and their idle timeouts) from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;
/** The browser reconnects after this delay when the stream drops. */
const RETRY_MS = 5_000;

/**
 * The live streams of this process (Server-Sent Events): per person, the open responses. An event's
 * notifications are announced by a NOTIFY at commit (notifications.fanout.ts), whichever process wrote
 * them; each stream of a person named then receives the new unread count, and only theirs. One timer
 * beats for every stream; an idle stream costs its socket and one entry in a map.
 */
export class NotificationStreams {
  private readonly streams = new Map<string, Set<ServerResponse>>();
  private heartbeat: NodeJS.Timeout | undefined;
  private listening: Promise<() => Promise<void>> | undefined;

  constructor(
    private readonly db: Database,
    private readonly log: FastifyBaseLogger,
  ) {}

  get size() {
    let n = 0;
    for (const set of this.streams.values()) n += set.size;
    return n;
  }

  /** Opens a stream for a person: headers, the retry delay and the unread count at once. */
  async open(userId: string, response: ServerResponse) {
    await this.listen();
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      // nginx buffers proxied responses unless told not to.
      'X-Accel-Buffering': 'no',
      'X-Content-Type-Options': 'nosniff',
    });
    response.write(`retry: ${RETRY_MS}\n\n`);
    let set = this.streams.get(userId);
    if (!set) {
      set = new Set();
      this.streams.set(userId, set);
    }
    set.add(response);
    response.on('close', () => this.drop(userId, response));
    this.send(response, 'unread', { unread: await countUnread(this.db, userId) });
    this.heartbeat ??= setInterval(() => this.beat(), HEARTBEAT_MS).unref();
  }

  /** Tells these people's streams their new unread count (one count per person connected here). */
  async announce(userIds: Iterable<string>) {
    for (const userId of new Set(userIds)) {
      const set = this.streams.get(userId);
      if (!set || set.size === 0) continue;
      const unread = await countUnread(this.db, userId);
      for (const response of set) this.send(response, 'notification', { unread });
    }
  }

  async close() {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    for (const set of this.streams.values()) for (const response of set) response.end();
    this.streams.clear();
    const stop = await this.listening?.catch(() => undefined);
    this.listening = undefined;
    await stop?.();
  }

  private listen() {
    this.listening ??= listenTo(
      this.db,
      NOTIFY_CHANNEL,
      (payload) => {
        this.announce(payload.split(',')).catch((error: unknown) =>
          this.log.warn({ err: error }, 'notification stream: announce failed'),
        );
      },
      (error) => this.log.error({ err: error }, 'notification stream: listening connection failed'),
    );
    return this.listening;
  }

  private send(response: ServerResponse, event: string, data: unknown) {
    if (!response.writableEnded) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private beat() {
    for (const set of this.streams.values()) for (const response of set) response.write(': ping\n\n');
  }

  private drop(userId: string, response: ServerResponse) {
    const set = this.streams.get(userId);
    set?.delete(response);
    if (set?.size === 0) this.streams.delete(userId);
  }
}
