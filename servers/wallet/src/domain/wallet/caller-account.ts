// Which address and which custodial key belong to the caller. The coordinator's record of the
// account's address is the truth; the wallet's key must match it to sign for that account.
import { Conflict, Forbidden, NotFound, ValidationFailed } from "@aitbc/server-lib";
import type { AccountCaller, Caller } from "@aitbc/server-lib";
import type { CustodialAccount, Keystore } from "../keys/keystore.js";

/** The address to read: `requested` if given, else the caller's own. */
export async function addressToRead(
  keystore: Keystore,
  caller: Caller,
  requested: string | undefined,
): Promise<string> {
  if (requested) return requested;
  if (caller.kind === "admin-key")
    throw ValidationFailed.field(
      "query.address",
      "is required with the admin key (it has no account of its own)",
    );
  if (caller.address) return caller.address;
  const custodial = await keystore.get(caller.id);
  if (custodial) return custodial.address;
  throw new NotFound(`Account ${caller.id} has no chain address yet.`);
}

/** The caller's custodial key, for signing. */
export async function custodialAccountOf(
  keystore: Keystore,
  caller: Caller,
  roles: ReadonlyArray<AccountCaller["role"]>,
): Promise<CustodialAccount> {
  if (caller.kind === "admin-key")
    throw new Forbidden("The admin key has no wallet of its own; use an account's key.");
  if (!roles.includes(caller.role))
    throw new Forbidden(`This operation needs the ${roles.join(" or ")} role.`);
  const custodial = await keystore.get(caller.id);
  if (!custodial)
    throw new NotFound(
      `Account ${caller.id} has no custodial key in this wallet. Non-custodial accounts sign with the SDK and submit to the node.`,
    );
  if (caller.address && caller.address !== custodial.address)
    throw new Conflict(
      "conflict",
      `Account ${caller.id} is registered with address ${caller.address}, which is not this wallet's key (${custodial.address}).`,
    );
  return custodial;
}
