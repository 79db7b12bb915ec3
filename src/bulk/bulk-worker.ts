import { parentPort, workerData } from 'node:worker_threads';
import { planningCore, type PlannerSetup } from './bulk-planner.js';
import type { NumberingStart } from './bulk-assign.js';

// The worker side of workerPlanner: plans and numbers batches on request, in order.
const core = planningCore(workerData as PlannerSetup);
parentPort!.on('message', (m: { type: 'next' | 'renumber'; index: number; start?: NumberingStart }) => {
  const batch = m.type === 'next' ? core.next(m.index) : core.renumber(m.index, m.start!);
  parentPort!.postMessage({ index: m.index, batch });
});
