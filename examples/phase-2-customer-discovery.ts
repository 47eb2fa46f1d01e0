// Phase 2, Customer Discovery and Selection: browse with a customer's usual filters, view the
// service, check the provider's reputation and the customer's receipts. Uses the dev stack's
// customer and service (.aitbc/dev-credentials.json).
// Run: npx tsx examples/phase-2-customer-discovery.ts
import { loadStackContext } from "./phases/context.js";
import { discoverServices } from "./phases/customer-discovery.js";
import { OFFLINE_MODEL } from "./phases/provider-setup.js";
import { consoleReporter } from "./phases/report.js";

const ctx = loadStackContext();
const r = consoleReporter();
try {
  r.phase("2.1–2.3 Browse, view details, verify reputation");
  await discoverServices(
    ctx,
    r,
    ctx.credentials.customer.api_key,
    ctx.credentials.provider.service_id,
    OFFLINE_MODEL,
  );
} catch (err) {
  console.error(`\n✗ ${(err as Error).message}`);
  process.exitCode = 1;
}
