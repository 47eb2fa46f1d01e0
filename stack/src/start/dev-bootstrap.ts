// What a fresh stack needs before a customer can submit a job, made through the SDK like any
// client: the dev provider and customer accounts, the provider's dev service and the customer's
// funds. Rerunning it on an existing data dir reuses what dev-credentials.json already names.
import type { AitbcClient } from "@aitbc/sdk";
import { ensureDevAccount } from "../bootstrap/dev-accounts.js";
import { ensureFunded } from "../bootstrap/dev-funding.js";
import { ensureDevBond } from "../bootstrap/dev-bond.js";
import { DEV_SERVICE_ID, ensureDevService } from "../bootstrap/dev-service.js";
import { readJsonFile } from "../files/json-file.js";
import type { DevCredentials } from "../files/stack-files.js";
import type { StackStep } from "./stack-types.js";

export async function bootstrapDevAccounts(
  admin: AitbcClient,
  adminApiKey: string,
  credentialsFile: string,
  step: (step: StackStep) => void,
  signal?: AbortSignal,
): Promise<DevCredentials> {
  const previous = readJsonFile<DevCredentials>(credentialsFile);
  const provider = await ensureDevAccount(
    admin,
    { id: "dev-provider", name: "Dev Provider", role: "provider" },
    previous?.provider,
  );
  const customer = await ensureDevAccount(
    admin,
    { id: "dev-customer", name: "Dev Customer", role: "customer" },
    previous?.customer,
  );
  const createdAccounts = [provider, customer].filter((a) => a.created).map((a) => a.account.id);
  if (createdAccounts.length) step({ kind: "accounts", created: createdAccounts });
  signal?.throwIfAborted();
  const providerClient = admin.withApiKey(provider.account.api_key);
  const bonded = await ensureDevBond(admin, providerClient, provider.account.address);
  if (bonded > 0) step({ kind: "bonded", address: provider.account.address, amount: bonded });
  const service = await ensureDevService(
    providerClient,
    previous?.provider?.service_id ?? DEV_SERVICE_ID,
  );
  const funded = await ensureFunded(admin, customer.account.address);
  if (funded > 0) step({ kind: "funded", address: customer.account.address, amount: funded });

  return {
    admin: { api_key: adminApiKey },
    provider: { ...provider.account, service_id: service.service_id },
    customer: customer.account,
  };
}
