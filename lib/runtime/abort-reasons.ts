// Lets finished requests be garbage-collected (the soak's leak, docs/benchmark.md).
//
// React's server renderer ends every render, the page's own and each 'use cache' fill, with
// `cacheController.abort(new Error('This render completed successfully…'))`. Nobody reads
// that error. V8 keeps an error's stack trace unformatted until `.stack` is read, and an
// unformatted trace holds the receiver and the function of every frame: here Node's
// `Immediate` objects, which stay linked to the other immediates of their batch, each one
// carrying the async context of the request that queued it. Finished requests then held
// one another in memory: a few hundred megabytes after minutes of traffic.
// Reading `.stack` turns the trace into a string, and all of that can go.

const INSTALLED = Symbol.for('repertoire.abortReasonsFormatted');

/** Formats the stack of any Error given to `AbortController#abort`. Idempotent. */
export function formatAbortReasons(prototype: AbortController = AbortController.prototype): void {
  if (Reflect.get(prototype, INSTALLED)) return;
  const abort = prototype.abort;
  prototype.abort = function abortWithFormattedReason(this: AbortController, reason?: unknown): void {
    if (reason instanceof Error) void reason.stack;
    abort.call(this, reason);
  };
  Reflect.set(prototype, INSTALLED, true);
}
