import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { transitionAction } from '../../common/lifecycle.ts';
import type { Action } from '../../common/permissions.ts';
import { idParamsSchema, problemSchema } from '../../common/schemas/common.ts';
import { fireTransitionSchema } from '../../common/schemas/lifecycle.ts';
import { inTransaction, type ServiceContext } from './context.ts';
import { type AnyBinding, bindingFor, fireTransition } from './lifecycle.ts';

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
          description: `Actions : ${options.bindings
            .flatMap((b) =>
              Object.entries(b.definition.transitions).map(([n, t]) => `\`${n}\` (${t.label.fr})`),
            )
            .join(', ')}.`,
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
