/** A buffer this small is kept when the queue empties; a larger one is let go. */
const KEPT_CAPACITY = 4096;

/**
 * FIFO of received bytes in one contiguous buffer: chunks are copied in as they arrive, so a
 * peer sending one byte at a time costs one byte each, not an object per chunk. The buffer
 * grows by doubling (at most twice the bytes it holds, plus {@link KEPT_CAPACITY}), moves its
 * bytes to the front instead of growing when that suffices, and is released when it empties.
 */
export class ByteQueue {
  private buf = new Uint8Array(0);
  /** Bytes buf[start..end) are queued. */
  private start = 0;
  private end = 0;

  get length(): number {
    return this.end - this.start;
  }

  /** The bytes of memory the queue holds, queued or not. */
  get capacity(): number {
    return this.buf.length;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.end + chunk.length > this.buf.length) this.makeRoom(chunk.length);
    this.buf.set(chunk, this.end);
    this.end += chunk.length;
  }

  /** A view of the first `count` bytes (count <= length), left in the queue; valid until the next push. */
  peek(count: number): Uint8Array {
    return this.buf.subarray(this.start, this.start + count);
  }

  /** Removes and returns a copy of the first `count` bytes (count <= length). */
  take(count: number): Uint8Array {
    const out = this.buf.slice(this.start, this.start + count);
    this.skip(count);
    return out;
  }

  skip(count: number): void {
    this.start += count;
    if (this.start === this.end) {
      this.start = this.end = 0;
      if (this.buf.length > KEPT_CAPACITY) this.buf = new Uint8Array(0);
    }
  }

  private makeRoom(extra: number): void {
    const live = this.length;
    const needed = live + extra;
    if (needed <= this.buf.length && live <= this.buf.length / 2) {
      this.buf.copyWithin(0, this.start, this.end);
    } else {
      const grown = new Uint8Array(Math.max(needed, Math.min(2 * this.buf.length, 2 * needed), 64));
      grown.set(this.buf.subarray(this.start, this.end));
      this.buf = grown;
    }
    this.start = 0;
    this.end = live;
  }
}
