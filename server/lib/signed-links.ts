import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { serverSecrets } from '../db/schema.ts';

/**
 * Links that act without a session (the one-click unsubscribe of an e-mail) carry their own proof: the
 * fields they name and an HMAC-SHA-256 of them under a server key of their purpose. The key is drawn
 * once and kept in the database (`server_secrets`), so every instance signs and checks alike and a link
 * outlives restarts. Whoever holds a link can do what it names, nothing else: tampering with a field
 * breaks the signature.
 */

const secrets = new WeakMap<object, Map<string, Buffer>>();

/** The key of a purpose, drawn at random the first time any instance asks (two racing keep the first). */
export async function serverSecret(db: Executor, purpose: string): Promise<Buffer> {
  const cached = secrets.get(db)?.get(purpose);
  if (cached) return cached;
  await db
    .insert(serverSecrets)
    .values({ name: purpose, secret: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(serverSecrets).where(eq(serverSecrets.name, purpose));
  const key = Buffer.from(row?.secret as string, 'base64url');
  if (!secrets.has(db)) secrets.set(db, new Map());
  secrets.get(db)?.set(purpose, key);
  return key;
}

const mac = (key: Buffer, purpose: string, payload: string) =>
  createHmac('sha256', key).update(`${purpose}\n${payload}`).digest();

/** `fields` (without line feeds) as a token for a URL: base64url of the fields, a dot, the signature. */
export function signFields(key: Buffer, purpose: string, fields: string[]) {
  const payload = Buffer.from(fields.join('\n')).toString('base64url');
  return `${payload}.${mac(key, purpose, payload).toString('base64url')}`;
}

/** The fields of a token this key signed for this purpose, or null (tampered, truncated, another purpose). */
export function verifyFields(key: Buffer, purpose: string, token: string): string[] | null {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return null;
  const expected = mac(key, purpose, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(payload, 'base64url').toString('utf8').split('\n');
}
