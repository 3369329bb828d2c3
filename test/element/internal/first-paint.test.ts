// First-paint scheduling on a minimal Lit host: the render waits for preparation (again when inputs change while
// it runs), and after-paint work starts only once the render is committed.
import { expect } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { afterPaintWhenIdle, preparedForRender } from '../../../src/element/internal/first-paint.js';
import { mountHost } from './support.js';

/** A preparation that takes a real macrotask and can be made stale again from outside. */
class SlowPreparation {
  stale = true;
  prepared = 0;
  value = '';
  input = 'a';

  async prepare(): Promise<void> {
    this.stale = false;
    const input = this.input;
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.value = input;
    this.prepared++;
  }
}

class PaintHost extends LitElement {
  readonly preparation = new SlowPreparation();
  readonly renders: string[] = [];
  readonly order: string[] = [];

  protected override async scheduleUpdate(): Promise<void> {
    await preparedForRender(this.preparation);
    super.scheduleUpdate();
  }

  override render() {
    this.renders.push(this.preparation.value);
    return html`<p>${this.preparation.value}</p>`;
  }

  protected override updated(): void {
    this.order.push('updated');
  }
}
customElements.define('test-paint-host', PaintHost);

describe('internal: first-paint scheduling', () => {
  it('holds the first render until the preparation is done', async () => {
    const el = await mountHost<PaintHost>('test-paint-host');
    expect(el.renders).to.deep.equal(['a']);
    expect(el.shadowRoot!.textContent).to.equal('a');
  });

  it('prepares again when the input changed during preparation, before rendering anything', async () => {
    const el = document.createElement('test-paint-host') as PaintHost;
    document.body.append(el);
    try {
      await new Promise((resolve) => setTimeout(resolve));
      // The first preparation is running: a change now makes it stale.
      el.preparation.input = 'b';
      el.preparation.stale = true;
      await el.updateComplete;
      expect(el.preparation.prepared).to.equal(2);
      expect(el.renders).to.deep.equal(['b']);
    } finally {
      el.remove();
    }
  });

  it('afterPaintWhenIdle() resolves only after the pending render is committed', async () => {
    const el = await mountHost<PaintHost>('test-paint-host');
    el.preparation.input = 'c';
    el.preparation.stale = true;
    el.requestUpdate();
    const done = afterPaintWhenIdle(el).then(() => el.order.push('after paint'));
    await done;
    expect(el.order).to.deep.equal(['updated', 'updated', 'after paint']);
    expect(el.shadowRoot!.textContent).to.equal('c');
  });
});
