// The SQLite pool holds one connection. knex still asks tarn for it on every query and gives it
// back after, and tarn arms and clears a timer and builds a few promises per turn: about 5 % of a
// coordinator's CPU under load. ConnectionTurns keeps the connection once tarn has made it and
// hands it to one holder at a time, first come first served, as tarn did. Only a caller that has
// to wait gets a timer: after `timeoutMs` it fails as knex's own acquire does (a query waiting on
// a transaction that never ends is an error, not a hang).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { KnexTimeoutError } = require("knex/lib/util/timeout.js") as {
  KnexTimeoutError: new (message: string) => Error;
};

interface Waiter<C> {
  resolve(connection: C): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

export class ConnectionTurns<C> {
  private connection: C | undefined;
  private making: Promise<C> | undefined;
  private held = false;
  private closing = false;
  private readonly waiters: Waiter<C>[] = [];

  constructor(
    /** Makes the connection (from the pool) the first time it is needed. */
    private readonly make: () => Promise<C>,
    /** Gives it back to the pool when closing. */
    private readonly giveBack: (connection: C) => Promise<unknown>,
    private readonly timeoutMs: number,
  ) {}

  /** Callers waiting for their turn (what tarn's numPendingAcquires() answered). */
  get waiting(): number {
    return this.waiters.length;
  }

  owns(connection: unknown): boolean {
    return connection !== undefined && connection === this.connection;
  }

  async acquire(): Promise<C> {
    if (this.closing) throw new Error("Unable to acquire a connection: the database is closing");
    const connection = this.connection ?? (await (this.making ??= this.first()));
    if (!this.held) {
      this.held = true;
      return connection;
    }
    return new Promise<C>((resolve, reject) => {
      const waiter: Waiter<C> = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(
            new KnexTimeoutError(
              `Knex: Timeout acquiring a connection: the SQLite connection was busy for ${this.timeoutMs} ms. ` +
                "Is a query waiting on the root knex inside a transaction (use the transaction's trx)?",
            ),
          );
        }, this.timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Hands the connection to the next waiter, or marks it free. */
  release(): void {
    const next = this.waiters.shift();
    if (next) {
      clearTimeout(next.timer);
      next.resolve(this.connection!);
      return;
    }
    this.held = false;
    if (this.closing) void this.returnToPool();
  }

  /** Refuses new turns, fails the waiting ones, and gives the connection back once it is free. */
  async close(): Promise<void> {
    this.closing = true;
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(new Error("Unable to acquire a connection: the database was closed"));
    }
    if (this.making) await this.making.catch(() => undefined);
    if (!this.held) await this.returnToPool();
  }

  private async first(): Promise<C> {
    try {
      this.connection = await this.make();
      return this.connection;
    } finally {
      this.making = undefined;
    }
  }

  private async returnToPool(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (connection !== undefined) await this.giveBack(connection);
  }
}
