import { z } from 'zod';
import {
  checkTransition,
  describeParty,
  type GuardRefusal,
  type LifecycleDefinition,
  notPartyRefusal,
  type Party,
  refusalMessage,
  type SubjectParties,
  targetsOf,
  transitionAction,
} from '../../common/lifecycle.ts';
import type { LifecycleViewDto, TransitionDto } from '../../common/schemas/lifecycle.ts';
import type { Database, Executor, Transaction } from '../db/client.ts';
import { enqueueOutbox, type OutboxMessage } from '../jobs/outbox.queries.ts';
import { recordAudit } from './audit.ts';
import { actingAs, type ServiceContext, type TxContext } from './context.ts';
import { AppError, type FieldError, forbidden, notFound, type StaleSubject, staleVersion } from './errors.ts';
import { lifecycleHistory, officeNames } from './lifecycle.queries.ts';
import type { Authorizer } from './policy.ts';
import { unknownFieldErrors } from './unknown-fields.ts';

/** Where a lifecycle's subject lives: a versioned row read, locked and moved by one shared adapter. */
export interface SubjectStore<State extends string, Row> {
  load(db: Executor, id: string, options: { lock: boolean }): Promise<Row | null>;
  stateOf(row: Row): State;
  versionOf(row: Row): number;
  /** Writes the new state at `version + 1` if the row still has `row`'s version; null if it moved. */
  apply(db: Transaction, row: Row, to: State): Promise<Row | null>;
}

export interface AppliedTransition<State extends string, Row, Input> {
  transition: string;
  from: State;
  to: State;
  before: Row;
  after: Row;
  input: Input | undefined;
}

/**
 * How one lifecycle is bound to its rows: the store, the parties of a subject, the facts its guards
 * need (gathered inside the transaction, for one or many subjects at once), and what a transition does
 * besides moving the state: effects in the same transaction, outbox messages delivered after commit.
 */
export interface LifecycleBinding<State extends string, Name extends string, Facts, Row> {
  definition: LifecycleDefinition<State, Name, Facts>;
  /** "Utilisateur", "Application": the 404's subject. */
  notFoundLabel: string;
  /** What the 409 on a stale version names. */
  staleSubject: StaleSubject;
  store: SubjectStore<State, Row>;
  idOf(row: Row): string;
  parties(row: Row): SubjectParties;
  facts(ctx: ServiceContext, rows: readonly Row[]): Promise<Facts[]>;
  snapshot(row: Row): Record<string, unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: each transition has its own input
  effects?: (ctx: TxContext, change: AppliedTransition<State, Row, any>) => Promise<void>;
  // biome-ignore lint/suspicious/noExplicitAny: each transition has its own input
  outbox?: (change: AppliedTransition<State, Row, any>) => OutboxMessage[];
  /** Transitions the system fires by itself when their time has come (ids of the subjects due at `now`). */
  deadlines?: { transition: Name; due(db: Executor, now: Date): Promise<string[]> }[];
}

// biome-ignore lint/suspicious/noExplicitAny: registries hold bindings of every shape
export type AnyBinding = LifecycleBinding<any, any, any, any>;
// biome-ignore lint/suspicious/noExplicitAny: bindings of one row type, whatever their states and facts
export type BindingOf<Row> = LifecycleBinding<any, any, any, Row>;

export interface FireRequest {
  action: string;
  version: number;
  input?: unknown;
}

/** What a transition without input accepts: nothing (a field sent to it is refused, naming it). */
const NO_INPUT = z.object({});

/** Problem with the refusal's code and French detail (403 not a party, 409 wrong state, 422 guard). */
function refusalError(definition: AnyBinding['definition'], kind: string, refusal: GuardRefusal) {
  const detail = refusalMessage(definition, refusal, 'fr');
  const extra = { refusal: { code: refusal.code, params: refusal.params ?? {} } };
  if (kind === 'notParty') return new AppError('forbidden', detail, extra);
  if (kind === 'wrongState') return new AppError('conflict', detail, extra);
  return new AppError('unprocessable', detail, extra);
}

