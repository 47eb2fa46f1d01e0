// This node's validator key, if it has one (AITBC_VALIDATOR_SECRET_KEY).
import { addressFromPublicKey, keyPairFromSecret, toBase64Url, type Genesis } from "@aitbc/sdk";
import { ConfigError } from "@aitbc/server-lib";

export interface ValidatorIdentity {
  name: string;
  publicKey: string;
  address: string;
  secretKey: Uint8Array;
}

export function validatorIdentity(
  genesis: Genesis,
  secretKey: Uint8Array | undefined,
): ValidatorIdentity | undefined {
  if (!secretKey) return undefined;
  const publicKey = toBase64Url(keyPairFromSecret(secretKey).publicKey);
  const entry = genesis.validators.find((v) => v.public_key === publicKey);
  if (!entry)
    throw new ConfigError(
      `AITBC_VALIDATOR_SECRET_KEY belongs to ${publicKey}, which is not a validator in the genesis file. ` +
        "Unset it to run a full node.",
    );
  return { name: entry.name, publicKey, address: addressFromPublicKey(publicKey), secretKey };
}
