// What a test reads from and does to the popup's time-window lab, in either browser, and oathtool's codes to hold
// it to. Every reading is taken with the popup's clock before and after it, and taken again when a step boundary fell
// in between, so that no assertion depends on when in a step a test happens to run.
import { execFileSync } from 'node:child_process';
import type { Page } from 'puppeteer-core';

export interface Key {
  secret: string;
  algorithm: string;
  digits: number;
  period: number;
}

/** oathtool's codes for the step of `seconds` and the `following` steps after it. */
export function oathtool({ secret, algorithm, digits, period }: Key, seconds: number, following = 0): string[] {
  return execFileSync('oathtool', ['--base32', `--totp=${algorithm.toLowerCase()}`, `--digits=${digits}`, `--time-step-size=${period}s`, '-N', `@${seconds}`, '-w', String(following), secret], { encoding: 'utf8' })
    .trim()
    .split('\n');
}

export interface LabRow {
  offset: number;
  step: number;
  start: number;
  code: string;
  range: string;
}

export interface Snapshot {
  /** The popup's system time before and after the reading (Date.now()). */
  before: number;
  after: number;
  offset: number;
  rows: LabRow[];
  generatorCode: string;
  readViewCode: string;
  key: Key;
  banner: string | null;
}

/** Everything the lab and the codes show, read in one go in the popup. */
export function snapshot(popup: Page): Promise<Snapshot> {
  return popup.evaluate(() => {
    const before = Date.now();
    const lab = document.querySelector('time-lab')!;
    const generator = document.querySelector('totp-generator')!;
    const view = document.querySelector('read-enrollment');
    const readShown = view && !view.hidden && view.enrollment;
    const parameters = readShown ? view.enrollment!.parameters : { algorithm: generator.algorithm, digits: Number(generator.digits), period: Number(generator.period) };
    const banner = document.querySelector<HTMLElement>('#clock-offset-banner');
    return {
      before,
      offset: lab.clockOffset,
      rows: [...lab.querySelectorAll<HTMLElement>('.lab-code')].map((row) => ({
        offset: Number(row.dataset.offset),
        step: Number(row.dataset.step),
        start: Number(row.dataset.start),
        code: row.querySelector<HTMLElement>('.lab-value')!.dataset.code!,
        range: row.querySelector('.lab-range')!.textContent!.trim(),
      })),
      generatorCode: generator.currentCode,
      readViewCode: view?.currentCode ?? '',
      key: { secret: readShown ? view.enrollment!.secret.base32 : generator.secret, algorithm: parameters.algorithm, digits: parameters.digits, period: parameters.period },
      banner: banner && !banner.hidden ? banner.textContent : null,
      after: Date.now(),
    };
  });
}

export const stepAt = (period: number, milliseconds: number) => Math.floor(milliseconds / 1000 / period);

/** A snapshot taken wholly inside one step of the shifted clock, with the lab's rows for that step. */
export async function steadySnapshot(popup: Page): Promise<Snapshot> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const shot = await snapshot(popup);
    const shift = shot.offset * 1000;
    const step = stepAt(shot.key.period, shot.before + shift);
    const current = shot.rows.find((row) => row.offset === 0);
    if (step === stepAt(shot.key.period, shot.after + shift) && current?.step === step) return shot;
    // A boundary between the readings, or the lab not yet ticked over: read again in a moment.
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error('the lab never showed the step of the popup’s clock');
}

export async function openLab(popup: Page): Promise<void> {
  await popup.click('#lab summary');
  await popup.waitForFunction(() => document.querySelectorAll('time-lab .lab-code').length === 5, { timeout: 20_000 });
}

export async function setOffset(popup: Page, value: string): Promise<void> {
  await popup.$eval(
    'time-lab input[name="clockOffset"]',
    (input, typed) => {
      (input as HTMLInputElement).value = typed;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    value,
  );
}

/** Types `code` into "Which step is this code?", presses Check, and returns the answer and where it placed the code. */
export async function whichStep(popup: Page, code: string): Promise<{ text: string; offset: string | undefined; found: string | undefined; before: number; after: number }> {
  const before = await popup.evaluate(() => document.querySelector('time-lab')!.now());
  const checks = await popup.evaluate(() => Number(document.querySelector<HTMLElement>('time-lab .lab-finding')?.dataset.check ?? 0));
  await popup.$eval('time-lab .lab-which input[name="code"]', (input, typed) => {
    (input as HTMLInputElement).value = typed;
  }, code);
  await popup.click('time-lab .lab-which button[type="submit"]');
  const handle = await popup.waitForFunction((earlier) => {
    const finding = document.querySelector<HTMLElement>('time-lab .lab-finding');
    return finding && Number(finding.dataset.check) > earlier && { text: finding.textContent!.trim(), offset: finding.dataset.offset, found: finding.dataset.found };
  }, {}, checks);
  const answer = (await handle.jsonValue()) as { text: string; offset: string | undefined; found: string | undefined };
  return { ...answer, before, after: await popup.evaluate(() => document.querySelector('time-lab')!.now()) };
}

/** What the lab's row `offset` shows in English: "−1: 10:41:30–10:42:00". */
export function rangeText(row: LabRow, period: number): string {
  const time = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const sign = row.offset > 0 ? `+${row.offset}` : row.offset < 0 ? `−${-row.offset}` : '0';
  return `${sign}: ${time.format(row.start)}–${time.format(row.start + period * 1000)}`;
}