function parseInput(definition: AnyBinding['definition'], name: string, raw: unknown) {
  const transition = definition.transitions[name];
  const schema = (transition?.input as z.ZodType | undefined) ?? NO_INPUT;
  const parsed = schema.safeParse(raw ?? {});
  const unknown = unknownFieldErrors(schema, raw ?? {}, ['input']);
  if (parsed.success && unknown.length === 0) return transition?.input ? parsed.data : undefined;
  const errors: FieldError[] = [
    ...unknown,
    ...(parsed.success ? [] : parsed.error.issues).map((issue) => ({
      field: ['input', ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  ];
  const detail = refusalMessage(
    definition,
    { code: 'invalidInput', params: { action: transition?.label.fr ?? name } },
    'fr',
  );
  throw new AppError('badRequest', `${detail} ${errors[0]?.message ?? ''}`.trim(), { errors });
}

/** The binding among a resource's lifecycles that owns an action, or a 400 naming the known ones. */
export function bindingFor(bindings: readonly AnyBinding[], action: string): AnyBinding {
  const binding = bindings.find((b) => Object.hasOwn(b.definition.transitions, action));
  if (binding) return binding;
  const known = bindings.flatMap((b) => Object.keys(b.definition.transitions)).join(', ');
  throw new AppError('badRequest', `Action inconnue : « ${action} ». Actions possibles : ${known}.`, {
    errors: [{ field: 'action', message: `Action inconnue. Actions possibles : ${known}.` }],
  });
}

/**
 * The one executor of every lifecycle, in the caller's transaction: loads and locks the subject (404),
 * checks parties (403, through the authorizer), refuses a stale version (409) and a wrong state (409),
 * validates the typed input (400), checks the guards (422, coded), applies the new state at version + 1, runs the
 * effects, writes the outbox messages and the audit event — nothing half-written.
 */
export async function fireTransition(
  ctx: TxContext,
  authorizer: Authorizer,
  binding: AnyBinding,
  id: string,
  request: FireRequest,
) {
  const actor = actingAs(ctx);
  if (!actor) throw forbidden();
  const { definition } = binding;
  const name = request.action;
  const row = await binding.store.load(ctx.db, id, { lock: true });
  if (!row) throw notFound(binding.notFoundLabel);
  const from = binding.store.stateOf(row);
  const isParty = authorizer.mayFire(actor, definition, name, { parties: binding.parties(row) });
  // Party, then version and state: who may not act learns nothing more; who may, learns whether it can
  // be now — all before anything about the input.
  if (!isParty) throw refusalError(definition, 'notParty', notPartyRefusal(definition, name));
  if (binding.store.versionOf(row) !== request.version) throw staleVersion(binding.staleSubject);
  const early = checkTransition(definition, name, from, isParty, undefined, undefined, { guards: false });
  if (!early.allowed) throw refusalError(definition, early.kind, early.refusal);
  const input = parseInput(definition, name, request.input);
  const [facts] = await binding.facts(ctx, [row]);
  const check = checkTransition(definition, name, from, isParty, facts, input);
  if (!check.allowed) throw refusalError(definition, check.kind, check.refusal);
  const after = await binding.store.apply(ctx.db, row, check.to);
  if (!after) throw staleVersion(binding.staleSubject);
  const change: AppliedTransition<string, unknown, unknown> = {
    transition: name,
    from,
    to: check.to,
    before: row,
    after,
    input,
  };
  await binding.effects?.(ctx, change);
  for (const message of binding.outbox?.(change) ?? []) await enqueueOutbox(ctx, message);
  await recordAudit(ctx, {
    action: transitionAction(definition, name),
    targetType: definition.targetType,
    targetId: id,
    before: binding.snapshot(row),
    after: binding.snapshot(after),
    details: { lifecycle: definition.name, transition: name, from, to: check.to, input: input ?? null },
  });
  return after;
}

// ——— Describing what the caller may do ———

const inputSchemas = new WeakMap<object, Record<string, unknown>>();
/** The JSON Schema of a transition's input (labels in `meta`), for the web's form. */
export function inputJsonSchema(schema: z.ZodType | undefined) {
  if (!schema) return null;
  let json = inputSchemas.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    inputSchemas.set(schema, json);
  }
  return json;
}

function presentParties(
  binding: AnyBinding,
  parties: readonly Party[],
  subject: SubjectParties,
  names: Map<string, string>,
) {
  return parties.map((party) => {
    const offices =
      'field' in party ? (subject[party.field] ?? []).map((id) => names.get(id) ?? id) : undefined;
    return {
      kind: party.kind,
      label: {
        fr: describeParty(binding.definition, party, 'fr', offices),
        en: describeParty(binding.definition, party, 'en', offices),
      },
    };
  });
}

/**
 * Every transition of the given lifecycles for each row, as the caller sees them: allowed or not and
 * why (coded, in both languages), who may fire it (with office names), and the input it takes. Facts
 * come from the same binding code the executor uses — never invented in a presenter.
 */
export async function describeTransitions<Row>(
  ctx: ServiceContext,
  authorizer: Authorizer,
  bindings: readonly BindingOf<Row>[],
  rows: readonly Row[],
): Promise<TransitionDto[][]> {
  const result: TransitionDto[][] = rows.map(() => []);
  if (rows.length === 0) return result;
  const officeIds = new Set<string>();
  for (const binding of bindings)
    for (const row of rows)
      for (const ids of Object.values(binding.parties(row))) for (const id of ids) officeIds.add(id);
  const names = await officeNames(ctx.db, [...officeIds]);
  for (const binding of bindings) {
    const facts = await binding.facts(ctx, rows);
    rows.forEach((row, index) => {
      const subject = binding.parties(row);
      const state = binding.store.stateOf(row);
      for (const [name, transition] of Object.entries(binding.definition.transitions)) {
        const isParty = authorizer.mayFire(actingAs(ctx), binding.definition, name, { parties: subject });
        const check = checkTransition(binding.definition, name, state, isParty, facts[index]);
        const refusal = check.allowed ? null : check.refusal;
        result[index]?.push({
          lifecycle: binding.definition.name,
          action: name,
          label: transition.label,
          // Where it leads for this subject when it may be fired now (the facts chose), else every target.
          to: check.allowed ? [check.to] : targetsOf(transition),
          allowed: check.allowed,
          reason: refusal && {
            kind: check.allowed ? 'guard' : check.kind,
            code: refusal.code,
            params: refusal.params ?? {},
            message: {
              fr: refusalMessage(binding.definition, refusal, 'fr'),
              en: refusalMessage(binding.definition, refusal, 'en'),
            },
          },
          parties: presentParties(binding, transition.parties, subject, names),
          input: inputJsonSchema(transition.input as z.ZodType | undefined),
          confirm: transition.confirm ?? false,
          tone: transition.tone ?? 'default',
        });
      }
    });
  }
  return result;
}

/** Where each lifecycle of one subject stands, with the date each state was reached (from the audit trail). */
export async function describeLifecycles<Row>(
  ctx: ServiceContext,
  bindings: readonly BindingOf<Row>[],
  row: Row,
  createdAt: Date,
): Promise<LifecycleViewDto[]> {
  const views: LifecycleViewDto[] = [];
  for (const binding of bindings) {
    const id = binding.idOf(row);
    const history = await lifecycleHistory(
      ctx.db,
      binding.definition.targetType,
      id,
      binding.definition.name,
    );
    views.push({
      lifecycle: binding.definition.name,
      state: binding.store.stateOf(row),
      reached: [
        // The state it was created in: before its first transition, or now if it never moved (a sheet
        // imported or loaded already certified starts in that state).
        {
          state: history[0]?.from ?? binding.store.stateOf(row),
          at: createdAt.toISOString(),
          transition: null,
          by: null,
          input: [],
        },
        ...history.map((entry) => ({
          state: entry.state,
          at: entry.at,
          transition: entry.transition,
          by: { kind: entry.actorKind, name: entry.actorName },
          input: labelledInput(binding, entry.transition, entry.input),
        })),
      ],
    });
  }
  return views;
}

/** The values a transition was given, each with the label of its field (in both languages). */
function labelledInput(binding: AnyBinding, transition: string, input: Record<string, unknown> | null) {
  const schema = inputJsonSchema(binding.definition.transitions[transition]?.input as z.ZodType | undefined);
  const properties = (schema?.properties ?? {}) as Record<string, { label?: { fr: string; en: string } }>;
  // In the order the form asks for them (the database keeps JSON keys in an order of its own).
  const order = Object.keys(properties);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.entries(input ?? {})
    .sort(([a], [b]) => rank(a) - rank(b))
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => ({ label: properties[key]?.label ?? { fr: key, en: key }, value: String(value) }));
}

/**
 * Fires every transition whose deadline has come, as the system, each subject in its own transaction:
 * one refusal (a guard, a concurrent change) does not stop the others. Returns what was fired.
 */
export async function fireDueTransitions(
  ctx: ServiceContext,
  authorizer: Authorizer,
  bindings: readonly AnyBinding[],
  now: Date,
) {
  const fired: { lifecycle: string; transition: string; id: string }[] = [];
  const refused: { lifecycle: string; transition: string; id: string; code: string }[] = [];
  for (const binding of bindings) {
    for (const deadline of binding.deadlines ?? []) {
      for (const id of await deadline.due(ctx.db, now)) {
        try {
          await (ctx.db as Database).transaction(async (tx) => {
            const txCtx = { ...ctx, db: tx };
            const row = await binding.store.load(tx, id, { lock: true });
            if (!row) return;
            await fireTransition(txCtx, authorizer, binding, id, {
              action: deadline.transition,
              version: binding.store.versionOf(row),
            });
          });
          fired.push({ lifecycle: binding.definition.name, transition: deadline.transition, id });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const code = (error.extra as { refusal?: { code: string } }).refusal?.code ?? error.code;
          refused.push({ lifecycle: binding.definition.name, transition: deadline.transition, id, code });
          ctx.log.warn({ lifecycle: binding.definition.name, id, code }, 'scheduled transition refused');
        }
      }
    }
  }
  return { fired, refused };
}
