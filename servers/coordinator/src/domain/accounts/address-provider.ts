// Where new accounts get their chain address. With a wallet daemon the wallet generates and keeps
// the key (custodial); without one (a coordinator run on its own) a key is generated here and its
// secret is discarded, so such an address can receive but never spend: a development fallback only.
import { addressFromPublicKey, generateKeyPair } from "@aitbc/sdk";

export interface AddressProvider {
  /** Creates (or returns the existing) chain address of an account. */
  addressFor(accountId: string): Promise<string>;
  readonly kind: "wallet" | "local";
}

export class LocalKeyAddressProvider implements AddressProvider {
  readonly kind = "local" as const;
  async addressFor(_accountId: string): Promise<string> {
    return addressFromPublicKey(generateKeyPair().publicKey);
  }
}
