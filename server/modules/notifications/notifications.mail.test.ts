import { describe, expect, it } from 'vitest';
import { OUTBOX_JOB } from '../../jobs/jobs.ts';
import { declareProject, projectPeople } from '../../test/project-fixtures.ts';
import { emailOf, withSmtpServer } from '../../test/smtp.ts';
import { enqueueDigests } from './notifications.mail.ts';

/**
 * E-mail through a real SMTP server in the test process (smtp-server): what each person receives, in
 * French, with the link and the unsubscribe link; preferences and digests.
 */
const env = withSmtpServer();

describe('e-mail of notifications', () => {
  it('sends each recipient one French e-mail at once, with the link and the unsubscribe link; the actor none', async () => {
    const p = await projectPeople(env.t);
    const project = await declareProject(p.developer, { title: 'Courriels immédiats' });
    await p.director.post(`/api/projects/${project.id}/comments`, { body: 'Le comité valide le cadrage.' });
    const [mail, ...others] = env.smtp.to(await emailOf(p.developer));
    expect(others).toEqual([]);
    expect(mail?.subject).toBe('[Mutualis] Nouveau commentaire sur le projet « Courriels immédiats »');
    expect(mail?.text).toContain(
      'a commenté le projet « Courriels immédiats » : « Le comité valide le cadrage. »',
    );
    expect(mail?.text).toContain(`Voir : https://mutualis.example/projets/${project.id}`);
    expect(mail?.text).toMatch(
      /Ne plus les recevoir par e-mail \(en un clic\) : https:\/\/mutualis\.example\/desabonnement\?jeton=[\w-]+\.[\w-]+\n/,
    );
    expect(mail?.text).toContain(
      'Choisir la fréquence de vos e-mails : https://mutualis.example/notifications/preferences#comment.added',
    );
    expect(mail?.html).toContain(`href="https://mutualis.example/projets/${project.id}"`);
    // The one-click unsubscribe itself: unsubscribe.test.ts.
    expect(mail?.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toContain(
      'https://mutualis.example/api/notifications/unsubscribe?token=',
    );
    expect(env.smtp.to(await emailOf(p.director))).toEqual([]);
  });

  it('keeps to each kind’s cadence: never, a daily digest that groups the day, a weekly one apart', async () => {
    const p = await projectPeople(env.t);
    const project = await declareProject(p.developer, { title: 'Courriels groupés' });
    const saved = await p.developer.request('PUT', '/api/me/notification-preferences', {
      items: [
        { kind: 'comment.added', cadence: 'daily' },
        { kind: 'project.transitioned', cadence: 'weekly' },
        { kind: 'offer.made', cadence: 'never' },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().items).toContainEqual({ kind: 'comment.added', cadence: 'daily' });
    await p.director.post(`/api/projects/${project.id}/comments`, { body: 'Premier point.' });
    await p.agent.post(`/api/projects/${project.id}/comments`, { body: 'Second point.' });
    await p.otherDeveloper.post(`/api/projects/${project.id}/offers`, {
      kind: 'coFunder',
      message: 'Nous cofinançons.',
    });
    const developer = await emailOf(p.developer);
    expect(env.smtp.to(developer)).toEqual([]);
    expect(
      (await p.developer.get('/api/notifications?pageSize=100')).json().items.length,
    ).toBeGreaterThanOrEqual(3);

    expect(
      await enqueueDigests({ db: env.t.db, log: env.t.app.log }, 'daily', new Date()),
    ).toBeGreaterThanOrEqual(1);
    await env.t.app.deps.jobs.nudge(OUTBOX_JOB);
    const [digest, ...more] = env.smtp.to(developer);
    expect(more).toEqual([]);
    expect(digest?.subject).toBe('[Mutualis] Résumé de la journée : 2 notifications');
    expect(digest?.text).toContain('Nouveau commentaire :');
    expect(digest?.text).toContain('« Premier point. »');
    expect(digest?.text).toContain('« Second point. »');
    expect(digest?.text).not.toContain('cofinanc');
    // A second run finds nothing left for the day.
    expect(await enqueueDigests({ db: env.t.db, log: env.t.app.log }, 'daily', new Date())).toBe(0);
  });
});
