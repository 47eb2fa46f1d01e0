// Reading and checking a genesis file. A bad genesis stops the node at start with a message that
// names the field, because every later block would disagree with the other nodes anyway.
import { readFileSync } from "node:fs";
import { ConfigError } from "@aitbc/server-lib";
import { addressFromPublicKey, parseMicro, type Genesis } from "@aitbc/sdk";
import { publicKeyEntry } from "../ledger/fast-verify.js";

const KEYS = [
  "chain_id",
  "genesis_time",
  "dev",
  "block_time_ms",
  "round_timeout_ms",
  "validators",
  "allocations",
  "settlement_key",
  "treasury_key",
  "min_escrow",
  "deposit_withdraw_delay_blocks",
  "bond_unlock_delay_blocks",
];

function fail(where: string, message: string): never {
  throw new ConfigError(`genesis ${where}: ${message}`);
}

function checkKey(where: string, value: unknown): string {
  if (typeof value !== "string" || !publicKeyEntry(value))
    fail(where, "must be a base64url ed25519 public key (43 characters)");
  return value;
}

export function parseGenesis(value: unknown, where = "file"): Genesis {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    fail(where, "must be a JSON object");
  const g = value as Record<string, unknown>;
  for (const k of Object.keys(g)) if (!KEYS.includes(k)) fail(`${where}.${k}`, "is not a field");
  if (typeof g.chain_id !== "string" || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(g.chain_id))
    fail(`${where}.chain_id`, "must be 1-64 letters, digits, '.', '_' or '-'");
  if (typeof g.genesis_time !== "string" || Number.isNaN(Date.parse(g.genesis_time)))
    fail(`${where}.genesis_time`, "must be an ISO 8601 time");
  if (typeof g.dev !== "boolean") fail(`${where}.dev`, "must be true or false");
  for (const k of ["block_time_ms", "round_timeout_ms"] as const) {
    if (k === "round_timeout_ms" && g[k] === undefined) continue;
    if (!Number.isInteger(g[k]) || (g[k] as number) < 10)
      fail(`${where}.${k}`, "must be an integer of at least 10");
  }
  if (!Array.isArray(g.validators) || g.validators.length === 0)
    fail(`${where}.validators`, "must list at least one validator");
  const seen = new Set<string>();
  g.validators.forEach((v: unknown, i: number) => {
    const at = `${where}.validators[${i}]`;
    const r = v as Record<string, unknown>;
    if (typeof v !== "object" || v === null) fail(at, "must be an object");
    if (typeof r.name !== "string" || !r.name) fail(`${at}.name`, "must be a non-empty string");
    const key = checkKey(`${at}.public_key`, r.public_key);
    if (seen.has(key)) fail(`${at}.public_key`, "is listed twice");
    seen.add(key);
  });
  if (!Array.isArray(g.allocations)) fail(`${where}.allocations`, "must be an array");
  g.allocations.forEach((a: unknown, i: number) => {
    const at = `${where}.allocations[${i}]`;
    const r = a as Record<string, unknown>;
    if (typeof r?.address !== "string" || !/^aitbc[0-9a-f]{40}$/.test(r.address))
      fail(`${at}.address`, "must be an aitbc address");
    try {
      parseMicro(r.amount as string);
    } catch {
      fail(`${at}.amount`, "must be a micro-AITBC integer string");
    }
  });
  checkKey(`${where}.settlement_key`, g.settlement_key);
  checkKey(`${where}.treasury_key`, g.treasury_key);
  if (g.min_escrow !== undefined)
    try {
      parseMicro(g.min_escrow as string);
    } catch {
      fail(`${where}.min_escrow`, "must be a micro-AITBC integer string");
    }
  for (const field of ["deposit_withdraw_delay_blocks", "bond_unlock_delay_blocks"]) {
    const delay = g[field];
    if (
      delay !== undefined &&
      (!Number.isInteger(delay) || (delay as number) < 1 || (delay as number) > 1_000_000)
    )
      fail(`${where}.${field}`, "must be an integer from 1 to 1000000");
  }
  return g as unknown as Genesis;
}

export function loadGenesisFile(path: string): Genesis {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new ConfigError(
      `AITBC_GENESIS_FILE: cannot read ${path} (${(err as Error).message}). Create one with \`aitbc-node init\`.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError(`AITBC_GENESIS_FILE: ${path} is not valid JSON.`);
  }
  return parseGenesis(json, path);
}

export function validatorAddresses(genesis: Genesis): string[] {
  return genesis.validators.map((v) => addressFromPublicKey(v.public_key));
}
