/**
 * Segmenting text into index terms (bigrams plus ICU word segmentation) costs ~0.15 ms per item:
 * 150 s of one core for a million items, more than reading and writing them. A rebuild hands it
 * to worker threads, so it runs on the other cores while the main thread reads and writes SQL.
 */
import os from 'node:os';
import { startModuleWorker } from '../shared/module-worker.js';
import type { FullTextDocument } from './full-text.js';
import { toDocument, type IndexedFields } from './search-document.js';

export interface DocumentMaker {
  toDocuments(fields: IndexedFields[]): Promise<FullTextDocument[]>;
  close(): Promise<void>;
}

/** In the calling thread: for small rebuilds, where starting workers would cost more. */
export const inlineDocuments: DocumentMaker = {
  toDocuments: async (fields) => fields.map(toDocument),
  close: async () => undefined,
};

export function documentWorkers(count = Math.max(1, Math.min(4, os.availableParallelism()))): DocumentMaker {
  const workers = Array.from({ length: count }, () => startModuleWorker(import.meta.url, 'document-worker'));
  const waiting = new Map<number, { resolve: (d: FullTextDocument[]) => void; reject: (e: Error) => void }>();
  let failure: Error | null = null;
  let next = 0;
  const fail = (err: Error) => {
    failure = err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  for (const w of workers) {
    w.on('message', (m: { index: number; docs: FullTextDocument[] }) => {
      waiting.get(m.index)?.resolve(m.docs);
      waiting.delete(m.index);
    });
    w.on('error', fail);
    w.on('exit', (code) => {
      if (code !== 0) fail(new Error(`a search indexing worker stopped (exit ${code})`));
    });
  }
  const ask = (fields: IndexedFields[]) =>
    new Promise<FullTextDocument[]>((resolve, reject) => {
      if (failure) return reject(failure);
      const index = next++;
      waiting.set(index, { resolve, reject });
      workers[index % workers.length].postMessage({ index, fields });
    });
  return {
    async toDocuments(fields) {
      // One chunk per worker, in order.
      const size = Math.ceil(fields.length / workers.length) || 1;
      const chunks: IndexedFields[][] = [];
      for (let i = 0; i < fields.length; i += size) chunks.push(fields.slice(i, i + size));
      return (await Promise.all(chunks.map(ask))).flat();
    },
    async close() {
      for (const w of workers) w.removeAllListeners('exit');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
