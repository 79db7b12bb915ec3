import type { Feature } from '../features.js';
import { open311Routes } from './open311.routes.js';

/**
 * Open311 GeoReport v2 (and FixMyStreet's servicerequestupdates) under /open311/v2. Needs the
 * questions feature for service definitions; it keeps no state of its own beyond its table.
 */
export const open311Feature: Feature = {
  name: 'open311',
  routes: (services) => open311Routes(services),
};
