import { afterEach, describe, expect, it } from 'vitest';
import { formatAbortReasons } from '@/lib/runtime/abort-reasons';

// A subclass, so that the global AbortController of the test process stays as it is.
class Controller extends AbortController {}
formatAbortReasons(Controller.prototype);

// V8 calls Error.prepareStackTrace when an error's stack is formatted, which it does lazily.
const formatted: unknown[] = [];
const previousPrepare = Error.prepareStackTrace;
Error.prepareStackTrace = (error, frames) => {
  formatted.push(error);
  return previousPrepare ? previousPrepare(error, frames) : String(error);
};
afterEach(() => {
  formatted.length = 0;
});

describe('formatAbortReasons', () => {
  it("formats an Error reason's stack when aborting, so the frames it held can be collected", () => {
    const reason = new Error('This render completed successfully.');
    expect(formatted).not.toContain(reason);
    const controller = new Controller();
    controller.abort(reason);
    expect(formatted).toContain(reason);
    expect(controller.signal.aborted).toBe(true);
    expect(controller.signal.reason).toBe(reason);
  });

  it('leaves the stack of an unpatched controller unformatted (what the patch changes)', () => {
    const reason = new Error('untouched');
    new AbortController().abort(reason);
    expect(formatted).not.toContain(reason);
  });

  it('keeps the default reason and fires listeners as before', () => {
    const controller = new Controller();
    let heard: unknown;
    controller.signal.addEventListener('abort', () => {
      heard = controller.signal.reason;
    });
    controller.abort();
    expect(heard).toBeInstanceOf(DOMException);
    expect((heard as DOMException).name).toBe('AbortError');
  });

  it('patches a prototype only once', () => {
    const patched = Controller.prototype.abort;
    formatAbortReasons(Controller.prototype);
    expect(Controller.prototype.abort).toBe(patched);
  });
});
