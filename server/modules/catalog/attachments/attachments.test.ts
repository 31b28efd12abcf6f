import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    expect(html.statusCode).toBe(422);
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
