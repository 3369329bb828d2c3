// The "Read code" announcer: the code spaced digit by digit and the whole seconds left, only when asked.
import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { createEnrollment, type Enrollment } from '../../../src/core/index.js';
import { CodeAnnouncer } from '../../../src/element/internal/code-announcer.js';
import { en } from '../../../src/element/strings.js';
import { de } from '../../../src/element/strings-de.js';
import { mountHost } from './support.js';

/** 18.2 s into a 30-second step: 11.8 s left, said as 12 (apps count whole seconds down, 30 … 1). */
const T = 30_000 * 59_000_000 + 18_200;

class AnnouncerHost extends LitElement {
  enrollment: Enrollment | undefined = createEnrollment({ accountName: 'a' });
  code = '';
  readonly announcer = new CodeAnnouncer(this, this, { now: () => T });
}
customElements.define('test-announcer-host', AnnouncerHost);

describe('internal: CodeAnnouncer', () => {
  it('says nothing until asked, and nothing without a code', async () => {
    const el = await mountHost<AnnouncerHost>('test-announcer-host');
    expect(el.announcer.announcement).to.equal('');
    el.announcer.announce(en);
    expect(el.announcer.announcement).to.equal('');
  });

  it('says the code digit by digit and the seconds left, in the strings’ language; reset() clears it', async () => {
    const el = await mountHost<AnnouncerHost>('test-announcer-host');
    el.code = '012345';
    el.announcer.announce(en);
    expect(el.announcer.announcement).to.equal('Current code: 0 1 2 3 4 5. It changes in 12 seconds.');
    el.announcer.announce(de);
    expect(el.announcer.announcement).to.equal('Aktueller Code: 0 1 2 3 4 5. Er wechselt in 12 Sekunden.');
    el.announcer.reset();
    expect(el.announcer.announcement).to.equal('');
  });
});
