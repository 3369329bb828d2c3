// Types for scripts/quote-examples.mjs (imported by test/examples/frameworks-doc.node.test.ts).
export const ROOT: string;
export const DOC: string;
export function quoteExamples(markdown: string, read?: (path: string) => string): { text: string; stale: string[]; quoted: string[] };
