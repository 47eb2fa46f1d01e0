// Fails before anything starts when a port the stack needs is taken, naming the port and the
// variable that moves it: a half-started stack is harder to understand than a clear refusal.
import { createServer } from "node:net";
import type { NamedPort } from "./port-plan.js";

export class PortInUseError extends Error {
  constructor(
    readonly taken: NamedPort[],
    readonly host: string,
  ) {
    const list = taken.map((p) => `${p.port} (${p.name})`).join(", ");
    const vars = [...new Set(taken.map((p) => `${p.variable}=<port>`))].join(" or ");
    super(
      `Port${taken.length > 1 ? "s" : ""} ${list} on ${host} ${taken.length > 1 ? "are" : "is"} already in use. ` +
        `Is another stack running? Stop it, or move the stack: AITBC_PORT_BASE=28000 npm start shifts every port, ` +
        `or set ${vars}.`,
    );
    this.name = "PortInUseError";
  }
}

export function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function assertPortsFree(ports: NamedPort[], host: string): Promise<void> {
  const results = await Promise.all(ports.map((p) => isPortFree(p.port, host)));
  const taken = ports.filter((_, i) => !results[i]);
  if (taken.length > 0) throw new PortInUseError(taken, host);
}
