// Rate limit of the read-only API: a fixed one-minute window per client address, kept in
// the memory of each server process. That is enough here: the API only reads public data
// that is also offered as one download, so the limit only has to stop one client from
// hogging a process; with several instances each one counts on its own (a client may get
// up to N times the limit). The sign-in limiter (lib/security/rate-limit.ts) keeps its
// counts in PostgreSQL because there a shared, durable count matters; a database write per
// API read would cost more than the reads it protects.

export type RateLimitDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window starts again (Retry-After when refused). */
  resetSeconds: number;
};

type Window = { start: number; count: number };

// Past this many addresses, windows that ended are dropped before a new one is added.
const MAX_TRACKED = 10_000;
const WINDOW_MS = 60_000;

export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = WINDOW_MS,
  ) {}

  /** Counts one request from `key` at `now` (ms) and says whether it may be served. */
  hit(key: string, now = Date.now()): RateLimitDecision {
    if (this.limit <= 0) return { allowed: true, limit: 0, remaining: 0, resetSeconds: 0 };
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (!window && this.windows.size >= MAX_TRACKED) this.prune(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const resetSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    return {
      allowed: window.count <= this.limit,
      limit: this.limit,
      remaining: Math.max(0, this.limit - window.count),
      resetSeconds,
    };
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key);
    }
    // Still full (a flood of distinct addresses): forget the oldest rather than grow.
    if (this.windows.size >= MAX_TRACKED) {
      const oldest = [...this.windows.entries()].sort((a, b) => a[1].start - b[1].start).slice(0, MAX_TRACKED / 10);
      for (const [key] of oldest) this.windows.delete(key);
    }
  }
}

/** RateLimit-* headers (IETF draft "RateLimit header fields"), on every answer. */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  if (decision.limit <= 0) return {};
  return {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(decision.resetSeconds),
  };
}
