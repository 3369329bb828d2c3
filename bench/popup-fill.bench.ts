// `npm run bench` → how fast Fill puts a code into a six-box OTP page: from the click on the popup's Fill button
// until the page's sixth box holds its digit (the page's own input listener notes the moment), and until the popup
// has the result read back from the page (one task later) and shows its message. Median of FILLS fills in headless
// Chromium, each in a freshly opened popup over a freshly loaded page, with a pasted key (so Fill does not ask).
// Goal (issue 19): click → code in all boxes ≤ 100 ms.
//
// The two clocks are the popup's and the page's, put on one scale with performance.timeOrigin (both are the same
// machine's clock). Printed beside it, from the same run: click → the popup's message, which adds the read-back.
import { loadavg } from 'node:os';
import { launchWithExtension, openPopup, type ExtensionBrowser } from '../test/extension/chromium-extension.js';
import { KEY_6, startFillSite, type FillSite } from '../test/extension/fill-pages.js';
import { paste } from '../test/extension/read-popup.js';
import { median } from './median.js';

const FILLS = 15;
const WARM_UP = 2;
const GOAL_MS = 100;

interface Fill {
  /** Click → the page's last box holds its digit. */
  allBoxesMs: number;
  /** Click → the popup's message shows the read-back result. */
  messageMs: number;
}

async function fillOnce(chromium: ExtensionBrowser, site: FillSite): Promise<Fill> {
  await chromium.tab.goto(`${site.origin}/six-boxes`);
  await chromium.tab.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLInputElement>('.boxes input')];
    document.addEventListener('input', () => {
      if (boxes.every((box) => /^\d$/.test(box.value)) && !(window as unknown as { allAt?: number }).allAt) (window as unknown as { allAt?: number }).allAt = performance.timeOrigin + performance.now();
    });
  });
  const { popup } = await openPopup(chromium);
  await popup.waitForSelector('#read');
  await paste(popup, KEY_6.uri);
  const { clickAt, shownAt } = await popup.evaluate(async () => {
    const status = document.querySelector<HTMLElement>('#fill-message')!;
    status.textContent = '';
    const at = performance.timeOrigin + performance.now();
    document.querySelector<HTMLButtonElement>('#fill')!.click();
    for (;;) {
      await new Promise((resume) => setTimeout(resume, 1));
      if (status.textContent !== '') return { clickAt: at, shownAt: performance.timeOrigin + performance.now() };
      if (performance.timeOrigin + performance.now() - at > 20_000) throw new Error('no message after 20 s');
    }
  });
  const reason = await popup.$eval('#fill-message', (status) => (status as HTMLElement).dataset.reason);
  if (reason !== '') throw new Error(`not filled: ${reason}`);
  const allAt = await chromium.tab.evaluate(() => (window as unknown as { allAt?: number }).allAt ?? NaN);
  await popup.close();
  return { allBoxesMs: allAt - clickAt, messageMs: shownAt - clickAt };
}

const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;

const site = await startFillSite();
const chromium = await launchWithExtension();
try {
  await chromium.tab.setViewport({ width: 1280, height: 800 });
  const fills: Fill[] = [];
  for (let round = 0; round < WARM_UP + FILLS; round++) {
    const fill = await fillOnce(chromium, site);
    if (round >= WARM_UP) fills.push(fill);
  }
  const allBoxes = median(fills.map((each) => each.allBoxesMs));
  const shown = median(fills.map((each) => each.messageMs));
  console.log(`popup Fill: six-box page, pasted key, median of ${FILLS} fills (after ${WARM_UP} warm-up), headless Chromium, load ${loadavg()[0]!.toFixed(1)}`);
  console.log(`  click → code in all six boxes (page side)         ${ms(allBoxes)}`);
  console.log(`  click → message with the read-back result shown   ${ms(shown)}  (ratio to the above ${(shown / allBoxes).toFixed(2)})`);
  console.log(`goal ≤ ${GOAL_MS} ms: ${allBoxes <= GOAL_MS ? 'met' : 'not met'} (${allBoxes.toFixed(1)} ms)`);
} finally {
  await chromium.close();
  await site.close();
}
