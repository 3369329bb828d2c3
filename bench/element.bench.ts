// `npm run bench` (after a build): how fast <totp-generator> paints, cold and warm, and how big its self-registering
// file is. Every ratio is against a baseline measured in this same run, on this same machine:
//   cold  — a fresh page per run (the bundle already evaluated), as a real page meets the element: against the 0.1.0
//           bundle (bench/baseline/, built from the tag v0.1.0), alternating run by run with it, with our bundle
//           less its compile hint, and with the floor (a fresh page given the ready picture and code);
//   warm  — one page, repeated: against a plain <div> given a ready QR SVG and a code (the least any page can do);
//   size  — dist/totp-generator.bundle.js, with what each package adds (esbuild's metafile).
// Goals (issue 9): cold ≤ 30 ms and ≤ 0.4× the 0.1.0 bundle; warm ≤ 2× the <div>; ≤ 23 kB min + gzip -9.
// The cold figure comes with a breakdown by stage, taken from separate runs of an instrumented build (below).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import * as esbuild from 'esbuild';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createEnrollment, qrSvg } from '../src/core/index.js';
import { BROWSER_BUNDLE_OPTIONS, BUNDLE_FILE } from '../scripts/build-bundles.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/browsers.mjs';
import { serve } from '../test/pages/browser-harness.js';
import { median } from './median.js';

/** The 0.1.0 release's bundle (commit 7416805, tag v0.1.0), kept so that every run measures it side by side. */
const BASELINE_BUNDLE = 'bench/baseline/totp-generator-0.1.0.bundle.js';
const COLD_RUNS = 21;
const WARM_RUNS = 50;
const WARM_UP = 3;
const BREAKDOWN_RUNS = 15;
const COLD_GOAL_MS = 30;
const COLD_RATIO_GOAL = 0.4;
const WARM_RATIO_GOAL = 2;
/** kB here means 1000 bytes, gzip at level 9 (what `gzip -9` and most CDNs' static compression give). */
const SIZE_GOAL_BYTES = 23_000;

const gzipSize = (bytes: Uint8Array | string) => gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const table = (rows: string[][]) => {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(`  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}`);
};

