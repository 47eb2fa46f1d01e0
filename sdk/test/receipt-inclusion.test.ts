// A batched receipt's inclusion proof against the root the chain anchored: a valid proof passes,
// and a tampered proof, a wrong root and a proof of another receipt fail with the reason. The
// node-backed check reads the anchored root from a node stand-in served over HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentDigest } from "../src/crypto/hash.js";
import { merkleProof, merkleProofs, merkleRoot } from "../src/receipts/merkle.js";
import {
  checkReceiptInclusion,
  verifyReceiptInclusion,
  type ReceiptSettlementProof,
} from "../src/receipts/inclusion.js";
import { createAitbcClient } from "../src/client.js";
import { startLocalServer, type LocalServer } from "./local-server.js";

const receipts = Array.from({ length: 7 }, (_, i) => contentDigest(`receipt ${i}`));
const root = merkleRoot(receipts);
const settlementOf = (i: number): ReceiptSettlementProof => ({
  batch_id: "b1",
  receipts_root: root,
  leaf_index: i,
  proof: merkleProof(receipts, i),
  block_height: 12,
  tx_hash: "0x" + "ab".repeat(32),
});

describe("merkleProofs", () => {
  it("gives every leaf the same proof merkleProof gives it", () => {
    for (const n of [1, 2, 3, 7, 8, 33]) {
      const hashes = receipts
        .slice(0, Math.min(n, 7))
        .concat(Array.from({ length: Math.max(0, n - 7) }, (_, i) => contentDigest(`more ${i}`)));
      expect(merkleProofs(hashes)).toEqual(hashes.map((_, i) => merkleProof(hashes, i)));
    }
  });
});

describe("verifyReceiptInclusion", () => {
  it("accepts every receipt's proof against the anchored root", () => {
    receipts.forEach((hash, i) =>
      expect(verifyReceiptInclusion(hash, settlementOf(i), root)).toEqual({ ok: true }),
    );
  });

  it("refuses a tampered proof", () => {
    const s = settlementOf(2);
    const step = s.proof[0]!;
    const flipped = step.hash.slice(0, -1) + (step.hash.endsWith("0") ? "1" : "0");
    const tampered = { ...s, proof: [{ ...step, hash: flipped }, ...s.proof.slice(1)] };
    expect(verifyReceiptInclusion(receipts[2]!, tampered, root)).toEqual({
      ok: false,
      reason: "proof_invalid",
    });
    const swapped = {
      ...s,
      proof: s.proof.map((p) => ({ ...p, side: p.side === "left" ? "right" : "left" }) as const),
    };
    expect(verifyReceiptInclusion(receipts[2]!, swapped, root).ok).toBe(false);
  });

  it("refuses a root other than the anchored one, even with a proof that fits the reported root", () => {
    const other = [...receipts.slice(0, 6), contentDigest("forged")];
    const forged = {
      ...settlementOf(0),
      receipts_root: merkleRoot(other),
      proof: merkleProof(other, 0),
    };
    expect(verifyReceiptInclusion(receipts[0]!, forged, root)).toEqual({
      ok: false,
      reason: "root_mismatch",
    });
    expect(verifyReceiptInclusion(receipts[0]!, settlementOf(0), merkleRoot(other))).toEqual({
      ok: false,
      reason: "root_mismatch",
    });
  });

  it("refuses another receipt's proof", () => {
    expect(verifyReceiptInclusion(receipts[3]!, settlementOf(4), root)).toEqual({
      ok: false,
      reason: "proof_invalid",
    });
    expect(
      verifyReceiptInclusion(contentDigest("not in the batch"), settlementOf(0), root).ok,
    ).toBe(false);
  });
});

describe("checkReceiptInclusion", () => {
  let server: LocalServer;
  let anchoredRoot = root;
  beforeAll(async () => {
    server = await startLocalServer((req, res) => {
      const m = /^\/api\/v1\/settlements\/([^/?]+)$/.exec(req.url ?? "");
      if (m && m[1] === "b1") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            batch_id: "b1",
            receipts_root: anchoredRoot,
            items: 7,
            paid: 7,
            paid_micro: "7000000",
            tx_hash: "0x" + "ab".repeat(32),
            block_height: 12,
            finalized: true,
          }),
        );
        return;
      }
      res.writeHead(404, { "content-type": "application/problem+json" });
      res.end(
        JSON.stringify({ type: "about:blank", title: "Not found", status: 404, code: "not_found" }),
      );
    });
  });
  afterAll(() => server.close());

  it("checks against the root the node reports, and says when the node has no such batch", async () => {
    const node = createAitbcClient({ nodeUrl: server.url, http: { retries: 0 } }).node;
    const good = await checkReceiptInclusion(node, receipts[5]!, settlementOf(5));
    expect(good).toMatchObject({ ok: true, anchored: { block_height: 12, finalized: true } });

    anchoredRoot = merkleRoot(receipts.slice(0, 6));
    expect(await checkReceiptInclusion(node, receipts[5]!, settlementOf(5))).toMatchObject({
      ok: false,
      reason: "root_mismatch",
    });
    anchoredRoot = root;

    expect(
      await checkReceiptInclusion(node, receipts[5]!, { ...settlementOf(5), batch_id: "b2" }),
    ).toEqual({ ok: false, reason: "not_anchored", anchored: null });
  });
});
