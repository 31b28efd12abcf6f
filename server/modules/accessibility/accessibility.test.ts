import { describe, expect, it } from 'vitest';
import { REPORT_LIMITS } from '../../../common/accessibility/vocabulary.ts';
import { signedInAs } from '../../test/catalog-fixtures.ts';
import type { Agent } from '../../test/harness.ts';
import { emailOf, withSmtpServer } from '../../test/smtp.ts';

/**
 * Accessibility reports through HTTP on a real database, with a real SMTP server in the test process
 * (smtp-server) for the answer's e-mail: anyone reports (signed in or not), the limits of an anonymous
 * public write, and the administrators' queue and lifecycle.
 */
const env = withSmtpServer();
let addresses = 0;
/** Each test reports from an address of its own (TEST-NET-3), so that the limit of one never meets another. */
const freshAddress = () => `203.0.113.${++addresses}`;

const valid = {
  pageUrl: 'https://mutualis.example/catalogue',
  description: 'Le filtre « Domaine » ne se ferme pas avec la touche Échap.',
};

function anonymously(body: unknown, remoteAddress: string, headers: Record<string, string> = {}) {
  return env.t.app.inject({
    method: 'POST',
    url: '/api/accessibility-reports',
    remoteAddress,
    headers: { 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function admin() {
  return signedInAs(env.t, ['admin'], 'CNAM-DDSI');
}

/** The report of a reference, as the administrators' queue lists it. */
async function findInQueue(agent: Agent, reference: string) {
  const list = await agent.get('/api/accessibility-reports?pageSize=100');
  expect(list.statusCode).toBe(200);
  return (list.json().items as { id: string; reference: string; state: string; email: string }[]).find(
    (item) => item.reference === reference,
  );
}

describe('reporting an accessibility problem', () => {
  it('takes a report from someone signed out, tells them its reference, and notifies every administrator', async () => {
    const administrator = await admin();
    const sent = await anonymously(
      { ...valid, name: 'Camille Martin', email: 'Camille@Exemple.fr' },
      freshAddress(),
    );
    expect(sent.statusCode).toBe(201);
    const receipt = sent.json();
    expect(receipt.reference).toMatch(/^A11Y-[0-9A-F]{8}$/);
    expect(Object.keys(receipt).sort()).toEqual(['receivedAt', 'reference']);

    const queued = await findInQueue(administrator, receipt.reference);
    expect(queued).toMatchObject({ state: 'received', email: 'camille@exemple.fr' });
    const report = (await administrator.get(`/api/accessibility-reports/${queued?.id}`)).json();
    expect(report).toMatchObject({
      reporterName: 'Camille Martin',
      reporter: null,
      description: valid.description,
    });
    expect(
      report.transitions
        .filter((t: { allowed: boolean }) => t.allowed)
        .map((t: { action: string }) => t.action),
    ).toEqual(['take', 'answer', 'dismiss']);

    const notifications = await administrator.get('/api/notifications?kind=accessibilityReport.received');
    const texts = (notifications.json().items as { text: { fr: string } }[]).map((n) => n.text.fr);
    expect(texts).toContainEqual(
      expect.stringContaining(`Problème d’accessibilité signalé (${receipt.reference})`),
    );

    const audit = await administrator.get(
      `/api/audit-events?targetType=accessibilityReport&targetId=${queued?.id}`,
    );
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual([
      'accessibilityReport.create',
    ]);
  });

  it('signed in: answers to the account’s address when none is given, names the account, and needs the CSRF header', async () => {
    const developer = await signedInAs(env.t, ['developer'], 'CPAM-67');
    const sent = await developer.post('/api/accessibility-reports', valid);
    expect(sent.statusCode).toBe(201);
    const administrator = await admin();
    const queued = await findInQueue(administrator, sent.json().reference);
    expect(queued?.email).toBe(await emailOf(developer));
    const report = (await administrator.get(`/api/accessibility-reports/${queued?.id}`)).json();
    expect(report.reporter?.office).toBe('CPAM du Bas-Rhin');
    expect(report.reporterName).toBe(report.reporter?.name);

    const forged = await developer.request('POST', '/api/accessibility-reports', valid, { csrf: false });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().detail).toContain('X-CSRF-Token');
  });

  it('refuses bad input with a French problem naming the field, and a body over its size', async () => {
    const address = freshAddress();
    const cases: [unknown, string][] = [
      [{ pageUrl: valid.pageUrl, description: valid.description }, 'email'],
      [{ ...valid, email: 'pas-une-adresse' }, 'email'],
      [{ ...valid, description: 'Court', email: 'a@exemple.fr' }, 'description'],
      [{ description: valid.description, email: 'a@exemple.fr' }, 'pageUrl'],
      [{ ...valid, pageUrl: 'x'.repeat(REPORT_LIMITS.pageUrl + 1), email: 'a@exemple.fr' }, 'pageUrl'],
      [{ ...valid, name: 'Nom\u0000', email: 'a@exemple.fr' }, 'name'],
      [{ ...valid, email: 'a@exemple.fr', priority: 'haute' }, 'priority'],
    ];
    for (const [body, field] of cases) {
      const response = await anonymously(body, address);
      expect(response.statusCode, field).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = response.json();
      expect(
        problem.errors.map((e: { field: string }) => e.field),
        JSON.stringify(problem),
      ).toContain(field);
      expect(problem.detail).toMatch(/[éèàç]|\b(le|la|les|est)\b/);
    }
    const huge = await anonymously(
      { ...valid, description: 'é'.repeat(REPORT_LIMITS.bodyBytes), email: 'a@exemple.fr' },
      address,
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json().detail).toBe('Le contenu envoyé est trop volumineux.');
    // A form of another site sends text/plain at best: never a report.
    const plain = await anonymously('pageUrl=x&description=y', address, { 'content-type': 'text/plain' });
    expect([400, 415]).toContain(plain.statusCode);
    // None of these counted against the address's limit.
    expect((await anonymously({ ...valid, email: 'a@exemple.fr' }, address)).statusCode).toBe(201);
  });

  it(`accepts ${REPORT_LIMITS.perSource} reports an hour from one address, then answers 429 with Retry-After; others go on`, async () => {
    const address = freshAddress();
    const statuses = await Promise.all(
      Array.from({ length: REPORT_LIMITS.perSource + 2 }, (_, i) =>
        anonymously({ ...valid, email: `rafale${i}@exemple.fr` }, address).then((r) => r.statusCode),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(REPORT_LIMITS.perSource);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    const refused = await anonymously({ ...valid, email: 'encore@exemple.fr' }, address);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().detail).toContain('Trop de signalements');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
    expect((await anonymously({ ...valid, email: 'voisin@exemple.fr' }, freshAddress())).statusCode).toBe(
      201,
    );
    // Signed in from the same address, a person is counted on their own account.
    const agent = await signedInAs(env.t, ['agent'], 'CPAM-13');
    const own = await env.t.app.inject({
      method: 'POST',
      url: '/api/accessibility-reports',
      remoteAddress: address,
      headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken, 'content-type': 'application/json' },
      payload: JSON.stringify(valid),
    });
    expect(own.statusCode).toBe(201);
  });
});

describe('the administrators’ queue', () => {
  it('is for administrators only', async () => {
    const sent = await anonymously({ ...valid, email: 'a@exemple.fr' }, freshAddress());
    const id = (await findInQueue(await admin(), sent.json().reference))?.id;
    for (const roles of [['developer'], ['itDirectorate'], ['operationsDirectorate'], ['agent']] as const) {
      const agent = await signedInAs(env.t, [...roles], 'CPAM-67');
      expect((await agent.get('/api/accessibility-reports')).statusCode, roles[0]).toBe(403);
      expect((await agent.get(`/api/accessibility-reports/${id}`)).statusCode, roles[0]).toBe(403);
      const fired = await agent.post(`/api/accessibility-reports/${id}/transitions`, {
        action: 'take',
        version: 1,
      });
      expect(fired.statusCode, roles[0]).toBe(403);
    }
    const anonymous = await env.t.app.inject({ method: 'GET', url: '/api/accessibility-reports' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('takes a report in hand, answers it (the answer is e-mailed and kept), closes it — each step audited', async () => {
    const administrator = await admin();
    const sent = await anonymously(
      { ...valid, name: 'Dominique', email: 'dominique@exemple.fr' },
      freshAddress(),
    );
    const id = (await findInQueue(administrator, sent.json().reference))?.id as string;
    const url = `/api/accessibility-reports/${id}/transitions`;

    const taken = await administrator.post(url, { action: 'take', version: 1 });
    expect(taken.statusCode).toBe(200);
    expect(taken.json().state).toBe('inProgress');
    const stale = await administrator.post(url, {
      action: 'answer',
      version: 1,
      input: { answer: 'Réponse.' },
    });
    expect(stale.statusCode).toBe(409);
    const empty = await administrator.post(url, { action: 'answer', version: 2, input: { answer: '' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('input.answer');

    const answer = 'Merci : le filtre se ferme désormais avec Échap (version du 2 décembre).';
    const answered = await administrator.post(url, { action: 'answer', version: 2, input: { answer } });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ state: 'answered', answer });
    expect(answered.json().answeredBy).toBeTruthy();
    await expect.poll(() => env.smtp.to('dominique@exemple.fr').length, { timeout: 20_000 }).toBe(1);
    const [mail] = env.smtp.to('dominique@exemple.fr');
    expect(mail?.subject).toBe(`Votre signalement d'accessibilité ${sent.json().reference}`);
    expect(mail?.text).toContain(answer);
    expect(mail?.text).toContain('https://mutualis.example/accessibilite');

    const again = await administrator.post(url, { action: 'take', version: 3 });
    expect(again.statusCode).toBe(409);
    const closed = await administrator.post(url, { action: 'close', version: 3 });
    expect(closed.json().state).toBe('closed');
    expect(closed.json().transitions.some((t: { allowed: boolean }) => t.allowed)).toBe(false);

    const audit = await administrator.get(`/api/audit-events?targetType=accessibilityReport&targetId=${id}`);
    expect(
      audit
        .json()
        .items.map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual([
      'accessibilityReport.answer',
      'accessibilityReport.close',
      'accessibilityReport.create',
      'accessibilityReport.take',
    ]);
  });

  it('closes a report without an answer, with its reason and no e-mail; the queue filters by state', async () => {
    const administrator = await admin();
    const sent = await anonymously({ ...valid, email: 'publicite@exemple.fr' }, freshAddress());
    const id = (await findInQueue(administrator, sent.json().reference))?.id as string;
    const noReason = await administrator.post(`/api/accessibility-reports/${id}/transitions`, {
      action: 'dismiss',
      version: 1,
    });
    expect(noReason.statusCode).toBe(400);
    const dismissed = await administrator.post(`/api/accessibility-reports/${id}/transitions`, {
      action: 'dismiss',
      version: 1,
      input: { reason: 'Message publicitaire sans rapport avec le portail.' },
    });
    expect(dismissed.json()).toMatchObject({
      state: 'closed',
      answer: 'Message publicitaire sans rapport avec le portail.',
    });
    const closed = await administrator.get('/api/accessibility-reports?state=closed');
    expect(closed.json().items.map((r: { id: string }) => r.id)).toContain(id);
    expect(closed.json().total).toBe(closed.json().counts.closed);
    const received = await administrator.get('/api/accessibility-reports?state=received');
    expect(received.json().items.length).toBeGreaterThan(0);
    expect(received.json().items.map((r: { id: string }) => r.id)).not.toContain(id);
    expect(env.smtp.to('publicite@exemple.fr')).toEqual([]);
    const unknown = await administrator.get('/api/accessibility-reports?state=spam');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('state');
  });

  it('notifies administrators only: an office director hears nothing of a report', async () => {
    const director = await signedInAs(env.t, ['officeDirector'], 'CPAM-67');
    const administrator = await admin();
    const sent = await anonymously({ ...valid, email: 'a@exemple.fr' }, freshAddress());
    const reference = sent.json().reference as string;
    const heardBy = async (agent: Agent) => {
      const list = await agent.get('/api/notifications?kind=accessibilityReport.received');
      return (list.json().items as { text: { fr: string } }[]).filter((n) => n.text.fr.includes(reference))
        .length;
    };
    await expect.poll(() => heardBy(administrator), { timeout: 20_000 }).toBe(1);
    expect(await heardBy(director)).toBe(0);
  });
});
