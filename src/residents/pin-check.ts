import type { Db } from '../db/database.js';
import { AppError, say } from '../errors.js';
import type { ProblemCreated } from '../problems/problem-hooks.js';
import { loadBoundaries, locateIn } from './map.service.js';

/**
 * A new item's pin, checked inside its creating transaction (hook `residents.pin`): half a
 * coordinate pair is refused, and so is a pin outside every area boundary once the city has
 * boundaries (a city without any has nothing to check against). An item given a pin but no area
 * gets the deepest area under the pin, so an Open311 client's point lands in the right queue.
 */
export async function checkPin(trx: Db, created: ProblemCreated): Promise<void> {
  const { lat, lng, areaId } = created.input;
  const hasLat = lat !== undefined && lat !== null;
  const hasLng = lng !== undefined && lng !== null;
  if (hasLat !== hasLng)
    throw new AppError('validation_failed', say('纬度和经度需同时填写', 'give both latitude and longitude'), {
      field: hasLat ? 'lng' : 'lat',
    });
  if (!hasLat || !hasLng) return;
  const boundaries = await loadBoundaries(trx);
  if (!boundaries.length) return;
  const { area } = locateIn(boundaries, lat, lng);
  if (!areaId)
    await trx.updateTable('problems').set({ area_id: area.id }).where('id', '=', created.problemId).execute();
}
