// The benchmark's breakdown build (bench/element.bench.ts): the core's expensive functions, each recorded as a User
// Timing measure named `stage:…` while it runs. Only this build has them; the bundle that ships has no marks.

/** `fn`, with every call recorded as `stage:<stage>` (for a promise: from the call until it settles). */
export function timed<Args extends unknown[], Result>(stage: string, fn: (...args: Args) => Result): (...args: Args) => Result {
  return (...args) => {
    const start = performance.now();
    const record = () => performance.measure(`stage:${stage}`, { start, end: performance.now() });
    const result = fn(...args);
    if (result instanceof Promise) result.then(record, record);
    else record();
    return result;
  };
}
