// The two faces of every command: text for people, JSON for scripts (--json). Commands write
// text with `line`, stream JSON events with `event`, and return their result, which run.ts
// prints as JSON in --json mode. Progress goes to stderr so it never mixes with either.

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress is redrawn in place there). */
  interactive: boolean;
}

export class Output {
  private progressShown = false;
  /** After streamed events the result is one more line, so the output stays line-delimited JSON. */
  private streamed = false;

  constructor(
    private readonly io: CliIo,
    readonly json: boolean,
  ) {}

  /** A line of the human output; nothing in --json mode. */
  line(text = ""): void {
    if (!this.json) {
      this.clearProgress();
      this.io.stdout(text + "\n");
    }
  }

  /** Text without a newline (streamed tokens); nothing in --json mode. */
  write(text: string): void {
    if (!this.json) {
      this.clearProgress();
      this.io.stdout(text);
    }
  }

  /** One JSON object per line while a command streams (--json --watch). */
  event(value: unknown): void {
    if (this.json) {
      this.streamed = true;
      this.io.stdout(JSON.stringify(value, jsonReplacer) + "\n");
    }
  }

  /** A transient status line on stderr ("waiting for a miner…"). */
  progress(text: string): void {
    // Only on a terminal: in pipes and logs a transient line is noise.
    if (this.io.interactive) {
      this.io.stderr(`\r\x1b[2K${text}`);
      this.progressShown = true;
    }
  }

  clearProgress(): void {
    if (this.progressShown) {
      this.io.stderr("\r\x1b[2K");
      this.progressShown = false;
    }
  }

  /** The final result in --json mode. */
  result(value: unknown): void {
    this.clearProgress();
    if (!this.json || value === undefined) return;
    this.io.stdout(JSON.stringify(value, jsonReplacer, this.streamed ? undefined : 2) + "\n");
  }

  error(text: string): void {
    this.clearProgress();
    this.io.stderr(text + "\n");
  }
}

function jsonReplacer(_key: string, value: unknown) {
  return typeof value === "bigint" ? value.toString() : value;
}
