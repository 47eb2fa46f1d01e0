// The transient status line of a wait. It is drawn once at once; if the wait lasts over a second
// it turns into a spinner with the elapsed time, redrawn in place until cleared.

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const PLAIN_FRAMES = ["|", "/", "-", "\\"];
const SPIN_AFTER_MS = 1000;
const FRAME_MS = 100;

export class Spinner {
  private text: string | undefined;
  private startedAt = 0;
  private frame = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly write: (text: string) => void,
    private readonly decorated: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  show(text: string): void {
    if (this.text === undefined) this.startedAt = this.now();
    this.text = text;
    this.draw();
    if (!this.timer) {
      this.timer = setInterval(() => this.draw(), FRAME_MS);
      // A spinner never keeps the process alive on its own.
      this.timer.unref?.();
    }
  }

  clear(): void {
    if (this.text === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.text = undefined;
    this.write("\r\x1b[2K");
  }

  private draw(): void {
    if (this.text === undefined) return;
    const elapsed = this.now() - this.startedAt;
    if (elapsed < SPIN_AFTER_MS) {
      this.write(`\r\x1b[2K${this.text}`);
      return;
    }
    const frames = this.decorated ? FRAMES : PLAIN_FRAMES;
    const frame = frames[this.frame++ % frames.length];
    this.write(`\r\x1b[2K${frame} ${this.text} (${Math.floor(elapsed / 1000)}s)`);
  }
}
