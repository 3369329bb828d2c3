// The live code under a clock the test controls: one timer aimed at the next boundary, the code changing at the
// boundary and not a millisecond before, catch-up after a hidden tab or sleep, and no timer left after removal.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/element/define.js';
import type { TotpGenerator } from '../../src/element/index.js';
import { FakeClock, oracleCode, part, partText } from './helpers.js';

const STEP = 30_000;
/** 12.345 s into a step. */
const T = 59_000 * STEP + 12_345;

async function generator(clock: FakeClock, period = '30'): Promise<TotpGenerator> {
  const el = await fixture<TotpGenerator>(html`<totp-generator .clock=${clock} account-name="clock@example.com" period=${period}></totp-generator>`);
  await el.enrollmentComplete;
  return el;
}

describe('<totp-generator> live code', () => {
  it('sets one timer, aimed at the next step boundary', async () => {
    const clock = new FakeClock(T);
    await generator(clock);
    expect(clock.pending).to.equal(1);
    expect(clock.delays.at(-1)).to.equal(STEP - 12_345);
  });

  it('changes the code exactly at the boundary, not before', async () => {
    const clock = new FakeClock(T);
    const el = await generator(clock);
    const boundary = T - 12_345 + STEP;
    const first = el.currentCode;
    expect(first).to.equal(oracleCode(el, T));

    clock.advanceTo(boundary - 1);
    await el.enrollmentComplete;
    expect(el.currentCode).to.equal(first);

    clock.advanceTo(boundary);
    await el.enrollmentComplete;
    expect(el.currentCode).to.equal(oracleCode(el, boundary));
    expect(partText(el, 'code')).to.equal(oracleCode(el, boundary));
    // Re-aimed at the following boundary, still a single timer.
    expect(clock.pending).to.equal(1);
    expect(clock.delays.at(-1)).to.equal(STEP);
  });

  it('follows the steps of a non-default period', async () => {
    const clock = new FakeClock(T);
    const el = await generator(clock, '45');
    for (let i = 1; i <= 3; i++) {
      const next = (Math.floor(clock.time / 45_000) + 1) * 45_000;
      clock.advanceTo(next);
      await el.enrollmentComplete;
      expect(el.currentCode).to.equal(oracleCode(el, next));
    }
  });

  it('catches up at once when a hidden tab is shown again', async () => {
    const clock = new FakeClock(T);
    const el = await generator(clock);
    const setVisibility = (state: DocumentVisibilityState) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      // The tab is hidden, and ten minutes pass with no timer firing (throttled background tab)...
      setVisibility('hidden');
      clock.time = T + 10 * 60_000;
      await el.enrollmentComplete;
      expect(el.currentCode).to.equal(oracleCode(el, T));
      // ...then it is shown again.
      setVisibility('visible');
      await el.enrollmentComplete;
      expect(el.currentCode).to.equal(oracleCode(el, clock.time));
      expect(clock.pending).to.equal(1);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
  });

  it('shows the fresh code at once when re-attached after a step boundary (the clock ticks on connect)', async () => {
    const clock = new FakeClock(T);
    const el = await generator(clock);
    const parent = el.parentElement!;
    const before = el.currentCode;
    el.remove();
    expect(clock.pending, 'no timer while detached').to.equal(0);
    // Detached across two boundaries: no timer runs, so nothing could have updated the code meanwhile.
    clock.time = T + 2 * STEP;
    parent.append(el);
    await el.enrollmentComplete;
    expect(el.currentCode).to.equal(oracleCode(el, clock.time));
    expect(el.currentCode).to.not.equal(before);
    expect(partText(el, 'code').replace(/\s/g, '')).to.equal(el.currentCode);
    expect(clock.pending).to.equal(1);
    expect(clock.delays.at(-1)).to.equal(STEP - 12_345);
  });

  it('shows the code for the real time when a timer fires late (after sleep)', async () => {
    const clock = new FakeClock(T);
    const el = await generator(clock);
    clock.time = T + 3 * 60 * 60_000 + 7_000;
    clock.fireAll();
    await el.enrollmentComplete;
    expect(el.currentCode).to.equal(oracleCode(el, clock.time));
    expect(clock.delays.at(-1)).to.equal(STEP - ((12_345 + 7_000) % STEP));
  });

  it('computes one code per step: none between boundaries, even when a timer fires early', async () => {
    const clock = new FakeClock(T);
    const el = await generator(clock);
    const sign = SubtleCrypto.prototype.sign;
    let signatures = 0;
    SubtleCrypto.prototype.sign = function (this: SubtleCrypto, ...args: Parameters<SubtleCrypto['sign']>) {
      signatures++;
      return sign.apply(this, args);
    } as SubtleCrypto['sign'];
    try {
      const code = el.currentCode;
      clock.fireAll(); // 17.655 s early
      document.dispatchEvent(new Event('visibilitychange'));
      clock.advanceTo(T - 12_345 + STEP - 1);
      await el.enrollmentComplete;
      expect(signatures).to.equal(0);
      expect(el.currentCode).to.equal(code);
      expect(clock.pending).to.equal(1);
      clock.advanceTo(T - 12_345 + STEP);
      await el.enrollmentComplete;
      expect(signatures).to.equal(1);
    } finally {
      SubtleCrypto.prototype.sign = sign;
    }
  });

  it('animates the countdown from the time left, without a timer of its own', async () => {
    const clock = new FakeClock(T);
    const el = await generator(clock);
    const bar = part(el, 'countdown')!.firstElementChild!;
    const [animation] = bar.getAnimations();
    expect(animation, 'a Web Animation on the bar').to.not.equal(undefined);
    expect(animation!.effect!.getTiming().duration).to.equal(STEP);
    expect(Number(animation!.currentTime)).to.be.closeTo(12_345, 100);
    expect(clock.pending).to.equal(1);
  });

  it('leaves no timer behind when removed, and re-arms when attached again', async () => {
    const clock = new FakeClock(T);
    const el = await generator(clock);
    const parent = el.parentNode!;
    el.remove();
    expect(clock.pending).to.equal(0);
    parent.append(el);
    expect(clock.pending).to.equal(1);
    el.remove();
    expect(clock.pending).to.equal(0);
  });

  it('clears its real setTimeout when removed (default clock)', async () => {
    const set = globalThis.setTimeout;
    const clear = globalThis.clearTimeout;
    const live = new Set<unknown>();
    globalThis.setTimeout = ((callback: () => void, ms?: number) => {
      const handle = set(() => {
        live.delete(handle);
        callback();
      }, ms);
      live.add(handle);
      return handle;
    }) as typeof setTimeout;
    globalThis.clearTimeout = ((handle: ReturnType<typeof setTimeout>) => {
      live.delete(handle);
      clear(handle);
    }) as typeof clearTimeout;
    try {
      const el = document.createElement('totp-generator');
      el.setAttribute('account-name', 'timers@example.com');
      document.body.append(el);
      await el.enrollmentComplete;
      expect(live.size).to.equal(1);
      el.remove();
      expect(live.size).to.equal(0);
    } finally {
      globalThis.setTimeout = set;
      globalThis.clearTimeout = clear;
    }
  });
});
