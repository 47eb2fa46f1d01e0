// New accounts get a custodial key in the wallet daemon, which answers with the address.
import { createAitbcClient, type AitbcClient } from "@aitbc/sdk";
import type { AddressProvider } from "./address-provider.js";
import { fromDependency } from "../settlement/sdk-errors.js";

export class WalletAddressProvider implements AddressProvider {
  readonly kind = "wallet" as const;
  private readonly client: AitbcClient;

  constructor(walletUrl: string, adminApiKey: string) {
    this.client = createAitbcClient({ walletUrl, apiKey: adminApiKey });
  }

  async addressFor(accountId: string): Promise<string> {
    try {
      const account = await this.client.wallet.createAccount({ body: { account_id: accountId } });
      return account.address;
    } catch (err) {
      throw fromDependency(err, "The wallet daemon");
    }
  }
}
