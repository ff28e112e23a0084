/**
 * Runs one library on one case in a process of its own (a clean heap and JIT for each):
 * checks its bytes against tlwire's, then times it. Prints one JSON line on stdout.
 *
 *   tsx bench/worker.ts --case messages.decode --library mtcute [--round-ms 300] [--rounds 5] [--warmup-ms 300]
 *   tsx bench/worker.ts --case getHistory.encode,updates.decode --library gramjs --verify-only
 *
 * With --verify-only it only checks the bytes, of one or more cases, and prints a line for each.
 * `--cpu-profile FILE` writes a V8 CPU profile of the timed rounds only (after the warm-up).
 * `--ops N [--warmup-ops W]` runs the operation W and then N times, untimed, for a count of
 * instructions from outside (bench/instructions.ts); `--calibrate` prints how many operations
 * run in 100 ms.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { caseById, LIBRARIES, type Library } from './cases.js';
import { batch, measure, opsIn, referenceMs } from './lib/measure.js';

export interface WorkerResult {
  case: string;
  library: Library;
  wireBytes: number;
  note?: string;
  /** Absent with --verify-only. */
  opsPerSec?: number;
  mbPerSec?: number;
  rounds?: number[];
  /** CPU ms of lib/measure.ts's fixed reference loop, run before the warm-up and after the rounds. */
  referenceMs?: [number, number];
  /** With --ops: how many operations ran after the warm-up; with --calibrate: how many run in 100 ms. */
  ops?: number;
}

const { values } = parseArgs({
  options: {
    case: { type: 'string' },
    library: { type: 'string' },
    'verify-only': { type: 'boolean', default: false },
    'warmup-ms': { type: 'string', default: '300' },
    'round-ms': { type: 'string', default: '300' },
    rounds: { type: 'string', default: '5' },
    'cpu-profile': { type: 'string' },
    ops: { type: 'string' },
    'warmup-ops': { type: 'string', default: '0' },
    calibrate: { type: 'boolean', default: false },
  },
});
const library = values.library as Library;
const specs = (values.case ?? '').split(',').map(caseById);
for (const spec of specs) {
  if (!LIBRARIES.includes(library) || !spec.libraries.includes(library)) {
    throw new Error(`case ${spec.id} runs ${spec.libraries.join(', ')}, not ${values.library}`);
  }
}
if (!values['verify-only'] && specs.length !== 1) throw new Error('time one case per process');

for (const spec of specs) {
  const prepared = await spec.prepare(library);
  const result: WorkerResult = { case: spec.id, library, wireBytes: prepared.wireBytes, note: prepared.note };
  if (values.calibrate) {
    result.ops = opsIn(prepared.op, 100);
  } else if (values.ops !== undefined) {
    batch(prepared.op, Number(values['warmup-ops']));
    batch(prepared.op, Number(values.ops));
    result.ops = Number(values.ops);
  } else if (!values['verify-only']) {
    const options = { warmupMs: Number(values['warmup-ms']), roundMs: Number(values['round-ms']), rounds: Number(values.rounds) };
    // A gauge of the machine's speed around the timing (lib/measure.ts), outside any profile.
    const referenceBefore = referenceMs();
    const profileFile = values['cpu-profile'];
    let session: Session | undefined;
    if (profileFile) {
      // Warm up first, so that the profile holds optimised code and not the JIT's work.
      measure(prepared.op, { ...options, rounds: 1 });
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 100 });
      await session.post('Profiler.start');
    }
    const m = measure(prepared.op, options);
    if (session && profileFile) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(profileFile, JSON.stringify(profile));
      session.disconnect();
    }
    const referenceAfter = referenceMs();
    result.opsPerSec = m.opsPerSec;
    result.mbPerSec = (m.opsPerSec * prepared.wireBytes) / 1e6;
    result.rounds = m.rounds;
    result.referenceMs = [referenceBefore, referenceAfter];
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
