// The countdown bar controller on a minimal Lit host: a Web Animation as long as the step, positioned at the time
// into the step, restarted on sync, and cancelled when the host is removed.
import { expect } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { createEnrollment, type Enrollment } from '../../../src/core/index.js';
import { CountdownBarController } from '../../../src/element/internal/countdown-bar.js';
import { mountHost } from './support.js';

/** 7.5 s into a 45-second step. */
const T = 45_000 * 40_000_000 + 7_500;

class BarHost extends LitElement {
  enrollment: Enrollment | undefined = createEnrollment({ accountName: 'a', period: 45 });
  time = T;
  readonly countdown = new CountdownBarController(this, this, { now: () => this.time });

  override render() {
    return html`<div ${ref(this.countdown.bar)}></div>`;
  }
}
customElements.define('test-bar-host', BarHost);

describe('internal: CountdownBarController', () => {
  it('animates for the step’s length, from the time already gone', async () => {
    const el = await mountHost<BarHost>('test-bar-host');
    const [animation] = el.countdown.bar.value!.getAnimations();
    expect(animation!.effect!.getTiming().duration).to.equal(45_000);
    expect(Number(animation!.currentTime)).to.be.closeTo(7_500, 100);
  });

  it('restarts at the new position on sync(), keeping one animation', async () => {
    const el = await mountHost<BarHost>('test-bar-host');
    el.countdown.sync(T + 30_000);
    const animations = el.countdown.bar.value!.getAnimations();
    expect(animations).to.have.length(1);
    expect(Number(animations[0]!.currentTime)).to.be.closeTo(37_500, 100);
  });

  it('does nothing without an enrollment, and cancels its animation when the host is removed', async () => {
    const el = await mountHost<BarHost>('test-bar-host');
    const bar = el.countdown.bar.value!;
    el.remove();
    expect(bar.getAnimations()).to.deep.equal([]);
    el.enrollment = undefined;
    document.body.append(el);
    await el.updateComplete;
    expect(bar.getAnimations()).to.deep.equal([]);
    el.remove();
  });
});
