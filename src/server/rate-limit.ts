// A fixed-window failure counter for login attempts. In memory: Paragraf runs as one Node.js
// process per installation; a cluster would move this to PostgreSQL.
export class FailureLimiter {
  private readonly failures = new Map<string, { count: number; windowStart: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const entry = this.failures.get(key);
    if (!entry) return 0;
    const elapsed = this.now() - entry.windowStart;
    if (elapsed >= this.windowMs) {
      this.failures.delete(key);
      return 0;
    }
    return entry.count >= this.maxFailures ? this.windowMs - elapsed : 0;
  }

  fail(key: string): void {
    const t = this.now();
    const entry = this.failures.get(key);
    if (!entry || t - entry.windowStart >= this.windowMs) this.failures.set(key, { count: 1, windowStart: t });
    else entry.count += 1;
    if (this.failures.size > 50_000) this.prune(t);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private prune(t: number) {
    for (const [key, entry] of this.failures) if (t - entry.windowStart >= this.windowMs) this.failures.delete(key);
  }
}
