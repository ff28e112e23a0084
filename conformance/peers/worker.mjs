// The worker serve() starts: tsx's loader does not reach worker threads by itself, so it is
// registered here before the adapter module (TypeScript) is imported.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
