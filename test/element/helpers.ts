// Shared helpers for the element's browser tests: a fake clock that the tests drive, an independent code oracle
// (the `otpauth` package) and a QR reader for the rendered inline SVG.
import { render, type TemplateResult } from 'lit';
import * as OTPAuth from 'otpauth';
import { readQrFromRgba } from '../support/qr-reader.js';
import type { Clock } from '../../src/element/index.js';
import type { TotpGenerator } from '../../src/element/index.js';

/** A clock whose time moves only when a test says so; timers fire only from `advanceTo` or `fireDue`. */
export class FakeClock implements Clock {
  private readonly _timers = new Map<number, { at: number; callback: () => void }>();
  private _nextId = 1;
  /** Every delay the element asked for, in order. */
  readonly delays: number[] = [];

  constructor(public time: number) {}

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, milliseconds: number): unknown {
    const id = this._nextId++;
    this.delays.push(milliseconds);
    this._timers.set(id, { at: this.time + milliseconds, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this._timers.delete(handle as number);
  }

  get pending(): number {
    return this._timers.size;
  }

  /** Moves time forward to `time`, firing each timer at its due time, as an awake browser would. */
  advanceTo(time: number): void {
    for (;;) {
      const due = [...this._timers].filter(([, timer]) => timer.at <= time).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this._timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].callback();
    }
    this.time = time;
  }

  /** Fires every pending timer now, however late: a device waking from sleep. */
  fireAll(): void {
    for (const [id, timer] of [...this._timers]) {
      this._timers.delete(id);
      timer.callback();
    }
  }
}

/** The code the `otpauth` package (its own Base32 and HMAC) computes: an independent implementation. */
export function oracleCode(el: TotpGenerator, timestamp: number): string {
  const parameters = new URL(el.uri).searchParams;
  return new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(el.secret),
    algorithm: parameters.get('algorithm')!,
    digits: Number(parameters.get('digits')),
    period: Number(parameters.get('period')),
  }).generate({ timestamp });
}

export function part(el: TotpGenerator, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

/** The shown text of a part, spaces removed (the element groups digits and characters for reading). */
export function partText(el: TotpGenerator, name: string): string {
  return (part(el, name)?.textContent ?? '').replace(/\s+/g, '');
}

/** Serialises the rendered QR SVG, draws it on a canvas and reads it back with jsQR. */
export async function readRenderedQr(el: TotpGenerator, pixels = 400): Promise<string> {
  const svg = part(el, 'qr')?.querySelector('svg');
  if (!svg) throw new Error('no QR SVG rendered');
  return readSvgQr(new XMLSerializer().serializeToString(svg), pixels);
}

/** Draws SVG markup on a canvas and reads the QR code in it with jsQR. */
export async function readSvgQr(markup: string, pixels = 400): Promise<string> {
  const image = new Image(pixels, pixels);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    image.src = url;
    await image.decode();
  } finally {
    URL.revokeObjectURL(url);
  }
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = pixels;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0, pixels, pixels);
  return readQrFromRgba(context.getImageData(0, 0, pixels, pixels).data, pixels, pixels);
}

/** Collects the events of `type` the element fires. */
export function record<K extends keyof GlobalEventHandlersEventMap>(el: EventTarget, type: K): GlobalEventHandlersEventMap[K][] {
  const seen: GlobalEventHandlersEventMap[K][] = [];
  el.addEventListener(type, (event) => seen.push(event as GlobalEventHandlersEventMap[K]));
  return seen;
}

const mounted: HTMLElement[] = [];

/**
 * Renders a template whose root is not a Lit element (a form, a sized div) into the page. open-wc's `fixture` waits
 * an animation frame for such roots, and a test page that is not the browser's front tab (the runner opens several
 * at once) gets no animation frames; this waits for nothing but the render.
 */
export function mount<T extends Element>(template: TemplateResult): T {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  render(template, container);
  return container.firstElementChild as T;
}

afterEach(() => {
  for (const container of mounted.splice(0)) container.remove();
});
