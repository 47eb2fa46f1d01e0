// The dev provider and the dev customer. On a restart the stored keys are checked with GET /v1/me
// and reused, so the accounts (and their money and jobs) stay the same; an account whose key was
// lost (dev-credentials.json deleted) cannot be recovered, so a new one with a fresh id is made.
import { randomBytes } from "node:crypto";
import { AuthenticationError, ConflictError, type AitbcClient } from "@aitbc/sdk";
import type { DevAccount } from "../files/stack-files.js";

export interface AccountSpec {
  id: string;
  name: string;
  role: "customer" | "provider";
}

export async function ensureDevAccount(
  admin: AitbcClient,
  spec: AccountSpec,
  stored: DevAccount | undefined,
): Promise<{ account: DevAccount; created: boolean }> {
  if (stored?.api_key) {
    try {
      const me = await admin.withApiKey(stored.api_key).coordinator.getMe();
      if (me.role === spec.role && me.address) {
        return {
          account: { id: me.id, api_key: stored.api_key, address: me.address },
          created: false,
        };
      }
    } catch (err) {
      // A refused key means the coordinator's data was reset: make the account again.
      if (!(err instanceof AuthenticationError)) throw err;
    }
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const id = attempt === 0 ? spec.id : `${spec.id}-${randomBytes(3).toString("hex")}`;
    try {
      const created = await admin.coordinator.createAccount({
        body: { id, name: spec.name, role: spec.role },
      });
      return {
        account: { id: created.id, api_key: created.api_key, address: created.address },
        created: true,
      };
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  throw new Error(`Could not create the dev ${spec.role} account: every id tried is taken.`);
}
