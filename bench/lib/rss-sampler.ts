/**
 * Samples this process's resident set size (the main thread, devcloud's engine and the function workers,
 * which are worker threads of the same process) every `intervalMs`, keeping the peak.
 */
export class RssSampler {
  private peakBytes = process.memoryUsage.rss();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 20) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  /** Also called at known high points (right after a synchronous bulk step), which a timer cannot interrupt. */
  sample(): void {
    this.peakBytes = Math.max(this.peakBytes, process.memoryUsage.rss());
  }

  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peakBytes;
  }
}
