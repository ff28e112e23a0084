import { spawn } from 'node:child_process';

/** How one batch run of a peer command went: its answer lines and anything wrong with the run itself. */
export interface PeerRun {
  /** The full command line that ran. */
  command: string;
  /** Non-blank stdout lines, in order. */
  answers: string[];
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** Killed for printing more than the output limit. */
  overflowed: boolean;
  /** Killed because it went on running after the last answer. */
  lingered: boolean;
  /** The end of its stderr, for the report. */
  stderrTail: string;
  /** The process could not be started at all. */
  spawnError?: string;
}

export interface PeerOptions {
  /** The whole run, from start to exit. */
  timeoutMs: number;
  /** How long a peer may go on running after its last expected answer. */
  graceMs?: number;
  /** Most stdout bytes taken before the peer is killed. */
  maxOutputBytes?: number;
}

const STDERR_TAIL = 2000;

/**
 * Runs `command` once through the shell, writes all `lines` to its stdin and closes it, and
 * collects its stdout lines. Never hangs and never grows without bound: the peer is killed
 * (its whole process group) on timeout, when it prints too much, or when it lingers after
 * the last answer. Node only.
 */
export function runPeer(command: string, lines: readonly string[], options: PeerOptions): Promise<PeerRun> {
  const graceMs = options.graceMs ?? 2000;
  const input = lines.length ? `${lines.join('\n')}\n` : '';
  const maxOutputBytes = options.maxOutputBytes ?? 64 * 1024 * 1024 + 16 * input.length;
  return new Promise((resolve) => {
    const run: PeerRun = { command, answers: [], exitCode: null, signal: null, timedOut: false, overflowed: false, lingered: false, stderrTail: '' };
    // Its own process group, so that a kill reaches what the shell started, not just the shell.
    const child = spawn(command, { shell: true, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let outputBytes = 0;
    let partial = '';
    let grace: NodeJS.Timeout | undefined;
    let settled = false;

    const kill = (): void => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const finish = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(grace);
      if (partial.trim() !== '') run.answers.push(partial.replace(/\r$/, ''));
      resolve(run);
    };
    const timer = setTimeout(() => {
      run.timedOut = true;
      kill();
    }, options.timeoutMs);

    child.on('error', (e) => {
      run.spawnError = e.message;
      finish();
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      outputBytes += chunk.length;
      if (outputBytes > maxOutputBytes) {
        run.overflowed = true;
        kill();
        return;
      }
      const parts = (partial + chunk).split('\n');
      partial = parts.pop()!;
      for (const part of parts) if (part.trim() !== '') run.answers.push(part.replace(/\r$/, ''));
      if (run.answers.length >= lines.length && grace === undefined) {
        grace = setTimeout(() => {
          run.lingered = true;
          kill();
        }, graceMs);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      run.stderrTail = (run.stderrTail + chunk).slice(-STDERR_TAIL);
    });
    // A peer that exits without reading all of its input is reported by its missing answers, not by EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
    child.on('close', (code, signal) => {
      run.exitCode = code;
      run.signal = signal;
      finish();
    });
  });
}

/** What went wrong with a run as a whole, or undefined when it answered every line and exited. */
export function runProblem(run: PeerRun, expected: number): string | undefined {
  const got = `${run.answers.length} answer line(s) for ${expected} case(s)`;
  const stderr = run.stderrTail.trim() ? `; its stderr ends with: ${run.stderrTail.trim().split('\n').slice(-5).join(' | ')}` : '';
  if (run.spawnError) return `could not start \`${run.command}\`: ${run.spawnError}`;
  if (run.timedOut) return `\`${run.command}\` timed out: killed with ${got}${stderr}`;
  if (run.overflowed) return `\`${run.command}\` printed more output than the limit: killed with ${got}${stderr}`;
  if (run.answers.length < expected) {
    const how = run.signal ? `was killed by ${run.signal}` : `exited with code ${run.exitCode}`;
    return `\`${run.command}\` ${how} after ${got}${stderr}`;
  }
  if (run.answers.length > expected) return `\`${run.command}\` printed ${got}: answers may be misaligned from the first extra line on`;
  if (run.lingered) return `\`${run.command}\` answered every line but did not exit after its stdin closed (killed)`;
  return undefined;
}
