// `aitbc keys`, `aitbc keys rotate [--revoke-current]`, `aitbc keys revoke <key_id>`: the caller's
// own API keys. A rotated key is shown once; the old one keeps working for its grace period.
import type { CoordinatorTypes } from "@aitbc/sdk";
import { booleanOption } from "../args.js";
import { UsageError } from "../output/explain-error.js";
import { time } from "../output/format.js";
import { formatFields } from "../output/table.js";
import type { Command } from "./command.js";

const ACTIONS = ["list", "rotate", "revoke"] as const;

export const keysCommand: Command = {
  name: "keys",
  summary: "list, rotate or revoke your API keys",
  synopsis: "keys [rotate | revoke <key_id>]",
  usage: "keys\nkeys rotate [--revoke-current]\nkeys revoke <key_id>",
  help: `keys                 your keys: id, prefix, status, expiry
keys rotate          a new key, shown once; the key you called with keeps working for 24 hours
  --revoke-current   revoke the key you called with at once instead
keys revoke ID       revoke one of your keys now (final)

Examples:
  aitbc keys rotate --json | jq -r .api_key`,
  identity: "customer",
  options: { "revoke-current": { type: "boolean" } },
  async run({ client, out, values, positionals }) {
    const [action = "list", ...rest] = positionals;
    if (!(ACTIONS as readonly string[]).includes(action))
      throw new UsageError(`Unknown keys action "${action}". Actions: ${ACTIONS.join(", ")}.`);
    if (action === "revoke") {
      if (rest.length !== 1) throw new UsageError("Give one key id: aitbc keys revoke <key_id>.");
      const key = await client.coordinator.revokeMyKey({ path: { key_id: rest[0]! } });
      out.line(`✅ Key ${key.key_id} (${key.prefix}…) revoked; it is refused everywhere now.`);
      return key;
    }
    if (rest.length) throw new UsageError(`Unexpected argument "${rest[0]}".`);
    if (action === "rotate") {
      const revokeCurrent = booleanOption(values, "revoke-current");
      const rotated = await client.coordinator.rotateMyKey({
        body: { revoke_current: revokeCurrent },
      });
      out.line("✅ New API key (shown once, store it now):");
      out.line(`   ${rotated.api_key}`);
      out.line(
        formatFields([
          ["New key id", rotated.key.key_id],
          [
            "Previous key",
            rotated.previous.status === "revoked"
              ? `${rotated.previous.prefix}… revoked`
              : `${rotated.previous.prefix}… works until ${time(rotated.previous.expires_at)}`,
          ],
        ]),
      );
      out.line("→ Use it with AITBC_API_KEY=<key> or --api-key <key>.");
      return rotated;
    }
    const list = await client.coordinator.listMyKeys();
    out.line(out.table(["key", "prefix", "status", "created", "expires"], list.keys.map(row)));
    return list;
  },
};

function row(k: CoordinatorTypes.ApiKeyInfo): string[] {
  return [k.key_id, `${k.prefix}…`, k.status, time(k.created_at), time(k.expires_at)];
}
