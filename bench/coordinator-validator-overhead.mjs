#!/usr/bin/env node
// Contract validation overhead: the same coordinator routes, on the same database and domain
// objects, served by two apps in one server process: one with express-openapi-validator checking
// requests and responses (as in production), one without the validator's middleware at all. Both
// get the same keep-alive load; rounds alternate (the machine is shared). The server runs in its
// own process and reports its own CPU time, so the load generator's work is not in either side.
// Measured per route: CPU time of the server per request and throughput. The overhead of a route
// is the median over rounds of each round's pair (1 - unvalidated/validated, the two loads run
// back to back): adjacent loads see the same machine, so the pairs vary much less than the loads. The routes: two reads, the miner heartbeat, and the whole job
// lifecycle (create + claim + progress + complete, whose bodies carry the most schema: the
// receipt), counted per job including its settlement. The goal (mean overhead < GOAL) is
// judged on CPU time.
// Build first: npx turbo run build --filter=@aitbc/coordinator...
//
//   node bench/coordinator-validator-overhead.mjs [--requests 2000] [--jobs 200] [--rounds 11] [--concurrency 8]
import {
  arg,
  call,
  expectStatus,
  fmt,
  httpLifecycle,
  jobRequest,
  median,
  pct,
  pipelines,
  setupMarket,
  spawnBenchServer,
  spread,
  us,
} from "./coordinator-bench-kit.mjs";

const GOAL = 0.15;
const REQUESTS = arg("requests", 2000);
const JOBS = arg("jobs", 200);
const ROUNDS = arg("rounds", 11);
const CONCURRENCY = arg("concurrency", 8);

const server = await spawnBenchServer({ bare: true });
const market = await setupMarket(server.url, server.adminKey);

// A queued job to read, and a page of services to list.
const job = await expectStatus(
  call(server.url, "POST", "/v1/jobs/create", { key: market.customerKey, body: jobRequest(0) }),
  201,
  "create",
);
const single = (method, path, key, body) => (base) =>
  call(base, method, path, { key, body }).then((res) => {
    if (res.status !== 200)
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  });
let jobNo = 1;
const routes = [
  {
    name: "GET /v1/jobs/{id}/status",
    count: REQUESTS,
    unit: "request",
    concurrency: CONCURRENCY,
    run: single("GET", `/v1/jobs/${job.job_id}/status`, market.customerKey),
  },
  {
    name: "GET /v1/services",
    count: REQUESTS,
    unit: "request",
    concurrency: CONCURRENCY,
    run: single("GET", "/v1/services?limit=20", market.customerKey),
  },
  {
    name: "POST /v1/miners/{id}/heartbeat",
    count: REQUESTS,
    unit: "request",
    concurrency: CONCURRENCY,
    run: single("POST", `/v1/miners/${market.minerId}/heartbeat`, market.providerKey, {
      active_job_ids: [],
    }),
  },
  {
    name: "job lifecycle (4 POSTs)",
    count: JOBS,
    unit: "job",
    // One miner claims in order; more pipelines than this only queue behind SQLite's one writer.
    concurrency: 4,
    run: (base) => httpLifecycle(base, market, jobNo++),
    settles: true,
  },
];

async function load(base, route) {
  const cpu0 = await server.cpuUs();
  const start = process.hrtime.bigint();
  await pipelines(route.count, route.concurrency, () => route.run(base));
  if (route.settles) await server.drain();
  const rate = route.count / (Number(process.hrtime.bigint() - start) / 1e9);
  return { rate, cpuUs: ((await server.cpuUs()) - cpu0) / route.count };
}

const results = [];
for (const route of routes) {
  await load(server.url, route); // warm-up (schema compilation, JIT)
  await load(server.bareUrl, route);
  const on = [];
  const off = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) {
      on.push(await load(server.url, route));
      off.push(await load(server.bareUrl, route));
    } else {
      off.push(await load(server.bareUrl, route));
      on.push(await load(server.url, route));
    }
  }
  const rate = (xs) => median(xs.map((x) => x.rate));
  const cpu = (xs) => median(xs.map((x) => x.cpuUs));
  results.push({
    route,
    on: {
      rate: rate(on),
      cpu: cpu(on),
      spread: spread(
        on.map((x) => x.cpuUs),
        us,
      ),
    },
    off: {
      rate: rate(off),
      cpu: cpu(off),
      spread: spread(
        off.map((x) => x.cpuUs),
        us,
      ),
    },
    throughputOverhead: median(on.map((x, i) => 1 - x.rate / off[i].rate)),
    overhead: median(on.map((x, i) => 1 - off[i].cpuUs / x.cpuUs)),
  });
}
await server.close();

console.log(
  `coordinator-validator-overhead: ${REQUESTS} requests (or ${JOBS} jobs) per round, ${ROUNDS} alternating rounds, server CPU only`,
);
for (const r of results)
  console.log(
    `  ${r.route.name.padEnd(32)} CPU/${r.route.unit} validated ${us(r.on.cpu)} (${r.on.spread}), ` +
      `unvalidated ${us(r.off.cpu)} (${r.off.spread}): overhead ${pct(r.overhead)} | ` +
      `throughput ${fmt(r.on.rate)} vs ${fmt(r.off.rate)}: ${pct(r.throughputOverhead)}`,
  );
const worst = Math.max(...results.map((r) => r.overhead));
const mean = results.reduce((a, r) => a + r.overhead, 0) / results.length;
console.log(
  `  CPU overhead mean ${pct(mean)}, worst ${pct(worst)} (goal < ${GOAL * 100} %): ${mean < GOAL ? "PASS" : "FAIL"}`,
);
process.exit(mean < GOAL ? 0 : 1);
