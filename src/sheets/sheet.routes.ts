import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../services.js';

export const sheetRoutes = (_services: Services): FastifyPluginAsyncTypebox => async () => {};
