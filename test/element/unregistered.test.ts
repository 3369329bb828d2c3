// The element used before it is registered: the class imported (no define), <totp-generator> on the page. The console
// says how to register it; once it is registered, nothing is said. (This file's page never imports define.)
import { expect } from '@open-wc/testing';
import { UNREGISTERED_MESSAGE, warnWhenUnregistered } from '../../src/element/unregistered-warning.js';
import { TotpGenerator } from '../../src/element/index.js';

async function errorsDuring(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => seen.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.error = original;
  }
  return seen;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<totp-generator> used before it is registered', () => {
  it('says how to register it when one is on the page and unregistered', async () => {
    const el = document.body.appendChild(document.createElement('totp-generator'));
    try {
      const errors = await errorsDuring(async () => {
        warnWhenUnregistered(10);
        await wait(100);
      });
      expect(errors).to.deep.equal([UNREGISTERED_MESSAGE]);
      expect(UNREGISTERED_MESSAGE).to.contain("import 'totp-enroll/define'");
    } finally {
      el.remove();
    }
  });

  it('says nothing without such an element, nor once the tag is registered', async () => {
    const none = await errorsDuring(async () => {
      warnWhenUnregistered(10);
      await wait(100);
    });
    expect(none).to.deep.equal([]);
    customElements.define('totp-generator', TotpGenerator);
    const el = document.body.appendChild(document.createElement('totp-generator'));
    try {
      const registered = await errorsDuring(async () => {
        warnWhenUnregistered(10);
        await wait(100);
      });
      expect(registered).to.deep.equal([]);
    } finally {
      el.remove();
    }
  });
});
