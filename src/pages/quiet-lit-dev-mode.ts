/**
 * `npm start` serves Lit's development build, which warns on every load that it is in dev mode. A newcomer's console
 * should be empty, so that warning alone is marked as issued; Lit's other development warnings (the ones that catch
 * mistakes in the element) still appear. Imported first: module evaluation order is import order, and Lit reads
 * this set when it loads. The production build has no warnings at all, so this does nothing there.
 */
const lit = globalThis as { litIssuedWarnings?: Set<string> };
(lit.litIssuedWarnings ??= new Set()).add('dev-mode');

export {};
