import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { describeParties, transitionAction } from '../../common/lifecycle.ts';
import type { Action } from '../../common/permissions.ts';
import { idParamsSchema, problemSchema } from '../../common/schemas/common.ts';
import { fireTransitionSchema } from '../../common/schemas/lifecycle.ts';
import { inTransaction, type ServiceContext } from './context.ts';
import { type AnyBinding, bindingFor, fireTransition, inputJsonSchema } from './lifecycle.ts';

/**
 * One route factory for the lifecycles of a resource: `POST <basePath>/:id/transitions`
 * `{ action, version, input }` fires a transition through the one executor and answers the resource
 * as its GET does (with the transitions now open to the caller). Refusals: 400 bad input, 403 not a
 * party, 404, 409 wrong state or stale version, 422 guard — each with its code and French detail.
 * The route guard lets through whoever may fire at least one of these transitions on some subject;
 * the executor decides for this subject.
 */
export function lifecycleRoutes<Dto>(options: {
  basePath: string;
  tag: string;
  summary: string;
  bindings: readonly AnyBinding[];
  response: z.ZodType<Dto>;
  /** Reads the resource after the transition, as its GET presents it. */
  present(ctx: ServiceContext, id: string): Promise<Dto>;
  /** Work to start after commit (the outbox worker). */
  afterCommit?(): Promise<void>;
}): FastifyPluginAsyncZod {
  const actions = options.bindings.flatMap((b) =>
    Object.keys(b.definition.transitions).map((name) => transitionAction(b.definition, name) as Action),
  );
  return async (app) => {
    app.post(
      `${options.basePath}/:id/transitions`,
      {
        config: { access: { anyOf: actions } },
        schema: {
          tags: [options.tag],
          summary: options.summary,
          description: describeActions(options.bindings),
          params: idParamsSchema,
          body: fireTransitionSchema,
          response: {
            200: options.response as z.ZodType,
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
            409: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request) => {
        const binding = bindingFor(options.bindings, request.body.action);
        await inTransaction(request.ctx, (tx) =>
          fireTransition(tx, app.deps.authorizer, binding, request.params.id, request.body),
        );
        await options.afterCommit?.();
        // The response schema is the resource's own (z.ZodType<Dto>): serialised and stripped by it.
        return options.present(request.ctx, request.params.id);
      },
    );
  };
}

/** The route's documentation: each action, who may fire it, from which states, and the input it takes. */
function describeActions(bindings: readonly AnyBinding[]) {
  const lines = bindings.flatMap((binding) =>
    Object.entries(binding.definition.transitions).map(([name, transition]) => {
      const schema = inputJsonSchema(transition.input as never) as {
        properties?: Record<string, { label?: { fr: string }; maxLength?: number; format?: string }>;
        required?: string[];
      } | null;
      const fields = Object.entries(schema?.properties ?? {}).map(([field, spec]) => {
        const traits = [
          schema?.required?.includes(field) ? 'obligatoire' : 'facultatif',
          spec.format === 'date' ? 'date AAAA-MM-JJ' : null,
          spec.maxLength ? `${spec.maxLength} caractères au plus` : null,
        ].filter(Boolean);
        return `\`${field}\` (${spec.label?.fr ?? field} ; ${traits.join(', ')})`;
      });
      const from = transition.from.map(
        (state: string) => binding.definition.states[state]?.label.fr ?? state,
      );
      const input = fields.length > 0 ? ` Données (\`input\`) : ${fields.join(', ')}.` : '';
      return `- \`${name}\` — ${transition.label.fr}. Par : ${describeParties(binding.definition, transition.parties, 'fr')}. Depuis : ${from.join(', ')}.${input}`;
    }),
  );
  return `Corps : \`{ action, version, input }\`. Refus : 403 (pas partie), 409 (état ou version), 422 (règle), 400 (données).\n\n${lines.join('\n')}`;
}
