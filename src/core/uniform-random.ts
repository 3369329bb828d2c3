/**
 * Uniform random choices from `crypto.getRandomValues`, without modulo bias.
 *
 * `byte % size` favours the first `256 % size` symbols whenever `size` does not divide 256 (for 31 symbols, the
 * first 8 would come up 9 times in 256 instead of 8). Rejection sampling throws away the bytes at or above the largest
 * multiple of `size` and draws again, so every symbol is exactly equally likely.
 */

/** Fills a byte array with random bytes; `crypto.getRandomValues` unless a test needs to see every byte value. */
export type RandomFill = (bytes: Uint8Array) => Uint8Array;

const fromCrypto: RandomFill = (bytes) => globalThis.crypto.getRandomValues(bytes);

/**
 * `count` independent, uniformly distributed whole numbers from 0 to `size - 1`.
 *
 * @param size 1 to 256: one byte is drawn per number (plus the rejected ones).
 */
export function uniformIndexes(count: number, size: number, fill: RandomFill = fromCrypto): number[] {
  if (!Number.isSafeInteger(size) || size < 1 || size > 256) throw new RangeError(`size must be a whole number from 1 to 256, got ${size}`);
  // The largest multiple of size that fits in a byte: bytes from here up would make the low symbols likelier.
  const limit = 256 - (256 % size);
  const indexes: number[] = [];
  while (indexes.length < count) {
    // A few spare bytes per round, so that rejections rarely cost another call.
    for (const byte of fill(new Uint8Array(count - indexes.length + 8))) {
      if (byte < limit) indexes.push(byte % size);
      if (indexes.length === count) break;
    }
  }
  return indexes;
}
