/**
 * Keeps a flood of refusals from flooding the log: up to `perWindow` lines in each window, then
 * one line at the window's end counting what was left out. A hostile client can send thousands
 * of bad frames a second; writing a line for each would cost the server more than refusing them.
 */
export class LogLimiter {
  private readonly perWindow: number;
  private readonly windowMs: number;
  private readonly write: (line: string) => void;
  private written = 0;
  private suppressed = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(perWindow: number, windowMs: number, write: (line: string) => void = (line) => console.warn(line)) {
    this.perWindow = perWindow;
    this.windowMs = windowMs;
    this.write = write;
  }

  /** Logs `line`, or counts it when this window's lines are spent. */
  log(line: string): void {
    this.timer ??= setTimeout(() => this.endWindow(), this.windowMs).unref();
    if (this.written < this.perWindow) {
      this.written++;
      this.write(line);
    } else {
      this.suppressed++;
    }
  }

  private endWindow(): void {
    if (this.suppressed > 0) this.write(`jixiao: ${this.suppressed} more refusals like the above in ${this.windowMs / 1000} s (not logged one by one)`);
    this.written = 0;
    this.suppressed = 0;
    this.timer = null;
  }
}
