// Free ports from the OS, for tests and CI stacks that must not collide with a running `npm start`.
import { createServer, type Server } from "node:net";
import type { PortPlan } from "./port-plan.js";

/** Holds every socket open until all ports are known, so the OS never hands out the same one twice. */
export async function freePorts(count: number, host = "127.0.0.1"): Promise<number[]> {
  const servers: Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, host, () => resolve());
      });
      const address = server.address();
      if (!address || typeof address === "string") throw new Error("no port from the OS");
      ports.push(address.port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

export async function freePortPlan(validators = 3, host?: string): Promise<PortPlan> {
  const p = await freePorts(7 + validators, host);
  return {
    coordinator: p[0]!,
    wallet: p[1]!,
    marketplace: p[2]!,
    explorer: p[3]!,
    exchange: p[4]!,
    miner_dashboard: p[5]!,
    fake_bitcoin: p[6]!,
    nodes: p.slice(7),
  };
}
