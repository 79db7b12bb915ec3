import { defineFeature } from '../feature.js';
import { userService } from './user.service.js';
import { apiKeyService } from './api-key.service.js';
import { userRoutes } from './user.routes.js';
import { registerUserCommands } from './user-commands.js';
import { registerApiKeyCommands } from './api-key-commands.js';

export interface UsersState {
  users: ReturnType<typeof userService>;
  apiKeys: ReturnType<typeof apiKeyService>;
}

/** Staff accounts, sessions and API keys (machine clients such as Open311 apps). */
export const usersFeature = defineFeature<UsersState>({
  name: 'users',
  install: (k) => ({
    users: userService(k.db, { clock: k.clock, sessionDays: k.config.sessionDays }),
    apiKeys: apiKeyService(k.db, k.clock),
  }),
  routes: (state, k) => userRoutes(state, k),
  cli(program, cli) {
    registerUserCommands(program, cli); // user add
    registerApiKeyCommands(program, cli); // apikey create|list|revoke
  },
});
