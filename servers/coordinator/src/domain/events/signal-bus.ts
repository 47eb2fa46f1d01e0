// Wake-up signals between the parts of the coordinator: "job X has new events" (stream
// subscribers re-read the stored events) and "provider P has a queued job" (long-polling claims
// try again). Signals carry no data, so a lost or duplicated signal costs a query, never an event.
// In one process they travel through an EventEmitter; across replicas on PostgreSQL they also
// travel through LISTEN/NOTIFY (see pg-signal-bridge.ts).
import { EventEmitter } from "node:events";

export type Signal = { kind: "job"; id: string } | { kind: "queued"; id: string };

export interface SignalBus {
  /** Delivers to local listeners and, when bridged, to other replicas. */
  publish(signal: Signal): void;
  /** Delivers to local listeners only (what a bridge calls for remote signals). */
  deliver(signal: Signal): void;
  on(kind: Signal["kind"], id: string, listener: () => void): () => void;
}

export class LocalSignalBus implements SignalBus {
  private readonly emitter = new EventEmitter();
  private readonly outbound: Array<(s: Signal) => void> = [];

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(signal: Signal): void {
    this.deliver(signal);
    for (const send of this.outbound) send(signal);
  }

  deliver(signal: Signal): void {
    this.emitter.emit(`${signal.kind}:${signal.id}`);
  }

  on(kind: Signal["kind"], id: string, listener: () => void): () => void {
    const name = `${kind}:${id}`;
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  /** Adds a sender for signals published here (the PostgreSQL bridge). */
  addOutbound(send: (s: Signal) => void): void {
    this.outbound.push(send);
  }
}
