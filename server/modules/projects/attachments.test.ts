import { existsSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema.ts';
import { uploadFile } from '../../test/catalog-fixtures.ts';
import type { Agent, TestContext } from '../../test/harness.ts';
import { tinyPng } from '../../test/images.ts';
import { declareProject, type ProjectPeople, startProjectTests } from '../../test/project-fixtures.ts';

/** Screenshots and documents of a project: the catalogue's storage and checks, the project's parties. */
let t: TestContext;
let p: ProjectPeople;
beforeAll(async () => {
  ({ t, p } = await startProjectTests());
}, 60_000);
afterAll(() => t.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const upload = (
  agent: Agent,
  projectId: string,
  file: { name: string; type?: string; content: Buffer },
  kind = 'document',
) =>
  uploadFile(
    t.app,
    agent,
    `/api/projects/${projectId}/attachments`,
    { type: 'application/octet-stream', ...file },
    { kind },
  );
const listOf = async (agent: Agent, projectId: string) => {
  const response = await agent.get(`/api/projects/${projectId}/attachments`);
  expect(response.statusCode).toBe(200);
  return response.json().items as { id: string; fileName: string; kind: string }[];
};
const auditOf = (projectId: string, action: string) =>
  t.db
    .select({ before: auditEvents.before, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, projectId), eq(auditEvents.action, action)));
const frenchProblem = (response: { headers: Record<string, unknown>; json(): unknown }) => {
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = response.json() as { detail: string; errors?: { field: string; message: string }[] };
  expect(problem.detail).toMatch(/[éèàç«]|\b(le|la|un|une|est|du)\b/i);
  return problem;
};

describe('project attachments', () => {
  it('are added by a party, listed and downloaded by any reader, removed by a party — audited', async () => {
    const project = await declareProject(p.developer, { title: 'Projet documenté' });
    const added = await upload(p.developer, project.id, { name: 'cahier des charges.pdf', content: PDF });
    expect(added.statusCode).toBe(201);
    const attachment = added.json();
    expect(attachment).toMatchObject({
      kind: 'document',
      fileName: 'cahier des charges.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
    });
    const screenshot = await upload(
      p.director,
      project.id,
      { name: 'écran.png', content: tinyPng() },
      'screenshot',
    );
    expect(screenshot.statusCode).toBe(201);

    // Another office's agent reads the project, so its files.
    expect((await listOf(p.agent, project.id)).map((a) => a.fileName)).toEqual([
      'cahier des charges.pdf',
      'écran.png',
    ]);
    const download = await p.otherDirector.get(`/api/projects/${project.id}/attachments/${attachment.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="cahier des charges.pdf"/);
    expect(download.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const [attached] = await auditOf(project.id, 'project.attach');
    expect(attached?.after).toMatchObject({ attachmentId: attachment.id, sha256: expect.any(String) });

    const onDisk = path.join(t.config.dataDir, 'attachments', attachment.id.slice(0, 2), attachment.id);
    expect(existsSync(onDisk)).toBe(true);
    const removed = await p.director.request(
      'DELETE',
      `/api/projects/${project.id}/attachments/${attachment.id}`,
    );
    expect(removed.statusCode).toBe(204);
    expect(existsSync(onDisk)).toBe(false);
    expect((await listOf(p.developer, project.id)).map((a) => a.fileName)).toEqual(['écran.png']);
    expect(await auditOf(project.id, 'project.detach')).toEqual([
      {
        before: { id: attachment.id, fileName: 'cahier des charges.pdf', sha256: expect.any(String) },
        after: null,
      },
    ]);
  });

  it('are refused to whoever does not run the project (403), and nothing is stored', async () => {
    const project = await declareProject(p.developer, { title: 'Projet gardé' });
    const kept = (await upload(p.developer, project.id, { name: 'note.pdf', content: PDF })).json();
    for (const outsider of [p.otherDirector, p.otherDeveloper, p.agent]) {
      const refused = await upload(outsider, project.id, { name: 'intrus.pdf', content: PDF });
      expect(refused.statusCode).toBe(403);
      frenchProblem(refused);
      const notRemoved = await outsider.request(
        'DELETE',
        `/api/projects/${project.id}/attachments/${kept.id}`,
      );
      expect(notRemoved.statusCode).toBe(403);
    }
    expect((await listOf(p.developer, project.id)).map((a) => a.id)).toEqual([kept.id]);
    expect(await auditOf(project.id, 'project.attach')).toHaveLength(1);
  });

  it('answer bad input in French problem+json: too big 413, forbidden type 415, malformed 400, unknown 404', async () => {
    const project = await declareProject(p.developer, { title: 'Projet à malmener' });
    const tooBig = await upload(p.developer, project.id, {
      name: 'gros.pdf',
      content: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]),
    });
    expect(tooBig.statusCode).toBe(413);
    expect(frenchProblem(tooBig).detail).toBe('Le contenu envoyé est trop volumineux.');

    const html = await upload(p.developer, project.id, {
      name: 'page.pdf',
      type: 'application/pdf',
      content: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    expect(html.statusCode).toBe(415);
    expect(frenchProblem(html).errors).toEqual([
      {
        field: 'file',
        message:
          'Un document doit être un PDF, un fichier Office (docx, xlsx, pptx), OpenDocument (odt, ods, odp) ou une image.',
      },
    ]);
    const pdfAsScreenshot = await upload(
      p.developer,
      project.id,
      { name: 'a.pdf', content: PDF },
      'screenshot',
    );
    expect(pdfAsScreenshot.statusCode).toBe(415);

    const empty = await upload(p.developer, project.id, { name: 'vide.pdf', content: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(frenchProblem(empty).errors?.[0]?.field).toBe('file');
    const badKind = await upload(p.developer, project.id, { name: 'a.pdf', content: PDF }, 'video');
    expect(badKind.statusCode).toBe(400);
    expect(frenchProblem(badKind).errors?.[0]?.field).toBe('kind');
    const notMultipart = await p.developer.post(`/api/projects/${project.id}/attachments`, { file: 'x' });
    expect(notMultipart.statusCode).toBe(400);
    frenchProblem(notMultipart);

    const unknownFile = await p.developer.get(
      `/api/projects/${project.id}/attachments/7d1f3a52-0f6e-4c55-9a1e-2b0c8d9e4f10`,
    );
    expect(unknownFile.statusCode).toBe(404);
    frenchProblem(unknownFile);
    const badId = await p.developer.get(`/api/projects/${project.id}/attachments/pas-un-id`);
    expect(badId.statusCode).toBe(400);
    expect(frenchProblem(badId).errors?.[0]?.field).toBe('attachmentId');
    const unknownProject = await upload(p.developer, '7d1f3a52-0f6e-4c55-9a1e-2b0c8d9e4f10', {
      name: 'a.pdf',
      content: PDF,
    });
    expect(unknownProject.statusCode).toBe(404);
    frenchProblem(unknownProject);
    expect(await listOf(p.developer, project.id)).toEqual([]);
  });
});
