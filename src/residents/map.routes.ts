import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError, say } from '../errors.js';
import { errors, IdParams } from '../http/common-schemas.js';
import type { MapConfig } from './map-config.js';
import { Lat, Lng, LocateAnswer, NearbyAnswer, NearbyQuery } from './map.schema.js';
import type { mapService } from './map.service.js';

const tags = ['map'];

export const mapRoutes =
  (map: ReturnType<typeof mapService>, config: MapConfig): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get('/api/v1/map/config', { schema: { tags } }, async () => config);
    app.get('/api/v1/map/areas', { schema: { tags } }, async () => ({ items: await map.boundaries() }));
    app.put(
      '/api/v1/map/areas/:id/boundary',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          description: 'Upload an area boundary: a GeoJSON Polygon, MultiPolygon or Feature in WGS-84.',
          params: IdParams,
          body: Type.Unknown(),
          ...{ response: errors(400, 401, 403, 404) },
        },
      },
      (req) => map.setBoundary(req.params.id, req.body),
    );
    app.get(
      '/api/v1/map/locate',
      {
        schema: {
          tags,
          querystring: Type.Object({ lat: Lat, lng: Lng }),
          response: { 200: LocateAnswer, ...errors(400) },
        },
      },
      (req) => map.locate(req.query.lat, req.query.lng),
    );
    app.get(
      '/api/v1/map/nearby',
      {
        schema: {
          tags,
          description: 'Already reported nearby: open public items within `radius` metres of a pin, nearest first.',
          querystring: NearbyQuery,
          response: { 200: NearbyAnswer, ...errors(400) },
        },
      },
      async (req) => {
        const radius = req.query.radius ?? 300;
        return { radius, items: await map.nearby(req.query.lat, req.query.lng, radius, req.query.categoryId) };
      },
    );
    app.get(
      '/api/v1/map/clusters',
      {
        schema: {
          tags,
          querystring: Type.Object({
            zoom: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })),
            bbox: Type.Optional(Type.String({ maxLength: 100 })),
            status: Type.Optional(Type.String({ maxLength: 20 })),
            categoryId: Type.Optional(Type.Integer({ minimum: 1 })),
            areaId: Type.Optional(Type.Integer({ minimum: 1 })),
          }),
        },
      },
      async (req) => {
        const { zoom, bbox, ...filter } = req.query;
        return map.clusters({ ...filter, bbox: bbox ? parseBbox(bbox) : undefined }, zoom ?? 10);
      },
    );
  };

function parseBbox(text: string): [number, number, number, number] {
  const b = text.split(',').map(Number);
  if (b.length !== 4 || b.some((n) => !Number.isFinite(n)) || b[0] > b[2] || b[1] > b[3])
    throw new AppError(
      'validation_failed',
      say('bbox 应为 minLng,minLat,maxLng,maxLat', 'bbox must be minLng,minLat,maxLng,maxLat'),
      { field: 'bbox' },
    );
  return b as [number, number, number, number];
}
