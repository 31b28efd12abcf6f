import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../lib/attachments.ts';
import { createSheet, designerAndOthers, multipartForm, uploadFile } from '../../../test/catalog-fixtures.ts';
import { type Agent, createTestContext, type TestContext } from '../../../test/harness.ts';
import { tinyPng } from '../../../test/images.ts';

let t: TestContext;
let rhone: string;
let developer: Agent;
beforeAll(async () => {
  t = await createTestContext();
  ({ rhone, developer } = await designerAndOthers(t));
});
afterAll(() => t.close());

const BOUNDARY = '----mutualis-test';
const post = (url: string, payload: string | Buffer | Readable, contentType: string) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: developer.cookie, 'x-csrf-token': developer.csrfToken, 'content-type': contentType },
    payload,
  });
const attachmentsOf = async (id: string) =>
  (await developer.get(`/api/applications/${id}`)).json().attachments;
const filePart = (name: string, content: Buffer | string, field = 'file') =>
  Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from('\r\n'),
  ]);
const closing = Buffer.from(`--${BOUNDARY}--\r\n`);

describe('malformed multipart bodies', () => {
  it('answer 400 in French, never 500, and store nothing', async () => {
    const sheet = await createSheet(developer, rhone, { name: 'Application aux formulaires' });
    const url = `/api/applications/${sheet.id}/attachments`;
    const form = `multipart/form-data; boundary=${BOUNDARY}`;
    const cases = {
      'no boundary': post(url, Buffer.concat([filePart('a.png', tinyPng()), closing]), 'multipart/form-data'),
      'truncated body': post(url, filePart('a.png', tinyPng()).subarray(0, 150), form),
      'no file part': post(
        url,
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nscreenshot\r\n--${BOUNDARY}--\r\n`,
        form,
      ),
      'file in another field': post(
        url,
        Buffer.concat([filePart('a.png', tinyPng(), 'document'), closing]),
        form,
      ),
      'several files': post(
        url,
        Buffer.concat([filePart('a.png', tinyPng()), filePart('b.png', tinyPng()), closing]),
        form,
      ),
      garbage: post(url, 'ceci n’est pas un formulaire', form),
    };
    for (const [label, sent] of Object.entries(cases)) {
      const response = await sent;
      expect({ label, status: response.statusCode }).toEqual({ label, status: 400 });
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().detail).toMatch(/formulaire|fichier|champ/);
    }
    expect((await cases['several files']).json().detail).toBe(
      'Envoyez un seul fichier à la fois, dans le champ « file ».',
    );
    expect(await attachmentsOf(sheet.id)).toEqual([]);
  });
});

describe('oversized uploads', () => {
  /**
   * The body arrives in two pieces, the first ending exactly at the size limit: the parser hands over
   * every byte it may before it learns, from the second piece, that the file goes on. A file read to
   * its end must still be found truncated.
   */
  function splitAtLimit(extra: number) {
    const content = Buffer.concat([tinyPng(), Buffer.alloc(MAX_ATTACHMENT_BYTES + extra)]);
    const whole = Buffer.concat([filePart('gros.png', content), closing]);
    const cut = whole.indexOf(content) + MAX_ATTACHMENT_BYTES;
    return Readable.from(
      (async function* () {
        yield whole.subarray(0, cut);
        await new Promise((resolve) => setTimeout(resolve, 50));
        yield whole.subarray(cut);
      })(),
    );
  }

  it('are refused with 413 and nothing is stored, wherever the body is cut', async () => {
    const sheet = await createSheet(developer, rhone, { name: 'Application aux gros fichiers' });
    const url = `/api/applications/${sheet.id}/attachments`;
    for (const extra of [1, 100, 65_536, 1_000_000]) {
      const response = await post(url, splitAtLimit(extra), `multipart/form-data; boundary=${BOUNDARY}`);
      expect({ extra, status: response.statusCode }).toEqual({ extra, status: 413 });
      expect(response.json().detail).toBe('Le contenu envoyé est trop volumineux.');
    }
    const atLimit = Buffer.concat([tinyPng(), Buffer.alloc(MAX_ATTACHMENT_BYTES - tinyPng().length)]);
    const { payload, contentType } = multipartForm({ name: 'juste.png', content: atLimit });
    expect((await post(url, payload, contentType)).statusCode).toBe(201);
    expect((await attachmentsOf(sheet.id)).map((a: { size: number }) => a.size)).toEqual([
      MAX_ATTACHMENT_BYTES,
    ]);
  });
});

describe('stored file names', () => {
  it('keep no bidirectional or control characters', async () => {
    const sheet = await createSheet(developer, rhone, { name: 'Application aux noms piégés' });
    const url = `/api/applications/${sheet.id}/attachments`;
    const names = {
      'facture\u202Egnp.exe.png': 'facturegnp.exe.png',
      '\u2066rapport\u2069\u200F\u200E\u202A\u202B\u202C\u202D.png': 'rapport.png',
      'bip\u0007\u001b\u0085.png': 'bip___.png',
    };
    for (const [sent, stored] of Object.entries(names)) {
      const response = await uploadFile(t.app, developer, url, { name: sent, content: tinyPng() });
      expect(response.statusCode).toBe(201);
      expect(response.json().fileName).toBe(stored);
    }
  });
});
