import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationAttachments } from '../../../db/schema.ts';
import { createSheet, designerAndOthers, uploadFile } from '../../../test/catalog-fixtures.ts';
import { type Agent, createTestContext, type TestContext } from '../../../test/harness.ts';
import { tinyPng } from '../../../test/images.ts';

let t: TestContext;
let rhone: string;
let developer: Agent; // CPAM-69
let otherDeveloper: Agent; // CPAM-13
let agent: Agent; // CPAM-13
beforeAll(async () => {
  t = await createTestContext();
  ({ rhone, developer, otherDeveloper, agent } = await designerAndOthers(t));
});
afterAll(() => t.close());

const upload = (
  agentOf: Agent,
  applicationId: string,
  kind: string,
  file: { name: string; type: string; content: Buffer },
) => uploadFile(t.app, agentOf, `/api/applications/${applicationId}/attachments`, file, { kind });

describe('screenshots and documents', () => {
  it('stores a file typed by its content and sends it back with safe headers', async () => {
    const application = await createSheet(developer, rhone, { name: 'Application illustrée' });
    const response = await upload(developer, application.id, 'screenshot', {
      name: '../../../écran d’accueil.png',
      type: 'text/html',
      content: tinyPng(),
    });
    expect(response.statusCode).toBe(201);
    const attachment = response.json();
    expect(attachment).toMatchObject({
      kind: 'screenshot',
      mediaType: 'image/png',
      fileName: 'écran d’accueil.png',
    });
    const download = await agent.get(`/api/applications/${application.id}/attachments/${attachment.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="ecran daccueil.png"; filename*=UTF-8''${encodeURIComponent('écran d’accueil.png')}`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(download.rawPayload.equals(tinyPng())).toBe(true);
    expect((await agent.get(`/api/applications/${application.id}`)).json().attachments).toHaveLength(1);
  });

  it('refuses a file whose content is not of an accepted type, an oversized file, another office', async () => {
    const application = await createSheet(developer, rhone, { name: 'Application sans pièges' });
    const html = await upload(developer, application.id, 'screenshot', {
      name: 'capture.png',
      type: 'image/png',
      content: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    expect(html.statusCode).toBe(415);
    expect(html.json().errors[0]).toEqual({
      field: 'file',
      message: "Une capture d'écran doit être une image PNG, JPEG, WebP ou GIF.",
    });
    const big = Buffer.concat([tinyPng(), Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await upload(developer, application.id, 'document', {
      name: 'gros.png',
      type: 'image/png',
      content: big,
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().detail).toBe('Le contenu envoyé est trop volumineux.');
    expect(
      (
        await upload(otherDeveloper, application.id, 'document', {
          name: 'a.png',
          type: 'image/png',
          content: tinyPng(),
        })
      ).statusCode,
    ).toBe(403);
    expect((await agent.get(`/api/applications/${application.id}`)).json().attachments).toEqual([]);
  });
});

describe('where the bytes are kept', () => {
  const filesOnDisk = () =>
    readdirSync(path.join(t.config.dataDir, 'attachments'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);

  it('on disk under the data directory, the row holding only metadata; removed with the attachment', async () => {
    const application = await createSheet(developer, rhone, { name: 'Application rangée' });
    const sent = Buffer.concat([tinyPng(), Buffer.alloc(4 * 1024 * 1024, 7)]);
    const created = (
      await upload(developer, application.id, 'document', {
        name: 'plan.png',
        type: 'image/png',
        content: sent,
      })
    ).json();
    const [row] = await t.db
      .select({ content: applicationAttachments.content, size: applicationAttachments.size })
      .from(applicationAttachments)
      .where(eq(applicationAttachments.id, created.id));
    expect(row).toEqual({ content: null, size: sent.length });
    const onDisk = readFileSync(
      path.join(t.config.dataDir, 'attachments', created.id.slice(0, 2), created.id),
    );
    expect(onDisk.equals(sent)).toBe(true);
    const download = await agent.get(`/api/applications/${application.id}/attachments/${created.id}`);
    expect(download.headers['content-length']).toBe(String(sent.length));
    expect(download.rawPayload.equals(sent)).toBe(true);
    const removed = await developer.request(
      'DELETE',
      `/api/applications/${application.id}/attachments/${created.id}`,
    );
    expect(removed.statusCode).toBe(204);
    expect(filesOnDisk()).not.toContain(created.id);
  });

  it('leaves no file behind when the attachment is refused after it was written', async () => {
    const application = await createSheet(developer, rhone, { name: 'Application pleine' });
    const before = new Set(filesOnDisk());
    const sheetId = application.id;
    for (let n = 0; n < 30; n += 1)
      expect(
        (
          await upload(developer, sheetId, 'screenshot', {
            name: `${n}.png`,
            type: 'image/png',
            content: tinyPng(),
          })
        ).statusCode,
      ).toBe(201);
    const refused = await upload(developer, sheetId, 'screenshot', {
      name: '31.png',
      type: 'image/png',
      content: tinyPng(),
    });
    expect(refused.statusCode).toBe(422);
    const added = filesOnDisk().filter((name) => !before.has(name));
    const attached = (await developer.get(`/api/applications/${sheetId}`)).json().attachments;
    expect(added.sort()).toEqual(attached.map((a: { id: string }) => a.id).sort());
    expect(added).toHaveLength(30);
  });
});
