// Carries SignalBus signals between coordinator replicas that share one PostgreSQL database:
// NOTIFY on publish, LISTEN on a dedicated connection. The channel name includes the schema so
// that deployments (and test suites) sharing a database do not wake each other.
import type { Knex, Logger } from "@aitbc/server-lib";
import type { LocalSignalBus, Signal } from "../domain/events/signal-bus.js";

interface PgClient {
  query(sql: string, params?: unknown[]): Promise<unknown>;
  on(event: "notification", cb: (msg: { channel: string; payload?: string }) => void): void;
  on(event: "error", cb: (err: Error) => void): void;
  removeAllListeners(event?: string): void;
}

export interface SignalBridge {
  close(): Promise<void>;
}

export async function bridgeSignalsOverPostgres(
  db: Knex,
  bus: LocalSignalBus,
  schema: string | undefined,
  logger: Logger,
): Promise<SignalBridge> {
  const channel = `aitbc_coord_${(schema ?? "public").replace(/[^a-z0-9_]/g, "_")}`.slice(0, 63);
  const origin = Math.random().toString(36).slice(2, 10);
  const client = (await db.client.acquireConnection()) as PgClient;
  client.on("notification", (msg) => {
    if (msg.channel !== channel || !msg.payload) return;
    try {
      const { o, s } = JSON.parse(msg.payload) as { o: string; s: Signal };
      if (o !== origin) bus.deliver(s);
    } catch {
      // not ours
    }
  });
  client.on("error", (err) => logger.error({ err }, "LISTEN connection failed"));
  await client.query(`LISTEN ${channel}`);
  bus.addOutbound((s) => {
    db.raw("SELECT pg_notify(?, ?)", [channel, JSON.stringify({ o: origin, s })]).catch(
      (err: unknown) =>
        logger.warn({ err }, "NOTIFY failed; other replicas learn on their next poll"),
    );
  });
  return {
    async close() {
      try {
        await client.query(`UNLISTEN ${channel}`);
      } catch {
        // the connection may already be gone
      }
      client.removeAllListeners("notification");
      await db.client.releaseConnection(client);
    },
  };
}