interface Timing {
  /** connected → QR and code in the DOM */
  shown: number;
  /** connected → the next frame after that drawn: QR and code painted */
  painted: number;
  /** connected → `enrollmentComplete` (the PNG data URI made and the totp-enroll event fired too) */
  complete: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------------------------

/**
 * The breakdown build: the element exactly as shipped, except that it sees the core through bench/instrumented/,
 * whose wrappers record each stage as a User Timing measure.
 */
async function instrumentedBundle(): Promise<Uint8Array> {
  const redirect = (filter: RegExp, importer: RegExp, to: string): esbuild.Plugin['setup'] => (build) =>
    build.onResolve({ filter }, (args) => (importer.test(args.importer) ? { path: resolve(to) } : undefined));
  const result = await esbuild.build({
    ...BROWSER_BUNDLE_OPTIONS,
    entryPoints: ['src/element/define.ts'],
    write: false,
    plugins: [
      {
        name: 'bench-stages',
        setup: (build) => {
          redirect(/\/core\/index\.js$/, /\/src\/element\//, 'bench/instrumented/core.ts')(build);
          redirect(/^\.\/qr\.js$/, /\/src\/core\/enrollment\.ts$/, 'bench/instrumented/qr.ts')(build);
        },
      },
    ],
  });
  return result.outputFiles![0]!.contents;
}

/**
 * The bundle without its first line, V8's compile hint (scripts/build-bundles.mjs): measured beside the bundle, so
 * that what the hint moves into module evaluation is seen with what it saves at the first paint.
 */
function withoutCompileHint(bundle: string): string {
  const hint = '//# allFunctionsCalledOnLoad\n';
  if (!bundle.startsWith(hint)) throw new Error(`${BUNDLE_FILE} does not start with ${JSON.stringify(hint)}`);
  return bundle.slice(hint.length);
}

const page = (script: string) => ({
  body: `<!doctype html><meta charset="utf-8"><title>bench</title><script src="/element-page.js"></script><script type="module" src="${script}"></script><main id="host"></main>`,
  type: 'text/html; charset=utf-8',
});
const javascript = (body: Uint8Array | string) => ({ body, type: 'text/javascript; charset=utf-8' });

async function startServer() {
  return serve({
    '/element-page.js': javascript(readFileSync('bench/element-page.js')),
    '/ours.html': page('/ours.js'),
    '/ours.js': javascript(readFileSync(BUNDLE_FILE)),
    '/unhinted.html': page('/unhinted.js'),
    '/unhinted.js': javascript(withoutCompileHint(readFileSync(BUNDLE_FILE, 'utf8'))),
    '/v0.1.0.html': page('/v0.1.0.js'),
    '/v0.1.0.js': javascript(readFileSync(BASELINE_BUNDLE)),
    '/stages.html': page('/stages.js'),
    '/stages.js': javascript(await instrumentedBundle()),
  });
}

/** A new page with `path` loaded and the element defined. */
async function openPage(browser: Browser, url: string): Promise<Page> {
  const tab = await browser.newPage();
  await tab.goto(url);
  await tab.waitForFunction(() => (window as unknown as { benchDefinedAt?: number }).benchDefinedAt !== undefined);
  return tab;
}

const benchRun = (tab: Page, kind: 'element' | 'baseline', svg = '') =>
  tab.evaluate((kind, svg) => (window as unknown as { benchRun: (kind: string, svg: string) => Promise<Timing> }).benchRun(kind, svg), kind, svg);

// ---------------------------------------------------------------------------------------------------------------
// Cold, warm, breakdown
// ---------------------------------------------------------------------------------------------------------------

interface ColdRun extends Timing {
  /** bundle fetched → element defined (compile + evaluate) */
  evaluation: number;
}

/**
 * Fresh page per run, ours (with and without its compile hint), 0.1.0 and the floor alternating. The floor is the warm baseline met cold: a fresh page
 * given a ready QR SVG and a code in a <div>, what any page pays for its first frame with that content in it.
 */
async function measureCold(browser: Browser, origin: string): Promise<{ ours: ColdRun[]; unhinted: ColdRun[]; v010: ColdRun[]; floor: Timing[] }> {
  const runs = { ours: [] as ColdRun[], unhinted: [] as ColdRun[], v010: [] as ColdRun[], floor: [] as Timing[] };
  const svg = qrSvg(createEnrollment({ issuer: 'Bench', accountName: 'bench@example.com' }).qr);
  const once = async (file: string) => {
    const tab = await openPage(browser, `${origin}/${file}`);
    try {
      const timing = await benchRun(tab, 'element');
      const evaluation = await tab.evaluate(() => (window as unknown as { benchEvaluation: () => number }).benchEvaluation());
      return { ...timing, evaluation };
    } finally {
      await tab.close();
    }
  };
  const floor = async () => {
    const tab = await openPage(browser, `${origin}/ours.html`);
    try {
      return await benchRun(tab, 'baseline', svg);
    } finally {
      await tab.close();
    }
  };
  // Warm-up: the browser's first pages pay for starting its processes. Nothing is cached between runs: the server
  // says `no-store`, so V8 has no code cache either, as on a first visit.
  await once('ours.html');
  await once('unhinted.html');
  await once('v0.1.0.html');
  await floor();
  for (let index = 0; index < COLD_RUNS; index++) {
    runs.ours.push(await once('ours.html'));
    runs.unhinted.push(await once('unhinted.html'));
    runs.v010.push(await once('v0.1.0.html'));
    runs.floor.push(await floor());
  }
  return runs;
}

/** One page, element and <div> baseline interleaved. */
async function measureWarm(browser: Browser, origin: string): Promise<{ element: Timing[]; baseline: Timing[] }> {
  const tab = await openPage(browser, `${origin}/ours.html`);
  try {
    const svg = qrSvg(createEnrollment({ issuer: 'Bench', accountName: 'bench@example.com' }).qr);
    for (let index = 0; index < WARM_UP; index++) {
      await benchRun(tab, 'element');
      await benchRun(tab, 'baseline', svg);
    }
    const runs = { element: [] as Timing[], baseline: [] as Timing[] };
    for (let index = 0; index < WARM_RUNS; index++) {
      runs.element.push(await benchRun(tab, 'element'));
      runs.baseline.push(await benchRun(tab, 'baseline', svg));
    }
    return runs;
  } finally {
    await tab.close();
  }
}

/** Rendering work Chromium's trace records on the page's main thread, by the stage it belongs to. */
const TRACE_STAGES: Record<string, string> = {
  UpdateLayoutTree: 'styles: recalculation',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  GPUTask: 'paint',
  MinorGC: 'garbage collection',
  MajorGC: 'garbage collection',
};

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
}

/** Milliseconds per rendering stage between the `bench:connected` and `bench:painted` marks of a trace. */
function traceStages(trace: { traceEvents: TraceEvent[] }): Record<string, number> {
  const mark = (name: string) => trace.traceEvents.find((event) => event.name === name)!;
  const [from, to] = [mark('bench:connected'), mark('bench:painted')];
  const stages: Record<string, number> = {};
  for (const event of trace.traceEvents) {
    const stage = TRACE_STAGES[event.name];
    if (!stage || event.ph !== 'X' || event.pid !== from.pid || event.tid !== from.tid) continue;
    if (event.ts < from.ts || event.ts > to.ts) continue;
    stages[stage] = (stages[stage] ?? 0) + (event.dur ?? 0) / 1000;
  }
  return stages;
}

/** Fresh page per run with the instrumented build and a trace: ms per stage (medians) and the traced total. */
async function measureBreakdown(browser: Browser, origin: string): Promise<{ stages: [string, number][]; painted: number; evaluation: number }> {
  const perRun: Record<string, number>[] = [];
  const painted: number[] = [];
  const evaluation: number[] = [];
  for (let index = 0; index < BREAKDOWN_RUNS + 1; index++) {
    const tab = await openPage(browser, `${origin}/stages.html`);
    try {
      await tab.evaluate(() => (window as unknown as { benchHookLit: () => void }).benchHookLit());
      await tab.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8'] });
      const timing = await benchRun(tab, 'element');
      const trace = JSON.parse(new TextDecoder().decode(await tab.tracing.stop()));
      if (index === 0) continue; // warm-up, as for the cold figure
      const stages = await tab.evaluate(() => (window as unknown as { benchStages: () => Record<string, number> }).benchStages());
      perRun.push({ ...stages, ...traceStages(trace) });
      painted.push(timing.painted);
      evaluation.push(await tab.evaluate(() => (window as unknown as { benchEvaluation: () => number }).benchEvaluation()));
    } finally {
      await tab.close();
    }
  }
  const names = [...new Set(perRun.flatMap((run) => Object.keys(run)))];
  const stages = names.map((name) => [name, median(perRun.map((run) => run[name] ?? 0))] as [string, number]);
  return { stages, painted: median(painted), evaluation: median(evaluation) };
}

async function measureSpeed() {
  const server = await startServer();
  // Without vsync and the frame-rate limit a frame is produced as soon as there is something to draw, so "painted"
  // measures our work rather than where in the 16.7 ms vsync interval the run happened to start.
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });
  try {
    const cold = await measureCold(browser, server.origin);
    const warm = await measureWarm(browser, server.origin);
    const breakdown = await measureBreakdown(browser, server.origin);
    return { cold, warm, breakdown };
  } finally {
    await browser.close();
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Size
// ---------------------------------------------------------------------------------------------------------------

/** What each package (or each part of ours) adds to the bundle, from esbuild's metafile. */
async function sizeBreakdown(): Promise<{ part: string; minified: number }[]> {
  const result = await esbuild.build({ ...BROWSER_BUNDLE_OPTIONS, entryPoints: ['src/element/define.ts'], write: false, metafile: true, outdir: '.cache/bench' });
  const output = Object.values(result.metafile!.outputs).find((entry) => entry.entryPoint)!;
  const parts = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const part = match ? match[1]! : path.startsWith('src/') ? path.split('/').slice(0, 2).join('/') : path;
    parts.set(part, (parts.get(part) ?? 0) + bytesInOutput);
  }
  return [...parts].map(([part, minified]) => ({ part, minified })).sort((a, b) => b.minified - a.minified);
}

