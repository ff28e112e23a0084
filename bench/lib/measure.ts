/** Ops per second of one operation: a warm-up, then the median of a few timed rounds. */

export interface MeasureOptions {
  warmupMs: number;
  roundMs: number;
  rounds: number;
}

export interface Measurement {
  opsPerSec: number;
  /** ops/s of each round, in order: their spread says how steady the figure is. */
  rounds: number[];
}

/** Where results go so that no call can be optimised away. */
export let sink: unknown;

/** Runs `op` `n` times. */
function batch(op: () => unknown, n: number): void {
  for (let i = 0; i < n; i++) sink = op();
}

export function measure(op: () => unknown, options: MeasureOptions): Measurement {
  // Batches of about 2 ms keep the clock out of the figure even for sub-microsecond ops.
  let perBatch = 1;
  let calibrated = 0;
  const calibrateStart = performance.now();
  while (performance.now() - calibrateStart < 20) {
    batch(op, perBatch);
    calibrated += perBatch;
    perBatch *= 2;
  }
  const opMs = (performance.now() - calibrateStart) / calibrated;
  perBatch = Math.max(1, Math.round(2 / opMs));

  const warmupEnd = performance.now() + options.warmupMs;
  while (performance.now() < warmupEnd) batch(op, perBatch);

  const rounds: number[] = [];
  for (let r = 0; r < options.rounds; r++) {
    let ops = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      batch(op, perBatch);
      ops += perBatch;
      elapsed = performance.now() - start;
    } while (elapsed < options.roundMs);
    rounds.push((ops * 1000) / elapsed);
  }
  const sorted = [...rounds].sort((a, b) => a - b);
  return { opsPerSec: sorted[Math.floor(sorted.length / 2)], rounds };
}
