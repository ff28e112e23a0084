/**
 * Memory and time of each attack of docs/reliability.md ("Hostile peers"), measured one attack per
 * fresh process so that its peak RSS is that attack's alone; network attackers run in a process
 * of their own, so the server's figures do not include what the attacker allocates.
 *
 *   npm run attacks:memory            # every attack, a Markdown table on stdout
 *   npm run attacks:memory -- NAME    # one attack, its JSON
 *
 * "held" is what tlwire itself keeps (results handed back, or WebSocketConnection.bufferedBytes
 * summed over the server's connections, at its peak); "peak RSS" is the process's peak resident
 * memory above what it had once the attack's input was built; "retained" is the heap and
 * ArrayBuffer growth after the attack and a full GC.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { decryptMessage, encryptMessage, MessageIdGenerator, MsgIdGuard, MtprotoError, ServiceCodec, ServiceError } from '../src/mtproto/index.js';
import { DEFAULT_MAX_FRAME_SIZE, intermediate, listenWebSocket, startObfuscatedClient, TransportError, WebSocketConnection } from '../src/transport/node.js';
import { inflatingContainer, LAYER, MIB, nestedGzipContainer, pongContainer, pongsWithIds, CONTAINER_MSG_ID } from '../test/mtproto/service/attack-payloads.js';

const SCRIPT = fileURLToPath(import.meta.url);
const expose = (globalThis as { gc?: () => void }).gc;
if (expose === undefined) throw new Error('run with node --expose-gc (npm run attacks:memory)');
/** A full GC, twice around a timer turn: ArrayBuffer memory is returned a turn after the heap. */
async function gc(): Promise<void> {
  expose!();
  await new Promise((resolve) => setTimeout(resolve, 20));
  expose!();
}

interface Figures {
  attack: string;
  sent: number;
  outcome: string;
  heldBytes: number;
  peakRssBytes: number;
  retainedBytes: number;
  ms: number;
}

