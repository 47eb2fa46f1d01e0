// `aitbc receipts --verify` on deposit-funded receipts: the Merkle proof the coordinator reports
// is checked against the root the node anchored for the batch. Stand-ins for the coordinator and
// the node serve receipts signed with real keys and a real Merkle tree; a proof that fits, a
// tampered proof and a coordinator that reports another root than the chain's each give the exit
// code and the message a user would see. (The coordinator's tests check real batches on a chain.)
import { createServer, type Server } from "node:http";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  contentDigest,
  generateKeyPair,
  merkleProof,
  merkleRoot,
  receiptHash,
  signReceipt,
  toBase64Url,
  type MerkleStep,
  type Receipt,
} from "@aitbc/sdk";
import { runAitbc } from "./run-aitbc.js";

const provider = generateKeyPair();
const coordinator = generateKeyPair();

function receipt(i: number): Receipt {
  const unsigned = {
    receipt_id: randomBytes(16).toString("hex"),
    job_id: randomBytes(16).toString("hex"),
    service_id: "svc",
    provider_id: "prov",
    customer_id: "cust",
    model: "aitbc-tiny:latest",
    input_hash: contentDigest(`in ${i}`),
    output_hash: contentDigest(`out ${i}`),
    units: "36",
    unit_type: "gpu_seconds" as const,
    unit_price: "27778",
    cost: "1000000",
    started_at: "2026-12-03T10:00:00.000Z",
    completed_at: "2026-12-03T10:00:36.000Z",
    chain_id: "aitbc-dev",
  };
  const byProvider = signReceipt(unsigned, {
    secretKey: provider.secretKey,
    keyId: "provider:prov",
  });
  return signReceipt(byProvider, { secretKey: coordinator.secretKey, keyId: "coordinator:k1" });
}

const receipts = Array.from({ length: 5 }, (_, i) => receipt(i));
const hashes = receipts.map((r) => receiptHash(r));
const root = merkleRoot(hashes);
const TX = "0x" + "cd".repeat(32);

/** What the coordinator stand-in reports for receipt 0; tests change it. */
let reported: { receipts_root: string; proof: MerkleStep[] };
/** The root the node stand-in says the chain anchored. */
const anchoredRoot = root;

function listen(handler: (url: string) => unknown): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const body = handler(req.url ?? "");
    if (body === undefined) {
      res.writeHead(404, { "content-type": "application/problem+json" });
      res.end(JSON.stringify({ title: "Not found", status: 404, code: "not_found" }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server }),
    ),
  );
}

describe("aitbc receipts --verify for batch-settled receipts", () => {
  let coord: { url: string; server: Server };
  let node: { url: string; server: Server };
  const verify = (...more: string[]) =>
    runAitbc(
      [
        "receipts",
        "--verify",
        "--coordinator-url",
        coord.url,
        "--node-url",
        node.url,
        "--api-key",
        "test-key",
        ...more,
      ],
      { env: {} },
    );

  beforeAll(async () => {
    coord = await listen((url) => {
      if (url.startsWith("/v1/keys"))
        return {
          keys: [
            {
              key_id: "k1",
              public_key: toBase64Url(coordinator.publicKey),
              alg: "ed25519",
              use: "receipt_attestation",
              created_at: "2026-12-03T09:00:00.000Z",
              status: "active",
            },
          ],
        };
      if (url.startsWith("/v1/receipts"))
        return {
          receipts: [
            {
              job_id: receipts[0]!.job_id,
              receipt_hash: hashes[0],
              created_at: "2026-12-03T10:00:37.000Z",
              payment_tx_hash: TX,
              receipt: receipts[0],
              settlement: {
                batch_id: "b7",
                receipts_root: reported.receipts_root,
                leaf_index: 0,
                proof: reported.proof,
                block_height: 42,
                tx_hash: TX,
              },
            },
          ],
          page: { limit: 10, next_cursor: null },
        };
      return undefined;
    });
    node = await listen((url) =>
      url === "/api/v1/settlements/b7"
        ? {
            batch_id: "b7",
            receipts_root: anchoredRoot,
            items: 5,
            paid: 5,
            paid_micro: "5000000",
            tx_hash: TX,
            block_height: 42,
            finalized: true,
          }
        : undefined,
    );
  });

  afterAll(async () => {
    await new Promise((r) => coord.server.close(r));
    await new Promise((r) => node.server.close(r));
  });

  it("accepts a proof that leads to the anchored root and shows the batch", async () => {
    reported = { receipts_root: root, proof: merkleProof(hashes, 0) };
    const run = await verify();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("batch b7 #0");
    expect(run.stdout).toContain("✅ signatures + batch proof");
    const json = JSON.parse((await verify("--json")).stdout) as {
      verification: Array<{ valid: boolean; anchored: boolean; inclusion: unknown }>;
    };
    expect(json.verification[0]).toMatchObject({
      valid: true,
      anchored: true,
      inclusion: {
        batch_id: "b7",
        leaf_index: 0,
        receipts_root: root,
        block_height: 42,
        finalized: true,
        proof_valid: true,
      },
    });
  });

  it("refuses a tampered proof with exit 1 and says what to do", async () => {
    const proof = merkleProof(hashes, 0);
    proof[1] = { ...proof[1]!, hash: "0x" + "00".repeat(32) };
    reported = { receipts_root: root, proof };
    const run = await verify();
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/inclusion proof does not lead from this receipt/);
    expect(run.stdout + run.stderr).toMatch(/do not trust these results/i);
    expect(run.stdout + run.stderr).toMatch(/--node-url/);
  });

  it("refuses another receipt's proof and a root the chain did not anchor", async () => {
    reported = { receipts_root: root, proof: merkleProof(hashes, 3) };
    expect((await verify()).code).toBe(1);

    // The coordinator's root and proof agree with each other, but not with the chain.
    const forged = [hashes[0]!, contentDigest("forged")];
    reported = { receipts_root: merkleRoot(forged), proof: merkleProof(forged, 0) };
    const run = await verify();
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/another Merkle root than the one anchored on chain/);
  });
});
