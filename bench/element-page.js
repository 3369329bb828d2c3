// The element benchmark's in-page half (bench/element.bench.ts serves it as a classic script before the bundle).
// Plain JavaScript rather than TypeScript passed through page.evaluate: tsx would wrap named functions in a helper
// that the page lacks.
'use strict';

// When the bundle has defined the element: module evaluation ends with `customElements.define`.
customElements.whenDefined('totp-generator').then(() => {
  window.benchDefinedAt = performance.now();
});

/** Bundle fetched → element defined: compiling and evaluating the module (the fetch itself excluded). */
window.benchEvaluation = function benchEvaluation() {
  const script = performance.getEntriesByType('resource').find((entry) => /\.js$/.test(entry.name) && !/element-page\.js$/.test(entry.name));
  return window.benchDefinedAt - script.responseEnd;
};

/** Resolves once the next frame has been drawn: a message posted from rAF is handled after that frame's paint. */
function nextPaint() {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(undefined);
    }),
  );
}

/** Resolves once the element's shadow root holds the QR's SVG and a code. */
function qrAndCodeShown(element) {
  const shown = () => element.shadowRoot.querySelector('[part=qr] svg') && element.shadowRoot.querySelector('[part=code]')?.textContent.trim();
  return new Promise((resolve) => {
    if (shown()) return resolve();
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(element.shadowRoot, { childList: true, subtree: true, characterData: true });
  });
}

/**
 * One run: `kind` 'element' connects a <totp-generator>; 'baseline' shows a ready SVG and a code in a <div>.
 * Times in ms from the connection: shown (QR and code in the DOM), painted (the frame after that drawn), complete
 * (the element's enrollmentComplete: the PNG and the totp-enroll event, which no paint waits for).
 */
window.benchRun = async function benchRun(kind, svg) {
  const host = document.getElementById('host');
  // After a frame of its own, so that runs do not overlap.
  await nextPaint();
  performance.mark('bench:connected');
  const start = performance.now();
  let element;
  if (kind === 'element') {
    element = document.createElement('totp-generator');
    element.setAttribute('issuer', 'Bench');
    element.setAttribute('account-name', 'bench@example.com');
    host.append(element);
    await qrAndCodeShown(element);
  } else {
    const div = document.createElement('div');
    div.innerHTML = `${svg}<p>123 456</p>`;
    host.append(div);
  }
  const shown = performance.now() - start;
  await nextPaint();
  const painted = performance.now() - start;
  performance.mark('bench:painted');
  if (element) await element.enrollmentComplete;
  const complete = performance.now() - start;
  host.replaceChildren();
  return { shown, painted, complete };
};

/**
 * For the breakdown: time Lit's parts of the element through its prototype, as User Timing measures named
 * `stage:…` (the instrumented bundle adds those of the core's functions).
 */
window.benchHookLit = function benchHookLit() {
  const prototype = customElements.get('totp-generator').prototype;
  const timed = (method, stage) => {
    const original = prototype[method];
    prototype[method] = function (...args) {
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        performance.measure(`stage:${stage}`, { start, end: performance.now() });
      }
    };
  };
  // createRenderRoot attaches the shadow root and adopts the constructed style sheets (made on first use).
  timed('createRenderRoot', 'styles: shadow root + adopted style sheets');
  // update() calls render() and commits the template to the DOM.
  timed('update', "Lit's render + commit");
};

/** The stage measures taken in this page, summed by name. */
window.benchStages = function benchStages() {
  const stages = {};
  for (const { name, duration } of performance.getEntriesByType('measure')) {
    if (name.startsWith('stage:')) stages[name.slice(6)] = (stages[name.slice(6)] ?? 0) + duration;
  }
  return stages;
};
