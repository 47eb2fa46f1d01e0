#!/usr/bin/env node
// The floor under every AITBC HTTP service: server CPU per JSON POST (a body the size of a miner's
// completion, ~1.5 KB, and a small JSON answer) on bare node:http and on bare Express 5 with
// express.json, the framework the servers are built on, before any auth, validation or database.
// Each server runs in its own process and reports its own CPU time; rounds alternate. No goal:
// it explains the coordinator benchmarks (bench/coordinator-lifecycle.mjs compares a job's three
// or four requests against raw better-sqlite3 writes, so this floor counts three or four times).
//
//   node bench/http-floor.mjs [--requests 4000] [--rounds 5]
import { createServer } from "node:http";
import { fork } from "node:child_process";
import express from "express";
import { arg, call, median, pipelines, spread, us } from "./coordinator-bench-kit.mjs";

const REQUESTS = arg("requests", 4000);
const ROUNDS = arg("rounds", 5);

function serve(kind) {
  const answer = (body) => ({ accepted: Object.keys(body).length, cancelled: false });
  if (kind === "node")
    return createServer((req, res) => {
      const chunks = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        const out = JSON.stringify(answer(chunks.length ? JSON.parse(Buffer.concat(chunks)) : {}));
        res.writeHead(200, {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(out),
        });
        res.end(out);
      });
    });
  const app = express();
  app.use(express.json({ limit: "1mb" }));
  app.post("/v1/jobs/:job_id/complete", (req, res) => {
    res.json(answer(req.body));
  });
  return createServer(app);
}

if (process.argv[2] === "--serve") {
  const server = serve(process.argv[3]);
  server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
  process.on("message", () => {
    const c = process.cpuUsage();
    process.send({ cpuUs: c.user + c.system });
  });
  process.on("disconnect", () => process.exit(0));
} else {
  const body = {
    lease_id: "0".repeat(32),
    output: { text: "output 1", finish_reason: "stop" },
    metering: { duration_ms: 1500, tokens_in: 3, tokens_out: 5 },
    receipt: { signatures: [{ alg: "ed25519", sig: "s".repeat(1200) }] },
  };
  const servers = {};
  for (const kind of ["node", "express"]) {
    const child = fork(new URL(import.meta.url), ["--serve", kind]);
    const { port } = await new Promise((resolve) => child.once("message", resolve));
    const cpuUs = () =>
      new Promise((resolve) => {
        child.once("message", (m) => resolve(m.cpuUs));
        child.send("cpu");
      });
    servers[kind] = { child, url: `http://127.0.0.1:${port}`, cpuUs, runs: [] };
  }
  const round = async (s) => {
    const c0 = await s.cpuUs();
    await pipelines(REQUESTS, 4, () => call(s.url, "POST", "/v1/jobs/abc/complete", { body }));
    return ((await s.cpuUs()) - c0) / REQUESTS;
  };
  for (const s of Object.values(servers)) await round(s); // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 ? ["express", "node"] : ["node", "express"];
    for (const k of order) servers[k].runs.push(await round(servers[k]));
  }
  for (const s of Object.values(servers)) s.child.kill();
  const cpu = (k) => median(servers[k].runs);
  console.log(`http-floor: ${REQUESTS} JSON POSTs per round, ${ROUNDS} alternating rounds`);
  for (const [k, label] of [
    ["node", "bare node:http"],
    ["express", "bare Express 5 + express.json"],
  ])
    console.log(
      `  ${label.padEnd(30)} ${us(cpu(k))} server CPU/request (rounds ${spread(servers[k].runs, us)})`,
    );
  console.log(`  Express / node:http = ${(cpu("express") / cpu("node")).toFixed(2)}×`);
}
