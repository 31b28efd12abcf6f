import { describe, expect, it } from 'vitest';
import { OUTBOX_JOB } from '../../jobs/jobs.ts';
import type { Agent } from '../../test/harness.ts';
import { declareProject, projectPeople } from '../../test/project-fixtures.ts';
import { emailOf, withSmtpServer } from '../../test/smtp.ts';
import { enqueueDigests } from './notifications.mail.ts';

/**
 * The one-click unsubscribe of an e-mail (RFC 8058): the e-mail received by a real SMTP server in the
 * test process carries a signed link; used without a session, it sets that kind (or that digest's kinds)
 * to « never » for its person only. A link tampered with is refused in French.
 */
const env = withSmtpServer();

const cadenceOf = async (agent: Agent, kind: string) =>
  (
    (await agent.get('/api/me/notification-preferences')).json().items as { kind: string; cadence: string }[]
  ).find((item) => item.kind === kind)?.cadence;
const header = (mail: { headerLines: readonly { key: string; line: string }[] } | undefined, key: string) =>
  mail?.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, '');

/** What a mail client does with `List-Unsubscribe-Post`: a form POST to the header's address, no cookie. */
const oneClick = (url: string) =>
  env.t.app.inject({
    method: 'POST',
    url: url.replace('https://mutualis.example', ''),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'List-Unsubscribe=One-Click',
  });

describe('one-click unsubscribe', () => {
  it('the e-mail’s signed link stops that kind for its person only, without a session', async () => {
    const p = await projectPeople(env.t);
    const project = await declareProject(p.developer, { title: 'Désinscription en un clic' });
    await p.agent.post('/api/follows', { targetType: 'project', targetId: project.id });
    await p.director.post(`/api/projects/${project.id}/comments`, { body: 'Premier avis.' });
    const developer = await emailOf(p.developer);
    const [mail] = env.smtp.to(developer);
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const address = /^<(https:\/\/mutualis\.example\/api\/notifications\/unsubscribe\?token=[\w.-]+)>$/.exec(
      header(mail, 'list-unsubscribe') ?? '',
    )?.[1] as string;
    expect(address).toBeDefined();
    const page = /Ne plus les recevoir par e-mail \(en un clic\) : (\S+)/.exec(mail?.text ?? '')?.[1];
    expect(page).toBe(address.replace('/api/notifications/unsubscribe?token=', '/desabonnement?jeton='));
    expect(mail?.html).toContain(`href="${page}"`);

    const stopped = await oneClick(address);
    expect(stopped.statusCode).toBe(200);
    expect(stopped.json()).toEqual({ scope: 'comment.added', kinds: ['comment.added'] });
    expect(await cadenceOf(p.developer, 'comment.added')).toBe('never');
    expect(await cadenceOf(p.developer, 'project.transitioned')).toBe('immediate');
    // The agent, who follows the same project and received the same kind, keeps it.
    expect(await cadenceOf(p.agent, 'comment.added')).toBe('immediate');
    // Used again (a second click), it changes nothing and still answers.
    expect((await oneClick(address)).statusCode).toBe(200);

    await p.director.post(`/api/projects/${project.id}/comments`, { body: 'Second avis.' });
    expect(env.smtp.to(developer)).toHaveLength(1);
    expect(env.smtp.to(await emailOf(p.agent))).toHaveLength(2);
    // In-app, the developer still hears of it.
    const inApp = (await p.developer.get('/api/notifications?kind=comment.added&pageSize=100')).json();
    expect(inApp.items.filter((n: { link: string }) => n.link.endsWith(project.id))).toHaveLength(2);
  });

  it('a digest’s link stops every kind sent at that cadence, and what still waits for it', async () => {
    const p = await projectPeople(env.t);
    const project = await declareProject(p.developer, { title: 'Résumé désabonné' });
    await p.developer.request('PUT', '/api/me/notification-preferences', {
      items: [
        { kind: 'comment.added', cadence: 'daily' },
        { kind: 'offer.made', cadence: 'daily' },
        { kind: 'project.transitioned', cadence: 'weekly' },
      ],
    });
    await p.director.post(`/api/projects/${project.id}/comments`, { body: 'Pour le résumé.' });
    expect(
      await enqueueDigests({ db: env.t.db, log: env.t.app.log }, 'daily', new Date()),
    ).toBeGreaterThanOrEqual(1);
    await env.t.app.deps.jobs.nudge(OUTBOX_JOB);
    const developer = await emailOf(p.developer);
    const [digest] = env.smtp.to(developer);
    expect(digest?.subject).toMatch(/^\[Mutualis\] Résumé de la journée/);
    expect(digest?.text).toMatch(/Ne plus recevoir ce résumé \(en un clic\) : \S+\/desabonnement\?jeton=/);

    // Another comment waits for tomorrow's digest; the link stops it too.
    await p.director.post(`/api/projects/${project.id}/comments`, { body: 'Pour demain.' });
    const stopped = await oneClick(/^<(.+)>$/.exec(header(digest, 'list-unsubscribe') ?? '')?.[1] as string);
    expect(stopped.statusCode).toBe(200);
    expect(stopped.json()).toEqual({ scope: 'daily', kinds: ['offer.made', 'comment.added'] });
    expect(await cadenceOf(p.developer, 'comment.added')).toBe('never');
    expect(await cadenceOf(p.developer, 'project.transitioned')).toBe('weekly');
    await enqueueDigests({ db: env.t.db, log: env.t.app.log }, 'daily', new Date());
    await env.t.app.deps.jobs.nudge(OUTBOX_JOB);
    expect(env.smtp.to(developer)).toHaveLength(1);
  });

  it('refuses a link tampered with, cut short or without its token, in French', async () => {
    const p = await projectPeople(env.t);
    const project = await declareProject(p.developer, { title: 'Lien modifié' });
    await p.director.post(`/api/projects/${project.id}/comments`, { body: 'Un avis.' });
    const [mail] = env.smtp.to(await emailOf(p.developer));
    const address = /^<(.+)>$/.exec(header(mail, 'list-unsubscribe') ?? '')?.[1] as string;
    const token = new URL(address).searchParams.get('token') as string;
    const [payload, signature] = token.split('.') as [string, string];
    // Another person, or another kind, under the same signature.
    const [userId] = Buffer.from(payload, 'base64url').toString().split('\n');
    const otherKind = Buffer.from(`${userId}\nproject.transitioned`).toString('base64url');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BA' : 'AA'}`;
    for (const forged of [`${otherKind}.${signature}`, `${payload}.${flipped}`, payload, `${token}.x`]) {
      const refused = await oneClick(`/api/notifications/unsubscribe?token=${forged}`);
      expect(refused.statusCode, forged).toBe(400);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.json().detail).toMatch(/^Ce lien de désinscription n’est pas valide/);
      expect(refused.json().errors).toEqual([
        { field: 'token', message: 'Le jeton du lien de désinscription n’est pas valide.' },
      ]);
    }
    const missing = await oneClick('/api/notifications/unsubscribe');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toMatch(/jeton manque/);
    expect(await cadenceOf(p.developer, 'comment.added')).toBe('immediate');
    expect(await cadenceOf(p.developer, 'project.transitioned')).toBe('immediate');
  });
});
