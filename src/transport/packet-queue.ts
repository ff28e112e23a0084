import type { TransportError } from './errors.js';

type Waiter = {
  resolve: (result: IteratorResult<Uint8Array, undefined>) => void;
  reject: (error: unknown) => void;
};

/**
 * Single-consumer async queue of received packets that ends cleanly or with an error. It counts
 * the bytes of the packets waiting to be read, and calls `onRead` when the consumer takes one,
 * so the connection can pause its socket while the consumer lags (backpressure).
 */
export class PacketQueue implements AsyncIterableIterator<Uint8Array, undefined> {
  private readonly packets: Uint8Array[] = [];
  private readonly waiters: Waiter[] = [];
  private ending: { error?: TransportError } | undefined;
  /** Bytes of the packets received and not yet read. */
  queuedBytes = 0;

  constructor(private readonly onRead: () => void = () => undefined) {}

  get ended(): boolean {
    return this.ending !== undefined;
  }

  push(packet: Uint8Array): void {
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter.resolve({ value: packet, done: false });
      return;
    }
    this.packets.push(packet);
    this.queuedBytes += packet.length;
  }

  /** Packets already queued are still delivered; after them the iterator finishes or throws `error`. */
  end(error?: TransportError): void {
    if (this.ending) return;
    this.ending = { error };
    for (const waiter of this.waiters.splice(0)) {
      if (error) waiter.reject(error);
      else waiter.resolve({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<Uint8Array, undefined>> {
    const packet = this.packets.shift();
    if (packet) {
      this.queuedBytes -= packet.length;
      this.onRead();
      return Promise.resolve({ value: packet, done: false });
    }
    if (this.ending?.error) return Promise.reject(this.ending.error);
    if (this.ending) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