// ---------------------------------------------------------------------------------------------------------------

const ours = readFileSync(BUNDLE_FILE);
const oursSize = { minified: ours.length, gzip: gzipSize(ours) };
const baselineBundle = readFileSync(BASELINE_BUNDLE);
const baselineSize = { minified: baselineBundle.length, gzip: gzipSize(baselineBundle) };
const parts = await sizeBreakdown();
const speed = await measureSpeed();

const column = (timings: Timing[], key: keyof Timing) => median(timings.map((timing) => timing[key]));
const coldOurs = column(speed.cold.ours, 'painted');
const coldV010 = column(speed.cold.v010, 'painted');
console.log(`\n<totp-generator> cold: a fresh page per run, bundle already evaluated, connected → QR and code painted`);
console.log(`  (headless Chromium, median of ${COLD_RUNS} runs each, all four alternating after one warm-up each)`);
table([
  ['', 'shown', 'painted', 'complete', 'painted ÷ 0.1.0', 'module evaluation'],
  ...(
    [
      ['ours', speed.cold.ours],
      ['ours without the compile hint', speed.cold.unhinted],
      ['baseline: the 0.1.0 bundle', speed.cold.v010],
    ] as const
  ).map(([name, runs]) => [
    name,
    ms(column(runs, 'shown')),
    ms(column(runs, 'painted')),
    ms(column(runs, 'complete')),
    `${(column(runs, 'painted') / coldV010).toFixed(2)}×`,
    ms(median(runs.map((run) => run.evaluation))),
  ]),
  ['floor: a fresh page, <div> + ready SVG and code', ms(column(speed.cold.floor, 'shown')), ms(column(speed.cold.floor, 'painted')), '', `${(column(speed.cold.floor, 'painted') / coldV010).toFixed(2)}×`, ''],
]);
console.log(
  `  goal ≤ ${COLD_GOAL_MS} ms and ≤ ${COLD_RATIO_GOAL}× 0.1.0: ${coldOurs.toFixed(1)} ms (${coldOurs <= COLD_GOAL_MS ? 'met' : 'MISSED'}), ${(coldOurs / coldV010).toFixed(2)}× (${coldOurs / coldV010 <= COLD_RATIO_GOAL ? 'met' : 'MISSED'}); ours less the floor: ${(coldOurs - column(speed.cold.floor, 'painted')).toFixed(1)} ms`,
);

