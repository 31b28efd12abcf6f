import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import {
  createProjectSchema,
  type ProjectPageDto,
  projectListQuerySchema,
  projectPageSchema,
  projectSchema,
  updateProjectSchema,
} from '../../../common/schemas/project.ts';
import {
  OBLIGATION_LABELS,
  PROJECT_TRACKS,
  recommendTrack,
  TRACK_DEFINITIONS,
  TRACK_QUESTION_LABELS,
  TRACK_QUESTIONS,
} from '../../../common/tracks.ts';
import { lifecycleRoutes } from '../../lib/lifecycle-routes.ts';
import { projectAttachmentRoutes } from './attachments.routes.ts';
import { collaborationRoutes } from './collaboration.routes.ts';
import { commentRoutes } from './comments.routes.ts';
import { matchmakingRoutes } from './matchmaking.routes.ts';
import { projectBinding } from './projects.lifecycle.ts';
import { presentProject, presentProjectPage } from './projects.presenter.ts';
import { createProject, getProject, listProjects, updateProject } from './projects.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const label = z.object({ fr: z.string(), en: z.string() });
const trackGuideSchema = z
  .object({
    tracks: z.array(
      z.object({
        code: z.enum(PROJECT_TRACKS),
        label,
        purpose: label,
        reference: z.string(),
        rules: z.record(z.string(), z.union([z.boolean(), z.string()])),
        obligations: z.array(z.object({ code: z.string(), label, text: label })),
      }),
    ),
    questions: z.array(z.object({ code: z.enum(TRACK_QUESTIONS), label })),
    recommendation: z.object({ track: z.enum(PROJECT_TRACKS).nullable(), because: label.nullable() }),
  })
  .meta({ id: 'TrackGuide' });
const answer = z.enum(['true', 'false'], { error: 'Une réponse vaut true ou false.' }).optional();
const trackGuideQuerySchema = z.object(
  Object.fromEntries(TRACK_QUESTIONS.map((q) => [q, answer])) as Record<
    (typeof TRACK_QUESTIONS)[number],
    typeof answer
  >,
);

export const projectRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;

  app.get(
    '/api/project-tracks',
    {
      config: { access: { action: 'project.read' } },
      schema: {
        tags: ['projects'],
        summary:
          'Les quatre filières, leurs obligations, et la filière recommandée par les réponses aux quatre questions',
        querystring: trackGuideQuerySchema,
        response: { 200: trackGuideSchema, ...errors },
      },
    },
    async (request) => ({
      tracks: PROJECT_TRACKS.map((code) => {
        const track = TRACK_DEFINITIONS[code];
        return {
          code,
          label: track.label,
          purpose: track.purpose,
          reference: track.reference,
          rules: { ...track.rules },
          obligations: Object.entries(track.obligations).map(([obligation, text]) => ({
            code: obligation,
            label: OBLIGATION_LABELS[obligation as keyof typeof OBLIGATION_LABELS],
            text,
          })),
        };
      }),
      questions: TRACK_QUESTIONS.map((code) => ({ code, label: TRACK_QUESTION_LABELS[code] })),
      recommendation: recommendTrack(
        Object.fromEntries(Object.entries(request.query).flatMap(([q, v]) => (v ? [[q, v === 'true']] : []))),
      ),
    }),
  );

  app.get(
    '/api/projects',
    {
      config: { access: { action: 'project.read' } },
      // As the catalogue's search: the presenter builds exactly the typed page (projects-search.test.ts
      // checks it against the schema), kept as JSON text with the copy of the projects; re-encoding the
      // facets through zod on every call would cost more than the search.
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: {
        tags: ['projects'],
        summary: 'Projets en cours : recherche plein texte en français, filtres et facettes',
        querystring: projectListQuerySchema,
        response: { 200: projectPageSchema, ...errors },
      },
    },
    async (request, reply) => {
      const body = await listProjects(request.ctx, request.query, (list) =>
        JSON.stringify(presentProjectPage(list)),
      );
      // The type of the route's body is the page; this string is that page already encoded.
      return reply.type('application/json; charset=utf-8').send(body as unknown as ProjectPageDto);
    },
  );

  app.post(
    '/api/projects',
    {
      config: { access: { action: 'project.create' } },
      schema: {
        tags: ['projects'],
        summary: 'Déclarer un projet (filière, besoin, organismes)',
        body: createProjectSchema,
        response: { 201: projectSchema, ...errors, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const id = await createProject(request.ctx, authorizer, request.body);
      return reply.code(201).send(presentProject(await getProject(request.ctx, authorizer, id)));
    },
  );

  app.get(
    '/api/projects/:id',
    {
      config: { access: { action: 'project.read' } },
      schema: {
        tags: ['projects'],
        summary: 'Un projet, avec les actions de son cycle de vie ouvertes ou fermées à l’appelant',
        params: idParamsSchema,
        response: { 200: projectSchema, ...errors, 404: problemSchema },
      },
    },
    async (request) => presentProject(await getProject(request.ctx, authorizer, request.params.id)),
  );

  app.patch(
    '/api/projects/:id',
    {
      config: { access: { action: 'project.update' } },
      schema: {
        tags: ['projects'],
        summary: 'Modifier un projet (les champs donnés ; la phase change par les transitions)',
        params: idParamsSchema,
        body: updateProjectSchema,
        response: {
          200: projectSchema,
          ...errors,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request) => {
      await updateProject(request.ctx, authorizer, request.params.id, request.body);
      return presentProject(await getProject(request.ctx, authorizer, request.params.id));
    },
  );

  await app.register(
    lifecycleRoutes({
      basePath: '/api/projects',
      tag: 'projects',
      summary: 'Faire avancer un projet dans son cycle de vie (règles de la filière, parties prenantes)',
      bindings: [projectBinding],
      response: projectSchema,
      present: async (ctx, id) => presentProject(await getProject(ctx, authorizer, id)),
      afterCommit: () => app.deps.jobs.nudge('outbox'),
    }),
  );
  await app.register(collaborationRoutes);
  await app.register(commentRoutes);
  await app.register(matchmakingRoutes);
  await app.register(projectAttachmentRoutes);
};
