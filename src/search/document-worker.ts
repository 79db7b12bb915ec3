import { parentPort } from 'node:worker_threads';
import { toDocument, type IndexedFields } from './search-document.js';

// The worker side of documentWorkers: segments the text of a chunk of items into index terms.
parentPort!.on('message', (m: { index: number; fields: IndexedFields[] }) => {
  parentPort!.postMessage({ index: m.index, docs: m.fields.map(toDocument) });
});
