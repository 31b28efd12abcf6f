import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import { listenTo } from '../../db/listen.ts';
import { liveSessions, SESSIONS_ENDED_CHANNEL, type SessionTimeouts } from '../auth/sessions.queries.ts';
import { countUnread, NOTIFY_CHANNEL } from './notifications.queries.ts';

/** The browser reconnects after this delay when the stream drops. */
const RETRY_MS = 5_000;

interface Stream {
  userId: string;
  sessionId: string;
  response: ServerResponse;
}

/**
 * The live streams of this process (Server-Sent Events): per person, the open responses. An event's
 * notifications are announced by a NOTIFY at commit (notifications.fanout.ts), whichever process wrote
 * them; each stream of a person named then receives the new unread count, and only theirs. A stream
 * lives as long as its session: a session ended anywhere (sign-out, password change, deactivation,
 * housekeeping) is announced by a NOTIFY too and its streams close at once; one that merely ran out of
 * time is found at the next heartbeat. One timer beats for every stream (a comment line, so that proxies
 * keep quiet streams open); an idle stream costs its socket and two entries in maps.
 */
export class NotificationStreams {
  private readonly byUser = new Map<string, Set<Stream>>();
  private readonly bySession = new Map<string, Set<Stream>>();
  private heartbeat: NodeJS.Timeout | undefined;
  private listening: Promise<() => Promise<void>> | undefined;

  constructor(
    private readonly db: Database,
    private readonly log: FastifyBaseLogger,
    private readonly options: { heartbeatMs: number; timeouts: SessionTimeouts },
  ) {}

  get size() {
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }

  /** Opens a stream for a session: headers, the retry delay and the unread count at once. */
  async open(session: { userId: string; sessionId: string }, response: ServerResponse) {
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
    const stream: Stream = { ...session, response };
    add(this.byUser, session.userId, stream);
    add(this.bySession, session.sessionId, stream);
    response.on('close', () => {
      remove(this.byUser, stream.userId, stream);
      remove(this.bySession, stream.sessionId, stream);
    });
    this.send(response, 'unread', { unread: await countUnread(this.db, session.userId) });
    this.heartbeat ??= setInterval(() => void this.beat(), this.options.heartbeatMs).unref();
  }

  /** Tells these people's streams their new unread count (one count per person connected here). */
  async announce(userIds: Iterable<string>) {
    for (const userId of new Set(userIds)) {
      const set = this.byUser.get(userId);
      if (!set || set.size === 0) continue;
      const unread = await countUnread(this.db, userId);
      for (const stream of set) this.send(stream.response, 'notification', { unread });
    }
  }

  /** Ends the streams of sessions that ended: the browser's reconnection then meets a 401 and stops. */
  endSessions(sessionIds: Iterable<string>) {
    for (const sessionId of sessionIds)
      for (const stream of [...(this.bySession.get(sessionId) ?? [])]) stream.response.end();
  }

  async close() {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    for (const set of this.byUser.values()) for (const stream of set) stream.response.end();
    this.byUser.clear();
    this.bySession.clear();
    const stop = await this.listening?.catch(() => undefined);
    this.listening = undefined;
    await stop?.();
  }

  private listen() {
    this.listening ??= listenTo(
      this.db,
      {
        [NOTIFY_CHANNEL]: (payload) => {
          this.announce(payload.split(',')).catch((error: unknown) =>
            this.log.warn({ err: error }, 'notification stream: announce failed'),
          );
        },
        [SESSIONS_ENDED_CHANNEL]: (payload) => this.endSessions(payload.split(',')),
      },
      (error) => this.log.error({ err: error }, 'notification stream: listening connection failed'),
    );
    return this.listening;
  }

  private send(response: ServerResponse, event: string, data: unknown) {
    if (!response.writableEnded) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** The heartbeat, and the end of streams whose session ran out of time (idle or absolute timeout). */
  private async beat() {
    for (const set of this.byUser.values()) for (const stream of set) stream.response.write(': ping\n\n');
    const sessionIds = [...this.bySession.keys()];
    try {
      const live = await liveSessions(this.db, sessionIds, this.options.timeouts);
      this.endSessions(sessionIds.filter((id) => !live.has(id)));
    } catch (error) {
      this.log.warn({ err: error }, 'notification stream: session check failed');
    }
  }
}

function add(map: Map<string, Set<Stream>>, key: string, stream: Stream) {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(stream);
}

function remove(map: Map<string, Set<Stream>>, key: string, stream: Stream) {
  const set = map.get(key);
  set?.delete(stream);
  if (set?.size === 0) map.delete(key);
}
