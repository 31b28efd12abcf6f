import { ACTIONS, type Action } from '../../common/permissions.ts';
import type { Role } from '../../common/roles.ts';
import { forbidden } from './errors.ts';

export interface Actor {
  userId: string;
  organisationId: string;
  roles: readonly Role[];
  sessionId: string;
  csrfToken: string;
}

/**
 * A rule answers for one action. Called without a resource, it says whether the actor may perform the
 * action on at least some resource (used by the route guard and for abilities); with a resource, it
 * decides for that one.
 */
// biome-ignore lint/suspicious/noExplicitAny: each rule narrows its own resource type
export type Rule = (actor: Actor, resource?: any) => boolean;
export type PolicyTable = Partial<Record<Action, Rule>>;

/** Visibility of a list, translated to SQL by each module's queries. */
export type ListScope = { kind: 'all' } | { kind: 'organisation'; organisationId: string } | { kind: 'none' };

export const hasRole = (actor: Actor, ...roles: Role[]) => roles.some((role) => actor.roles.includes(role));

export interface Authorizer {
  can(actor: Actor | null, action: Action, resource?: unknown): boolean;
  /** Throws a 403 problem when the actor may not. */
  authorize(actor: Actor, action: Action, resource?: unknown): void;
  abilities(actor: Actor): Action[];
}

export function createAuthorizer(tables: PolicyTable[]): Authorizer {
  const rules = new Map<Action, Rule>();
  for (const table of tables) {
    for (const [action, rule] of Object.entries(table) as [Action, Rule][]) {
      if (rules.has(action)) throw new Error(`Two policies define ${action}`);
      rules.set(action, rule);
    }
  }
  const can = (actor: Actor | null, action: Action, resource?: unknown) => {
    if (!actor) return false;
    const rule = rules.get(action);
    return rule ? rule(actor, resource) : false;
  };
  return {
    can,
    authorize(actor, action, resource) {
      if (!can(actor, action, resource)) throw forbidden();
    },
    abilities: (actor) => ACTIONS.filter((action) => can(actor, action)),
  };
}
