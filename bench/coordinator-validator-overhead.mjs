#!/usr/bin/env node
// Contract validation overhead: the same coordinator routes, on the same database and domain
// objects, served by two apps in one process: one with express-openapi-validator checking
// requests and responses (as in production), one with validation skipped for every path. Both
// get the same keep-alive load; rounds alternate (the machine is shared). Two measures, of the
// medians: throughput (1 - validated/unvalidated requests per second) and CPU time per request
// of the whole process (1 - unvalidated/validated), which a machine shared with other work
// disturbs much less than wall-clock throughput. The goal (overhead < GOAL) is judged on CPU time.
// Build first: npx turbo run build --filter=@aitbc/coordinator...
//
//   node bench/coordinator-validator-overhead.mjs [--requests 1500] [--rounds 5] [--concurrency 8]
import { buildApp } from "@aitbc/coordinator";
import { listen } from "@aitbc/server-lib";
import {
  arg,
  call,
  expectStatus,
  fmt,
  jobRequest,
  median,
  setupMarket,
  startBenchCoordinator,
} from "./coordinator-bench-kit.mjs";

const GOAL = 0.15;
const REQUESTS = arg("requests", 1500);
const ROUNDS = arg("rounds", 5);
const CONCURRENCY = arg("concurrency", 8);

const bench = await startBenchCoordinator();
const validated = bench.coordinator.url;
const market = await setupMarket(validated, bench.adminKey);
const bare = await listen(buildApp(bench.coordinator.context, { validation: false }), { port: 0 });

// A queued job to read, and a page of services to list.
const job = await expectStatus(
  call(validated, "POST", "/v1/jobs/create", { key: market.customerKey, body: jobRequest(0) }),
  201,
  "create",
);
const routes = [
  {
    name: "GET /v1/jobs/{id}/status",
    method: "GET",
    path: `/v1/jobs/${job.job_id}/status`,
    key: market.customerKey,
  },
  {
    name: "GET /v1/services",
    method: "GET",
    path: "/v1/services?limit=20",
    key: market.customerKey,
  },
  {
    name: "POST /v1/miners/{id}/heartbeat",
    method: "POST",
    path: `/v1/miners/${market.minerId}/heartbeat`,
    key: market.providerKey,
    body: { active_job_ids: [] },
  },
];

async function load(base, route) {
  let next = 0;
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) {
        const res = await call(base, route.method, route.path, {
          key: route.key,
          body: route.body,
        });
        if (res.status !== 200)
          throw new Error(`${route.name}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }),
  );
  const rate = REQUESTS / (Number(process.hrtime.bigint() - start) / 1e9);
  const cpu = process.cpuUsage(cpu0);
  return { rate, cpuUs: (cpu.user + cpu.system) / REQUESTS };
}

const results = [];
for (const route of routes) {
  await load(validated, { ...route }); // warm-up (schema compilation, JIT)
  await load(bare.url, { ...route });
  const on = [];
  const off = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) {
      on.push(await load(validated, route));
      off.push(await load(bare.url, route));
    } else {
      off.push(await load(bare.url, route));
      on.push(await load(validated, route));
    }
  }
  const rate = (xs) => median(xs.map((x) => x.rate));
  const cpu = (xs) => median(xs.map((x) => x.cpuUs));
  results.push({
    route,
    on: { rate: rate(on), cpu: cpu(on) },
    off: { rate: rate(off), cpu: cpu(off) },
    throughputOverhead: 1 - rate(on) / rate(off),
    overhead: 1 - cpu(off) / cpu(on),
  });
}
await bare.close();
await bench.close();

const pct = (x) => `${(x * 100).toFixed(1)} %`;
console.log(
  `coordinator-validator-overhead: ${REQUESTS} requests per round, ${ROUNDS} alternating rounds, concurrency ${CONCURRENCY}`,
);
const us = (x) => `${Math.round(x)} µs`;
for (const r of results)
  console.log(
    `  ${r.route.name.padEnd(32)} CPU/request validated ${us(r.on.cpu)}, unvalidated ${us(r.off.cpu)}: ` +
      `overhead ${pct(r.overhead)} | throughput ${fmt(r.on.rate)} vs ${fmt(r.off.rate)}: ${pct(r.throughputOverhead)}`,
  );
const worst = Math.max(...results.map((r) => r.overhead));
const mean = results.reduce((a, r) => a + r.overhead, 0) / results.length;
console.log(
  `  CPU overhead mean ${pct(mean)}, worst ${pct(worst)} (goal < ${GOAL * 100} %): ${mean < GOAL ? "PASS" : "FAIL"}`,
);
process.exit(mean < GOAL ? 0 : 1);
