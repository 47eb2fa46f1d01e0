#!/usr/bin/env node
// The coordinator under test, in its own process (forked by spawnBenchServer in
// coordinator-bench-kit.mjs), so that its CPU time is measured apart from the load generator's.
// Answers IPC commands: cpu (own CPU time), drain (wait for the settlement worker), domain (run
// the lifecycle through the domain services in-process), close.
//   --bare    also serve the same context through an app without contract validation.
//   --canned  a diagnostic: the lifecycle's use cases (create, claim, progress, complete) answer
//             their first real answer again, so the server does only the HTTP shell's work
//             (Express, body parsing, auth, request log, contract validation).
import { buildApp } from "@aitbc/coordinator";
import { listen } from "@aitbc/server-lib";
import {
  METERING,
  jobRequest,
  minerReceipt,
  progressEvents,
  startBenchCoordinator,
  withPrivateKey,
} from "./coordinator-bench-kit.mjs";

const bench = await startBenchCoordinator();
const ctx = bench.coordinator.context;
if (process.argv.includes("--canned")) {
  const replay = (service, name) => {
    const real = service[name].bind(service);
    let first;
    service[name] = async (...args) => (first ??= await real(...args));
  };
  replay(ctx.jobs, "create");
  replay(ctx.claims, "claim");
  replay(ctx.reports, "progress");
  replay(ctx.reports, "complete");
}
const bare = process.argv.includes("--bare")
  ? await listen(buildApp(ctx, { validation: false }), { port: 0 })
  : undefined;

const cpuUs = () => {
  const c = process.cpuUsage();
  return c.user + c.system;
};

async function drain() {
  const deadline = Date.now() + 60_000;
  while ((await ctx.repos.outbox.countPending()) > 0) {
    if (Date.now() > deadline) throw new Error("settlement did not drain in 60 s");
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function callerOf(id) {
  const a = await ctx.repos.accounts.byId(id);
  return {
    id: a.id,
    name: a.name,
    role: a.role,
    tenantId: a.tenantId,
    address: a.address,
    platformAdmin: false,
    apiKey: "bench",
  };
}

/**
 * The HTTP lifecycle's domain calls, without HTTP. The miner's receipt signing is the client's
 * work: its CPU time is measured (it is synchronous) and reported apart.
 */
async function domain({ jobs, concurrency, progress, market: plain, from }) {
  const market = withPrivateKey(plain);
  const customer = await callerOf("bench-customer");
  const provider = await callerOf("bench-provider");
  const never = new AbortController().signal;
  let clientUs = 0;
  const cycle = async (i) => {
    await ctx.jobs.create(customer, jobRequest(i), undefined);
    const claim = await ctx.claims.claim(provider, market.minerId, 0, never);
    if (!claim) throw new Error("domain: nothing to claim");
    if (progress > 0)
      await ctx.reports.progress(provider, claim.job.job_id, {
        lease_id: claim.lease.lease_id,
        events: progressEvents(i, progress),
      });
    const text = `output ${i}`;
    const c0 = cpuUs();
    const receipt = minerReceipt(claim, market, text, METERING.duration_ms);
    clientUs += cpuUs() - c0;
    await ctx.reports.complete(provider, claim.job.job_id, {
      lease_id: claim.lease.lease_id,
      output: { text, finish_reason: "stop" },
      metering: METERING,
      receipt,
    });
  };
  const c0 = cpuUs();
  const t0 = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs) await cycle(from + next++);
    }),
  );
  await drain();
  return {
    cpuUs: cpuUs() - c0 - clientUs,
    clientUs,
    wallMs: Number(process.hrtime.bigint() - t0) / 1e6,
  };
}

// The benchmark died or exited without closing us: do not linger.
process.on("disconnect", () => process.exit(0));

process.on("message", async (m) => {
  try {
    let result;
    if (m.cmd === "cpu") result = cpuUs();
    else if (m.cmd === "drain") result = await drain();
    else if (m.cmd === "domain") result = await domain(m);
    else if (m.cmd === "close") {
      await bare?.close();
      await bench.close();
      process.send({ id: m.id, result: null }, () => process.exit(0));
      return;
    } else throw new Error(`unknown command ${m.cmd}`);
    process.send({ id: m.id, result });
  } catch (err) {
    process.send({ id: m.id, error: String(err?.stack ?? err) });
  }
});

process.send({
  type: "ready",
  url: bench.coordinator.url,
  bareUrl: bare?.url,
  adminKey: bench.adminKey,
});
