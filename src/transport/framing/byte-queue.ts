/** FIFO of received bytes that avoids re-concatenating on every chunk. */
export class ByteQueue {
  private chunks: Uint8Array[] = [];
  /** Index of the first unconsumed chunk (shift() would make many tiny chunks quadratic). */
  private first = 0;
  /** Bytes of chunks[first] already consumed. */
  private head = 0;
  length = 0;

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** A copy of the first `count` bytes (count <= length), left in the queue. */
  peek(count: number): Uint8Array {
    const out = new Uint8Array(count);
    let written = 0;
    for (let i = this.first, offset = this.head; written < count; i++, offset = 0) {
      const chunk = this.chunks[i];
      const n = Math.min(count - written, chunk.length - offset);
      out.set(chunk.subarray(offset, offset + n), written);
      written += n;
    }
    return out;
  }

  /** Removes and returns the first `count` bytes (count <= length). */
  take(count: number): Uint8Array {
    const out = this.peek(count);
    this.skip(count);
    return out;
  }

  skip(count: number): void {
    this.length -= count;
    while (count > 0) {
      const left = this.chunks[this.first].length - this.head;
      if (count < left) {
        this.head += count;
        return;
      }
      count -= left;
      this.first++;
      this.head = 0;
    }
    if (this.first === this.chunks.length) {
      this.chunks = [];
      this.first = 0;
    } else if (this.first > 1024) {
      this.chunks = this.chunks.slice(this.first);
      this.first = 0;
    }
  }
}
