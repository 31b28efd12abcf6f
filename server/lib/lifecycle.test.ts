import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outboxMessages } from '../db/schema.ts';
import { DEADLINES_JOB } from '../jobs/jobs.ts';
import { createUser, login } from '../test/harness.ts';
import {
  auditOf,
  developer,
  fire,
  holderWithDirector,
  newTask,
  otherDirector,
  t,
  tasks,
  withEngine,
} from './lifecycle.fixture.ts';
import { fireDueTransitions } from './lifecycle.ts';
import { systemActor } from './policy.ts';

withEngine();

describe('lifecycle engine: parties, inputs, guards', () => {
  it('lets the developer office submit with its typed input, recorded in the audit event; others are not parties (403)', async () => {
    const { id: holder, director } = await holderWithDirector();
    const task = await newTask(holder);
    const shown = (await developer.get(`/api/engine-tasks/${task.id}`)).json();
    const submit = shown.transitions.find((x: { action: string }) => x.action === 'submit');
    expect(submit).toMatchObject({ allowed: true, to: ['submitted'] });
    expect(submit.parties[0].label.fr).toBe("Développeur d'un organisme développeur (CPAM du Bas-Rhin)");
    expect(submit.input.required).toEqual(['dueOn']);

    const refused = await fire(director, task.id, {
      action: 'submit',
      version: 1,
      input: { dueOn: '2030-01-31' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ refusal: { code: 'notParty' } });
    expect(refused.json().detail).toContain("Développeur d'un organisme développeur");

    const bad = await fire(developer, task.id, {
      action: 'submit',
      version: 1,
      input: { dueOn: '31/01/2030' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: 'input.dueOn', message: 'La date limite doit être une date (AAAA-MM-JJ).' },
    ]);

    const ok = await fire(developer, task.id, {
      action: 'submit',
      version: 1,
      input: { dueOn: '2030-01-31' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'submitted', version: 2 });
    const [event] = await auditOf(task.id);
    expect(event).toMatchObject({
      action: 'engineTask.submit',
      actorKind: 'user',
      details: {
        lifecycle: 'engineTask',
        transition: 'submit',
        from: 'draft',
        to: 'submitted',
        input: { dueOn: '2030-01-31' },
      },
    });
    const [row] = await t.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row?.dueAt?.toISOString()).toBe('2030-01-31T23:59:59.000Z');
  });

  it('lets only the director of the holder office decide (the other office director is refused)', async () => {
    const { id: holder, director } = await holderWithDirector();
    const task = await newTask(holder);
    await fire(developer, task.id, { action: 'submit', version: 1, input: { dueOn: '2030-01-31' } });
    const seenByOther = (await otherDirector.get(`/api/engine-tasks/${task.id}`)).json();
    expect(seenByOther.transitions.find((x: { action: string }) => x.action === 'reject')).toMatchObject({
      allowed: false,
      reason: { kind: 'notParty', code: 'notParty' },
    });
    expect(
      (await fire(otherDirector, task.id, { action: 'reject', version: 2, input: { reason: 'Non' } }))
        .statusCode,
    ).toBe(403);
    const rejected = await fire(director, task.id, {
      action: 'reject',
      version: 2,
      input: { reason: 'Hors périmètre' },
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().state).toBe('rejected');
    const again = await fire(director, task.id, { action: 'approve', version: 3 });
    expect(again.statusCode).toBe(409);
    expect(again.json().refusal.code).toBe('wrongState');
  });

  it('refuses with a coded guard (422) whose parameters reach the message, and offers the same refusal on GET', async () => {
    const { id: holder } = await holderWithDirector();
    for (let i = 0; i < 2; i++) {
      const task = await newTask(holder);
      expect(
        (await fire(developer, task.id, { action: 'submit', version: 1, input: { dueOn: '2030-01-31' } }))
          .statusCode,
      ).toBe(200);
    }
    const third = await newTask(holder);
    const offered = (await developer.get(`/api/engine-tasks/${third.id}`)).json();
    expect(offered.transitions.find((x: { action: string }) => x.action === 'submit')).toMatchObject({
      allowed: false,
      reason: {
        kind: 'guard',
        code: 'tooMany',
        params: { max: 2 },
        message: { en: expect.stringContaining('2 submitted') },
      },
    });
    const refused = await fire(developer, third.id, {
      action: 'submit',
      version: 1,
      input: { dueOn: '2030-01-31' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      refusal: { code: 'tooMany', params: { max: 2 } },
      detail: "L'organisme porteur a déjà 2 tâches soumises : attendez une décision.",
    });
    const [row] = await t.db.select().from(tasks).where(eq(tasks.id, third.id));
    expect(row).toMatchObject({ state: 'draft', version: 1 });
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const { id: holder, director } = await holderWithDirector();
    const task = await newTask(holder);
    await fire(developer, task.id, { action: 'submit', version: 1, input: { dueOn: '2030-01-31' } });
    const stale = await fire(director, task.id, { action: 'approve', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('staleVersion');
    expect((await auditOf(task.id)).map((e) => e.action)).toEqual(['engineTask.submit']);
    expect(
      await t.db.select().from(outboxMessages).where(sql`${outboxMessages.payload}->>'taskId' = ${task.id}`),
    ).toEqual([]);
  });

  it('never lets a person fire a system transition', async () => {
    const task = await newTask((await holderWithDirector()).id);
    await fire(developer, task.id, { action: 'submit', version: 1, input: { dueOn: '2030-01-31' } });
    const admin = await login(t.app, (await createUser(t.db, { roles: ['admin'] })).email);
    expect((await fire(admin, task.id, { action: 'expire', version: 2 })).statusCode).toBe(403);
  });
});

describe('lifecycle engine: the system actor and deadlines', () => {
  it('expires what is overdue when the clock passes the deadline, audited as the system', async () => {
    const task = await newTask((await holderWithDirector()).id);
    await fire(developer, task.id, { action: 'submit', version: 1, input: { dueOn: '2030-01-31' } });
    const ctx = { actor: null, db: t.db, log: t.app.log, requestId: null };
    const before = await fireDueTransitions(
      { ...ctx, system: systemActor(DEADLINES_JOB) },
      t.app.deps.authorizer,
      t.app.deps.bindings,
      new Date('2030-01-31T12:00:00Z'),
    );
    expect(before.fired.filter((f) => f.id === task.id)).toEqual([]);
    const after = await fireDueTransitions(
      { ...ctx, system: systemActor(DEADLINES_JOB) },
      t.app.deps.authorizer,
      t.app.deps.bindings,
      new Date('2030-02-01T00:00:01Z'),
    );
    expect(after.fired).toContainEqual({ lifecycle: 'engineTask', transition: 'expire', id: task.id });
    const [row] = await t.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row?.state).toBe('expired');
    const events = await auditOf(task.id);
    expect(events.at(-1)).toMatchObject({
      action: 'engineTask.expire',
      actorKind: 'system',
      actorUserId: null,
      details: { transition: 'expire', job: DEADLINES_JOB },
    });
  });
});
