import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agreementRoutes } from './agreements.routes.ts';
import { effortRoutes } from './effort.routes.ts';
import { statementRoutes } from './statements.routes.ts';

/** Compensation: effort records, the daily rate table, agreements, their statements, the network balance. */
export const compensationRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(effortRoutes);
  await app.register(agreementRoutes);
  await app.register(statementRoutes);
};
