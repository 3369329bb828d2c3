// Runs inside a module Web Worker (no DOM at all): computes the hosted API's result for the page's query.
import { generateHostedApiResult } from '../../src/core/index.js';

self.addEventListener('message', async (event: MessageEvent<{ query: string; timestamp: number }>) => {
  try {
    self.postMessage({ result: await generateHostedApiResult(event.data.query, { timestamp: event.data.timestamp }), hasDocument: 'document' in self });
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
});
