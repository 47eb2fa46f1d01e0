// The two faces of every command: text for people, JSON for scripts (--json). Commands write
// text with `line`, stream JSON events with `event`, and return their result, which run.ts
// prints as JSON in --json mode. Progress goes to stderr so it never mixes with either.
import { formatTable } from "./table.js";
import { undecorate } from "./decorations.js";
import { Spinner } from "./spinner.js";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress is redrawn in place there). */
  interactive: boolean;
  /**
   * Whether the human output keeps its emoji. Off when piped or with NO_COLOR, so scripts and
   * logs get plain words; `--emoji` or AITBC_EMOJI=1 asks for them anyway (see decorations.ts).
   */
  decorated?: boolean;
}

export class Output {
  private readonly spinner: Spinner;
  /** Whether emoji and pictures (QR codes) are shown: a person at a terminal, or asked for. */
  readonly decorated: boolean;
  /** After streamed events the result is one more line, so the output stays line-delimited JSON. */
  private streamed = false;

  constructor(
    private readonly io: CliIo,
    readonly json: boolean,
  ) {
    this.decorated = io.decorated ?? true;
    this.spinner = new Spinner((text) => io.stderr(text), this.decorated);
  }

  /** Text as this output shows it: without emoji when the output is plain. */
  text(value: string): string {
    return this.decorated ? value : undecorate(value);
  }

  /** formatTable, with cells made plain before the columns are measured. */
  table(headers: string[], rows: Array<Array<string | number | undefined | null>>): string {
    if (this.decorated) return formatTable(headers, rows);
    return formatTable(
      headers,
      rows.map((r) => r.map((c) => (typeof c === "string" ? undecorate(c) : c))),
    );
  }

  /** A line of the human output; nothing in --json mode. */
  line(text = ""): void {
    if (!this.json) {
      this.clearProgress();
      this.io.stdout(this.text(text) + "\n");
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

  /**
   * A transient status line on stderr ("waiting for a miner…"); after a second it spins and
   * shows the elapsed time, so a long wait visibly is one.
   */
  progress(text: string): void {
    // Only on a terminal: in pipes and logs a transient line is noise.
    if (this.io.interactive) this.spinner.show(text);
  }

  clearProgress(): void {
    this.spinner.clear();
  }

  /** The final result in --json mode. */
  result(value: unknown): void {
    this.clearProgress();
    if (!this.json || value === undefined) return;
    this.io.stdout(JSON.stringify(value, jsonReplacer, this.streamed ? undefined : 2) + "\n");
  }

  error(text: string): void {
    this.clearProgress();
    this.io.stderr(this.text(text) + "\n");
  }
}

function jsonReplacer(_key: string, value: unknown) {
  return typeof value === "bigint" ? value.toString() : value;
}
