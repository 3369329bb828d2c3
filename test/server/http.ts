// Small HTTP helpers for the endpoint tests: raw sockets where fetch() would hide what is on the wire, and zbarimg,
// a second QR reader (C, Debian's zbar-tools) independent of jsQR.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROUTE = '/v1/auth/totp-generate';

/** zbarimg's reading of a PNG. */
export function zbarimgRead(png: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'totp-enroll-zbar-')), 'qr.png');
  writeFileSync(file, png);
  // zbarimg ends its output with a newline, and the URI contains none.
  return execFileSync('zbarimg', ['-q', '--raw', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).replace(/\n$/, '');
}

/**
 * Sends `requests` on one new connection, each once the answer to the one before it is complete (not pipelined:
 * Bun closes a connection whose first packet holds two requests), and collects what comes back. Resolves when every
 * request is answered or the server closes; rejects after `timeoutMilliseconds`.
 */
export function rawExchange(url: string, requests: string[], { timeoutMilliseconds = 10_000 } = {}): Promise<{ statuses: number[]; text: string; closed: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    let sent = 0;
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ statuses: [...text.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((match) => Number(match[1])), text, closed });
    };
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer within ${timeoutMilliseconds} ms; got ${JSON.stringify(text.slice(0, 300))}`));
    }, timeoutMilliseconds);
    const sendNext = () => socket.write(requests[sent++]!, 'latin1');
    socket.setEncoding('latin1');
    socket.on('data', (data: string) => {
      text += data;
      const answered = completeResponses(text);
      if (answered >= requests.length) finish(false);
      else if (answered === sent) sendNext();
    });
    socket.on('close', () => finish(true));
    socket.on('error', () => undefined);
    sendNext();
  });
}

/** How many whole responses (head and Content-Length or chunked body, or a body-less head) `text` holds. */
function completeResponses(text: string): number {
  let count = 0;
  let rest = text;
  for (;;) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd < 0) return count;
    const head = rest.slice(0, headEnd);
    let end: number;
    if (/^transfer-encoding: *chunked/im.test(head)) {
      const last = rest.indexOf('\r\n0\r\n\r\n', headEnd);
      if (last < 0) return count;
      end = last + 7;
    } else {
      end = headEnd + 4 + Number(/^content-length: *(\d+)/im.exec(head)?.[1] ?? 0);
      if (rest.length < end) return count;
    }
    rest = rest.slice(end);
    count++;
  }
}
