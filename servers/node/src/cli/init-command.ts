// `aitbc-node init --validators 3 --out <dir> [--chain-id aitbc-dev] [--block-time-ms 1000]
//  [--round-timeout-ms N] [--no-dev]`
import { parseArgs } from "node:util";
import { DEFAULT_PORTS } from "@aitbc/sdk";
import { writeDevChain } from "./write-dev-chain.js";

export const INIT_USAGE =
  "usage: aitbc-node init --out <dir> [--validators 3] [--chain-id aitbc-dev] [--block-time-ms 1000] [--round-timeout-ms N] [--no-dev]";

function positiveInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

export function runInit(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        out: { type: "string" },
        validators: { type: "string" },
        "chain-id": { type: "string" },
        "block-time-ms": { type: "string" },
        "round-timeout-ms": { type: "string" },
        "no-dev": { type: "boolean" },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${INIT_USAGE}`);
    return 2;
  }
  if (!values.out) {
    console.error(INIT_USAGE);
    return 2;
  }
  try {
    const validators = positiveInt("validators", values.validators);
    const blockTimeMs = positiveInt("block-time-ms", values["block-time-ms"]);
    const roundTimeoutMs = positiveInt("round-timeout-ms", values["round-timeout-ms"]);
    const files = writeDevChain(values.out, {
      ...(validators !== undefined ? { validators } : {}),
      ...(values["chain-id"] ? { chainId: values["chain-id"] } : {}),
      ...(blockTimeMs !== undefined ? { blockTimeMs } : {}),
      ...(roundTimeoutMs !== undefined ? { roundTimeoutMs } : {}),
      dev: !values["no-dev"],
    });
    console.log(`wrote ${files.genesisFile} (chain ${files.genesis.chain_id})`);
    console.log(`wrote ${files.keysFile} (secret keys; keep it private)`);
    files.validators.forEach((v, i) => {
      console.log(
        `  ${v.name}: AITBC_NODE_PORT=${DEFAULT_PORTS.nodes[0]! + i} AITBC_VALIDATOR_SECRET_KEY=${v.secret_key}`,
      );
    });
    if (files.settlement)
      console.log(`  coordinator: AITBC_SETTLEMENT_SECRET_KEY=${files.settlement.secret_key}`);
    return 0;
  } catch (err) {
    console.error(`aitbc-node init: ${(err as Error).message}`);
    return 1;
  }
}