function usage(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function codeOf(error: unknown): string {
  if (error instanceof ServiceError || error instanceof MtprotoError || error instanceof TransportError) return error.code;
  throw error;
}

/** Runs a synchronous attack on the library API; `run` returns the bytes its result holds. */
async function measureSync(attack: string, input: Uint8Array | number, run: () => number): Promise<Figures> {
  const sent = typeof input === 'number' ? input : input.length;
  await gc();
  const rssBefore = process.memoryUsage().rss;
  const before = usage();
  const started = performance.now();
  let outcome = 'accepted';
  let heldBytes = 0;
  let kept: unknown;
  try {
    heldBytes = run();
    kept = heldBytes;
  } catch (error) {
    outcome = codeOf(error);
  }
  const ms = performance.now() - started;
  const peakRssBytes = Math.max(0, process.resourceUsage().maxRSS * 1024 - rssBefore);
  kept = undefined;
  await gc();
  return { attack, sent, outcome, heldBytes, peakRssBytes, retainedBytes: Math.max(0, usage() - before), ms };
}

const codec = new ServiceCodec(LAYER);

function heldByMessage(body: Uint8Array): number {
  const message = codec.decodeMessage(body, () => undefined, { msgId: CONTAINER_MSG_ID });
  const bodies = message.kind === 'container' ? message.messages.map((m) => m.message) : [message];
  return bodies.reduce((sum, m) => sum + (m.kind === 'unknown_result' ? m.result.length : 0), 0);
}

const AUTH_KEY = Uint8Array.from({ length: 256 }, (_, i) => i);

const SYNC_ATTACKS: Record<string, () => Promise<Figures>> = {
  'nested-gzip': () => {
    const input = nestedGzipContainer(8);
    return measureSync('msg_container of 8 x gzip(rpc_result(gzip(16 MiB)))', input, () => heldByMessage(input));
  },
  'inflate-budget': () => {
    const input = inflatingContainer(8, 16 * MIB);
    return measureSync('msg_container of 8 x rpc_result(gzip(16 MiB))', input, () => heldByMessage(input));
  },
  'inflate-within-budget': () => {
    const input = inflatingContainer(8, 2 * MIB);
    return measureSync('msg_container of 8 x rpc_result(gzip(2 MiB)) (within the budget)', input, () => heldByMessage(input));
  },
  'container-5000': () => {
    const input = pongContainer(5000);
    return measureSync('msg_container of 5,000 messages', input, () => heldByMessage(input));
  },
  'container-duplicate-ids': () => {
    const input = pongsWithIds([CONTAINER_MSG_ID - 4n, CONTAINER_MSG_ID - 4n]);
    return measureSync('msg_container with a msg_id twice', input, () => heldByMessage(input));
  },
  'replay-window': async () => {
    // One million fresh msg_ids through one guard, then the first one again.
    let now = Date.now();
    const ids = new MessageIdGenerator({ now: () => now });
    const guard = new MsgIdGuard({ from: 'server', serverTimeMs: () => now });
    const first = ids.next('server-response');
    const figures = await measureSync('1,000,000 msg_ids, then the first one replayed', 8 * 1_000_001, () => {
      guard.accept(first);
      for (let i = 0; i < 1_000_000; i++) {
        now += 0.01;
        guard.accept(ids.next('server-response'));
      }
      guard.accept(first);
      return 0;
    });
    // The refusal ends the run: what the guard keeps is its window of ids.
    return { ...figures, heldBytes: guard.remembered * 8 };
  },
  'msg-id-hour-old': () => {
    const guard = new MsgIdGuard({ from: 'server', serverTimeMs: Date.now });
    const old = new MessageIdGenerator({ now: () => Date.now() - 3_600_000 }).next('server-response');
    return measureSync('msg_id from an hour ago', 8, () => (guard.accept(old), 0));
  },
  'frame-byte-at-a-time': async () => {
    const size = 16 * MIB;
    const decoder = intermediate.createDecoder({ maxFrameSize: size });
    const frame = intermediate.createEncoder().encode(new Uint8Array(size));
    const figures = await measureSync('a 16 MiB frame, 1 byte per push (maxFrameSize 16 MiB)', frame.length - 1, () => {
      for (let i = 0; i < frame.length - 1; i++) decoder.push(frame.subarray(i, i + 1));
      return decoder.heldBytes;
    });
    return { ...figures, outcome: 'buffered, waiting for its last byte' };
  },
  'forged-packet-default-max': () => forged(DEFAULT_MAX_FRAME_SIZE),
  'forged-packet-16mib': () => forged(16 * MIB),
};

/** A packet under a known auth_key_id whose msg_key is wrong: all the CPU it costs before the refusal. */
function forged(size: number): Promise<Figures> {
  const packet = encryptMessage({ authKey: AUTH_KEY, salt: 1n, sessionId: 1n, msgId: 4n << 32n, seqNo: 1, body: new Uint8Array(size - 2048), side: 'client' });
  packet[8] ^= 1;
  const label = `forged packet of ${(packet.length / MIB).toFixed(2)} MiB, known auth_key_id`;
  return measureSync(label, packet, () => (decryptMessage({ authKey: AUTH_KEY, data: packet, side: 'server', expectedSessionId: 'any' }), 0));
}

/** Network attacks: a library server with default limits here, the attacker in another process. */
const NETWORK_ATTACKS: Record<string, string> = {
  'half-open': 'half of the 64-byte obfuscated2 init, then silence',
  trickle: 'the init and a packet, 1 byte per second',
  'idle-300': '300 connections that send nothing',
  'connections-1100': '1,100 connections that send nothing (cap 1,024)',
  'message-90mib': 'one 90 MiB WebSocket message',
  unread: '360 packets of 1 MiB (queued by the peer) to a server that never reads',
};

async function measureNetwork(name: string): Promise<Figures> {
  const connections = new Set<WebSocketConnection>();
  const outcomes = new Map<string, number>();
  let accepted = 0;
  /** From a connection's accept to its close, the longest. */
  let longestMs = 0;
  const server = await listenWebSocket({
    onConnection: (connection) => {
      accepted++;
      connections.add(connection);
      const openedAt = performance.now();
      void connection.closed.then(() => {
        connections.delete(connection);
        longestMs = Math.max(longestMs, performance.now() - openedAt);
      });
      // Read (and count how each stream ends) except where the attack is a consumer that never reads.
      if (name !== 'unread') void endCode(connection).then((code) => outcomes.set(code, (outcomes.get(code) ?? 0) + 1));
    },
  });
  await gc();
  const rssBefore = process.memoryUsage().rss;
  const before = usage();
  const started = performance.now();
  const peer = spawn(process.execPath, [...process.execArgv, SCRIPT, 'peer', name, server.url], { stdio: ['ignore', 'pipe', 'inherit'] });
  let sent = 0;
  peer.stdout.on('data', (chunk: Buffer) => (sent = Number(chunk.toString().trim().split('\n').pop())));
  let heldBytes = 0;
  let lastOpen = started;
  const peerDone = new Promise<void>((resolve) => peer.once('exit', () => resolve()));
  let peerExited = false;
  void peerDone.then(() => (peerExited = true));
  // Sample until every connection is closed and the attacker gave up (bounded: 60 s).
  while (performance.now() - started < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    heldBytes = Math.max(heldBytes, [...connections].reduce((sum, c) => sum + c.bufferedBytes, 0));
    if (connections.size > 0) lastOpen = performance.now();
    if (name === 'unread' && sent >= 360 * MIB && performance.now() - lastOpen < 1) {
      // The server never reads: once everything is sent, the figure is what it holds.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      heldBytes = Math.max(heldBytes, [...connections].reduce((sum, c) => sum + c.bufferedBytes, 0));
      break;
    }
    if (peerExited && connections.size === 0 && accepted > 0) break;
  }
  const peakRssBytes = Math.max(0, process.resourceUsage().maxRSS * 1024 - rssBefore);
  if (name === 'unread') outcomes.set('socket paused, connection open', 1);
  const refused = name === 'connections-1100' ? `; ${1100 - accepted} dropped at the cap` : '';
  const outcome = [...outcomes].map(([code, n]) => (n > 1 ? `${code} x${n}` : code)).join(', ') + refused;
  const ms = name === 'unread' ? lastOpen - started : longestMs;
  peer.kill();
  await server.close();
  await gc();
  return { attack: NETWORK_ATTACKS[name], sent, outcome, heldBytes, peakRssBytes, retainedBytes: Math.max(0, usage() - before), ms };
}

/** How a connection's packet stream ended: the error code, or 'closed'. */
async function endCode(connection: WebSocketConnection): Promise<string> {
  try {
    for await (const packet of connection) void packet;
    return 'closed';
  } catch (error) {
    return codeOf(error);
  }
}

/** The attacker: prints the bytes it sent so far, one number per line. */
async function runPeer(name: string, url: string): Promise<void> {
  let sent = 0;
  const report = (n: number) => console.log(String((sent += n)));
  const open = async () => {
    const socket = new WebSocket(url, 'binary');
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('open', resolve));
    return socket;
  };
  const closed = (socket: WebSocket) => new Promise((resolve) => (socket.readyState === WebSocket.CLOSED ? resolve(undefined) : socket.once('close', resolve)));
  const { init, cipher } = startObfuscatedClient({ tag: intermediate.obfuscationTag! });
  if (name === 'half-open') {
    const socket = await open();
    socket.send(init.subarray(0, 32));
    report(32);
    await closed(socket);
  } else if (name === 'trickle') {
    const socket = await open();
    const bytes = new Uint8Array([...init, ...cipher.encrypt(intermediate.createEncoder().encode(new Uint8Array(64)))]);
    for (let i = 0; i < bytes.length && socket.readyState === WebSocket.OPEN; i++) {
      socket.send(bytes.subarray(i, i + 1));
      report(1);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } else if (name === 'idle-300' || name === 'connections-1100') {
    const sockets = await Promise.allSettled(Array.from({ length: name === 'idle-300' ? 300 : 1100 }, open));
    report(0);
    await Promise.all(sockets.map((s) => (s.status === 'fulfilled' ? closed(s.value) : undefined)));
  } else if (name === 'message-90mib') {
    const socket = await open();
    socket.send(init);
    socket.send(new Uint8Array(90 * MIB));
    report(64 + 90 * MIB);
    await closed(socket);
  } else if (name === 'unread') {
    const connection = await WebSocketConnection.connect(url);
    const packet = new Uint8Array(MIB);
    for (let i = 0; i < 360; i++) {
      connection.send(packet);
      report(packet.length);
    }
    await new Promise((resolve) => setTimeout(resolve, 60_000));
  }
  process.exit(0);
}

function mib(bytes: number): string {
  if (bytes < 10 * 1024) return `${bytes} B`;
  if (bytes < MIB) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / MIB).toFixed(1)} MiB`;
}

async function main(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2);
  if (name === 'peer') return runPeer(rest[0], rest[1]);
  if (name !== undefined) {
    const figures = name in SYNC_ATTACKS ? await SYNC_ATTACKS[name]() : await measureNetwork(name);
    console.log(JSON.stringify(figures));
    return;
  }
  console.log('| Attack | Bytes sent | tlwire | Held by tlwire | Peak RSS | Retained | Time |');
  console.log('|---|---|---|---|---|---|---|');
  for (const attack of [...Object.keys(SYNC_ATTACKS), ...Object.keys(NETWORK_ATTACKS)]) {
    const child = spawn(process.execPath, [...process.execArgv, SCRIPT, attack], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise((resolve) => child.once('exit', resolve));
    const f = JSON.parse(out.trim().split('\n').pop()!) as Figures;
    const time = attack === 'unread' ? 'held open' : f.ms < 1000 ? `${f.ms.toFixed(1)} ms` : `${(f.ms / 1000).toFixed(1)} s`;
    console.log(`| ${f.attack} | ${mib(f.sent)} | ${f.outcome} | ${mib(f.heldBytes)} | ${mib(f.peakRssBytes)} | ${mib(f.retainedBytes)} | ${time} |`);
  }
}

await main();
