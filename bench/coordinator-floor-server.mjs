#!/usr/bin/env node
// The floor of bench/coordinator-lifecycle.mjs: what any coordinator on this stack must spend per
// job at the least, measured rather than argued. Bare Express 5 with express.json serves the
// lifecycle's requests (create, claim, progress, complete), each doing exactly the raw baseline's
// prepared-statement transactions (coordinator-raw-writes.mjs); complete also does the two
// signature operations the issue requires of any coordinator: verifying the miner's ed25519
// signature over the canonical receipt and countersigning it. Settlement runs right after the
// completion (the raw baseline's outbox claim and confirm). Nothing else: no contract validation,
// no authentication, no request log, no matching, no receipt field checks, no JSON stored.
// --no-signatures leaves the two signature operations out: bare Express over the raw writes.
// Forked by the lifecycle benchmark; answers "cpu" over IPC with its own CPU time.
import { createServer } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPublicKey, generateKeyPairSync, randomBytes, sign, verify } from "node:crypto";
import express from "express";
import { receiptSigningBytes } from "@aitbc/sdk";
import { openRawWrites, sampleClaim } from "./coordinator-raw-writes.mjs";
import { withPrivateKey } from "./coordinator-bench-kit.mjs";

const [market, progress] = await new Promise((resolve) =>
  process.once("message", (m) => resolve([withPrivateKey(m.market), m.progress])),
);
const dir = mkdtempSync(join(tmpdir(), "aitbc-bench-floor-"));
const raw = await openRawWrites(join(dir, "floor.sqlite"), market, progress);
const minerKey = createPublicKey({
  key: { kty: "OKP", crv: "Ed25519", x: market.publicKey },
  format: "jwk",
});
const coordinatorKey = generateKeyPairSync("ed25519").privateKey;
const signatures = !process.argv.includes("--no-signatures");
const now = () => new Date().toISOString();

const app = express();
app.use(express.json({ limit: "1mb" }));
app.post("/v1/jobs/create", (req, res) => {
  const id = randomBytes(16).toString("hex");
  raw.create(id, now());
  res.status(201).json({ job_id: id, status: "queued", requirements: req.body.requirements });
});
app.post("/v1/miners/:minerId/claim", (req, res) => {
  const claimed = raw.claim(now());
  if (!claimed) return res.status(204).end();
  const answer = sampleClaim(claimed.jobId);
  answer.lease.lease_id = claimed.leaseId;
  res.json(answer);
});
app.post("/v1/jobs/:jobId/progress", (req, res) => {
  raw.progress(req.params.jobId, now());
  res.json({ accepted: req.body.events.length, cancelled: false });
});
app.post("/v1/jobs/:jobId/complete", (req, res) => {
  let countersig = null;
  if (signatures) {
    const receipt = req.body.receipt;
    const bytes = receiptSigningBytes(receipt);
    const sig = Buffer.from(receipt.signatures[0].sig, "base64url");
    if (!verify(null, bytes, minerKey, sig))
      return res.status(422).json({ error: "bad signature" });
    countersig = sign(null, bytes, coordinatorKey).toString("base64url");
  }
  const at = now();
  raw.complete(req.params.jobId, at);
  raw.settle(at);
  res.json({ status: "completed", job_id: req.params.jobId, countersig });
});

const server = createServer(app);
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () =>
  process.send({ type: "ready", url: `http://127.0.0.1:${server.address().port}` }),
);
process.on("message", (m) => {
  if (m.cmd === "cpu") {
    const c = process.cpuUsage();
    process.send({ id: m.id, result: c.user + c.system });
  }
});
process.on("disconnect", () => {
  raw.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
