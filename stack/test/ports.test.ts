import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { planPorts, portsOf, PortPlanError, DEFAULT_PORTS } from "../src/ports/port-plan.js";
import { assertPortsFree, PortInUseError } from "../src/ports/port-check.js";
import { freePortPlan } from "../src/ports/free-ports.js";

describe("port plan", () => {
  it("uses the documented default ports by default", () => {
    expect(planPorts({ env: {} })).toEqual(DEFAULT_PORTS);
  });

  it("shifts every port with AITBC_PORT_BASE", () => {
    const plan = planPorts({ env: { AITBC_PORT_BASE: "28000" } });
    expect(plan.coordinator).toBe(28000);
    expect(plan.nodes).toEqual([29000, 29001, 29002]);
    expect(plan.wallet).toBe(30000);
    expect(plan.exchange).toBe(33000);
    expect(plan.miner_dashboard).toBe(34000);
  });

  it("lets a per-service variable win over the base", () => {
    const plan = planPorts({
      env: { AITBC_PORT_BASE: "28000", AITBC_WALLET_PORT: "20555", AITBC_NODE_PORT: "41000" },
    });
    expect(plan.wallet).toBe(20555);
    expect(plan.nodes).toEqual([41000, 41001, 41002]);
    expect(plan.coordinator).toBe(28000);
  });

  it("refuses a port that is not a number, naming the variable", () => {
    expect(() => planPorts({ env: { AITBC_COORDINATOR_PORT: "eighteen" } })).toThrow(
      /AITBC_COORDINATOR_PORT/,
    );
  });

  it("refuses a base that pushes a port past 65535", () => {
    expect(() => planPorts({ env: { AITBC_PORT_BASE: "60000" } })).toThrow(PortPlanError);
  });

  it("refuses two services on one port", () => {
    expect(() => planPorts({ env: { AITBC_WALLET_PORT: "18000" } })).toThrow(
      /wallet and coordinator|coordinator and wallet/,
    );
  });

  it("hands out distinct free ports", async () => {
    const plan = await freePortPlan();
    const ports = portsOf(plan).map((p) => p.port);
    expect(new Set(ports).size).toBe(ports.length);
  });
});

describe("port check", () => {
  let blocker: Server | undefined;
  afterEach(
    () => new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve())),
  );

  it("names the taken port, its service and the variables that move it", async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    const plan = { ...(await freePortPlan()), wallet: port };
    const err = await assertPortsFree(portsOf(plan), "127.0.0.1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortInUseError);
    const message = (err as Error).message;
    expect(message).toContain(`${port} (wallet)`);
    expect(message).toContain("AITBC_WALLET_PORT");
    expect(message).toContain("AITBC_PORT_BASE");
    expect((err as PortInUseError).taken.map((t) => t.name)).toEqual(["wallet"]);
  });

  it("passes when every port is free", async () => {
    await expect(
      assertPortsFree(portsOf(await freePortPlan()), "127.0.0.1"),
    ).resolves.toBeUndefined();
  });
});
