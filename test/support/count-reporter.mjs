// A web-test-runner reporter that writes the run's totals for scripts/test.mjs, which prints the closing line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function countTests(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) countTests(child, totals);
}

export function countReporter({ outputFile }) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const before = { ...totals };
        countTests(session.testResults, totals);
        // A file that failed to load, threw outside a test or ran no test at all counts as one failure of its own.
        const ran = totals.passed + totals.failed + totals.skipped - (before.passed + before.failed + before.skipped);
        if ((session.errors?.length ?? 0) > 0 || ran === 0 || (!session.passed && totals.failed === before.failed)) totals.failed++;
      }
      mkdirSync(dirname(outputFile), { recursive: true });
      writeFileSync(outputFile, JSON.stringify(totals));
    },
  };
}
