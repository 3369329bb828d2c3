/**
 * Writing to stdout without piling up memory: wait for `drain` whenever the stream says its buffer is full.
 *
 * On Linux, Node writes to pipes and files synchronously, so a slow reader already blocks us; on sockets, other
 * platforms, or any stream a caller hands in, `write` is asynchronous and returns false when the buffer is full —
 * ignoring that is how a million-line batch ends up in memory.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes `text`, resolving once the stream can take more. Rejects if the stream fails (e.g. EPIPE). */
export async function writeWithBackpressure(stream: Writable, text: string): Promise<void> {
  if (stream.write(text)) return;
  // events.once rejects when 'error' fires first, so a closed pipe cannot leave us waiting for ever.
  await once(stream, 'drain');
}

/**
 * Collects short lines into chunks of about `chunkBytes` before writing, so a million small lines cost far fewer
 * writes. 16 KiB is a stream's default high-water mark: larger chunks would only sit in its buffer.
 */
export class ChunkedWriter {
  private _buffer = '';

  constructor(
    private readonly _stream: Writable,
    private readonly _chunkBytes = 16 * 1024,
  ) {}

  async write(text: string): Promise<void> {
    this._buffer += text;
    if (this._buffer.length >= this._chunkBytes) await this.flush();
  }

  async flush(): Promise<void> {
    if (this._buffer === '') return;
    const text = this._buffer;
    this._buffer = '';
    await writeWithBackpressure(this._stream, text);
  }
}
