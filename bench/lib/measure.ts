/**
 * Ops per second of one operation: a warm-up, then the median of a few timed rounds.
 *
 * Time is the CPU time of this process (process.cpuUsage: every thread, so GC and compiler
 * threads count), not the wall clock: on a machine shared with other work the wall clock also
 * counts the time this process waited for a core, and that changes from one second to the
 * next. On an idle machine the two agree.
 */

export interface MeasureOptions {
  warmupMs: number;
  roundMs: number;
  rounds: number;
}

export interface Measurement {
  opsPerSec: number;
  /** ops per CPU second of each round, in order: their spread says how steady the figure is. */
  rounds: number[];
  /** ops per wall-clock second over all rounds, for comparison. */
  wallOpsPerSec: number;
}

/** Where results go so that no call can be optimised away. */
export let sink: unknown;

/** Runs `op` `n` times. */
export function batch(op: () => unknown, n: number): void {
  for (let i = 0; i < n; i++) sink = op();
}

/** CPU milliseconds since `since`. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

/** How many times `op` runs in `ms` CPU milliseconds, after as long again of warm-up. */
export function opsIn(op: () => unknown, ms: number): number {
  for (let start = process.cpuUsage(); cpuMs(start) < ms; ) batch(op, 1);
  let n = 0;
  for (const start = process.cpuUsage(); cpuMs(start) < ms; n++) batch(op, 1);
  return n;
}

export function measure(op: () => unknown, options: MeasureOptions): Measurement {
  // Batches of about 2 ms keep the clock out of the figure even for sub-microsecond ops.
  let perBatch = 1;
  let calibrated = 0;
  const calibrateStart = process.cpuUsage();
  while (cpuMs(calibrateStart) < 20) {
    batch(op, perBatch);
    calibrated += perBatch;
    perBatch *= 2;
  }
  perBatch = Math.max(1, Math.round((2 * calibrated) / cpuMs(calibrateStart)));

  const warmupStart = process.cpuUsage();
  while (cpuMs(warmupStart) < options.warmupMs) batch(op, perBatch);

  const rounds: number[] = [];
  let totalOps = 0;
  const wallStart = performance.now();
  for (let r = 0; r < options.rounds; r++) {
    let ops = 0;
    const start = process.cpuUsage();
    let elapsed = 0;
    do {
      batch(op, perBatch);
      ops += perBatch;
      elapsed = cpuMs(start);
    } while (elapsed < options.roundMs);
    rounds.push((ops * 1000) / elapsed);
    totalOps += ops;
  }
  const wallOpsPerSec = (totalOps * 1000) / (performance.now() - wallStart);
  const sorted = [...rounds].sort((a, b) => a - b);
  return { opsPerSec: sorted[Math.floor(sorted.length / 2)], rounds, wallOpsPerSec };
}

/**
 * CPU milliseconds of a fixed piece of work that has nothing to do with any library (a loop over
 * a 512 KiB array): a gauge of how fast the machine is running at that moment. On a shared
 * machine a whole process can run 30-50% slow; this gauge slows in the same processes
 * (measured: a correlation of -0.66 to -0.77 between a process's ops/s and this loop's time), which
 * says the spread comes from the machine and not from the process's heap or JIT.
 */
export function referenceMs(): number {
  referenceLoop(20); // untimed: lets the JIT compile the loop, so the timed part is steady code
  const start = process.cpuUsage();
  referenceLoop(150);
  return cpuMs(start);
}

function referenceLoop(passes: number): void {
  const a = new Float64Array(1 << 16);
  let s = 0;
  for (let k = 0; k < passes; k++) {
    for (let i = 0; i < a.length; i++) {
      a[i] = a[(i * 7919) & 0xffff] * 0.5 + i;
      s += a[i];
    }
  }
  sink = s;
}

/** CPU microseconds per call of `op`, over one round of `ms` milliseconds (for in-process comparisons). */
export function cpuMicrosPerCall(op: () => unknown, ms: number): number {
  const start = process.cpuUsage();
  let calls = 0;
  const until = performance.now() + ms;
  while (performance.now() < until) {
    sink = op();
    calls++;
  }
  return cpuMs(start) * 1000 / calls;
}