const { stages, painted: tracedPainted, evaluation } = speed.breakdown;
/** Stages measured inside another one: the QR matrix inside the enrollment, the SVG markup inside Lit's render. */
const nested = (name: string) => name.startsWith('QR:');
const topLevel = stages.filter(([name]) => !nested(name)).sort((a, b) => b[1] - a[1]);
console.log(`\nWhere the cold time goes: ${BREAKDOWN_RUNS} more fresh pages with the instrumented build and a Chromium trace (medians per stage)`);
table([
  ['stage', 'ms'],
  ['(before connection: module evaluation, not in the figure)', ms(evaluation)],
  ...topLevel.flatMap(([name, value]) => [
    [name, ms(value)],
    ...stages.filter(([inner]) => nested(inner) && (name.startsWith('enrollment') ? inner.includes('matrix') : name.startsWith('Lit') && inner.includes('SVG'))).map(([inner, time]) => [`  of which ${inner}`, ms(time)]),
  ]),
  ['sum of the stages', ms(topLevel.reduce((sum, [, value]) => sum + value, 0))],
  ['painted (this traced run; the rest is waiting between tasks and for the frame)', ms(tracedPainted)],
]);

const warmOurs = column(speed.warm.element, 'painted');
const warmBaseline = column(speed.warm.baseline, 'painted');
console.log(`\n<totp-generator> warm: one page, repeated (median of ${WARM_RUNS} runs after ${WARM_UP} warm-up runs, interleaved with the baseline)`);
table([
  ['', 'shown', 'painted', 'complete', 'painted ÷ baseline'],
  ['ours', ...(['shown', 'painted', 'complete'] as const).map((key) => ms(column(speed.warm.element, key))), `${(warmOurs / warmBaseline).toFixed(2)}×`],
  ['baseline: <div> + ready SVG', ...(['shown', 'painted'] as const).map((key) => ms(column(speed.warm.baseline, key))), '', '1.00×'],
]);
console.log(`  goal ≤ ${WARM_RATIO_GOAL}× the baseline: ${(warmOurs / warmBaseline).toFixed(2)}× (${warmOurs / warmBaseline <= WARM_RATIO_GOAL ? 'met' : 'MISSED'})`);

console.log(`\n${BUNDLE_FILE}: size, minified + gzip -9 (kB = 1000 bytes)`);
table([
  ['', 'minified', 'gzip', 'gzip ÷ 0.1.0'],
  ['ours (Lit and the qr encoder inside)', kB(oursSize.minified), kB(oursSize.gzip), `${(oursSize.gzip / baselineSize.gzip).toFixed(2)}×`],
  ['baseline: the 0.1.0 bundle (qrcode-generator inside)', kB(baselineSize.minified), kB(baselineSize.gzip), '1.00×'],
]);
console.log(`  goal ≤ ${kB(SIZE_GOAL_BYTES)}: ${oursSize.gzip <= SIZE_GOAL_BYTES ? 'met' : 'MISSED'} (${kB(oursSize.gzip)})`);

const totalMinified = parts.reduce((sum, part) => sum + part.minified, 0);
console.log(`\nWhere the bytes go, by package (minified bytes from esbuild's metafile; gzip shares estimated in proportion)`);
table([
  ['part', 'minified', 'share', '≈ gzip'],
  ...parts.map(({ part, minified }) => [part, kB(minified), `${((minified / totalMinified) * 100).toFixed(1)} %`, kB((minified / totalMinified) * oursSize.gzip)]),
]);
const ourCode = parts.filter(({ part }) => part.startsWith('src/')).reduce((sum, part) => sum + part.minified, 0);
console.log(`  dependencies ${kB(totalMinified - ourCode)} / our code ${kB(ourCode)} minified`);
