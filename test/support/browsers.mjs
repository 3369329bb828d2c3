// Where the real browsers are, on this machine and on CI: Debian's chromium and firefox-esr unless told otherwise.
// Found the way `npm test`'s preflight finds them (scripts/preflight.mjs), so that what it checked is what runs.
import { locate, REQUIREMENTS } from '../../scripts/preflight.mjs';

const [chromium, firefox] = REQUIREMENTS;
export const CHROMIUM_PATH = locate(chromium) ?? '/usr/bin/chromium';
export const FIREFOX_PATH = locate(firefox) ?? '/usr/bin/firefox-esr';

/**
 * Headless Chromium flags that work as root in a container; the background-networking ones stop Chromium from
 * trying the (closed) network on its own, which would also pollute "zero network requests" checks. The test runner
 * opens several pages in one browser and only one has focus; the three backgrounding flags keep Chromium from
 * throttling the timers and tasks of the others. (They did not cure the oracle test's timeouts on 2 cores: running
 * the two browsers one after the other did, in scripts/test.mjs.)
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];
