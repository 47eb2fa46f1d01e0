// Signing thousands of transactions for a test with node:crypto (the SDK's pure-JS signer takes
// milliseconds per signature on a busy machine). Same bytes as the SDK's signTx.
import { createPrivateKey, sign } from "node:crypto";
import {
  addressFromPublicKey,
  blockHash,
  blockHeaderBytes,
  keyPairFromSecret,
  toBase64Url,
  txSigningBytes,
  type BlockHeader,
  type SignedBlock,
  type SignedTx,
  type TxPayloads,
  type TxType,
  type UnsignedTx,
} from "@aitbc/sdk";

// DER PKCS#8 header of an Ed25519 private key (RFC 8410); the 32-byte seed follows it.
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

function privateKey(secretKey: Uint8Array) {
  return createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, secretKey]),
    format: "der",
    type: "pkcs8",
  });
}

/** The same block as the SDK's signBlock. */
export function fastBlockSigner(secretKey: Uint8Array) {
  const key = privateKey(secretKey);
  const proposer = toBase64Url(keyPairFromSecret(secretKey).publicKey);
  return (header: Omit<BlockHeader, "proposer">, transactions: SignedTx[] = []): SignedBlock => {
    const full: BlockHeader = { ...header, proposer };
    const signature = toBase64Url(sign(null, blockHeaderBytes(full), key));
    return { header: full, hash: blockHash(full), signature, transactions };
  };
}

export function fastSigner(secretKey: Uint8Array, chainId: string) {
  const key = privateKey(secretKey);
  const { publicKey } = keyPairFromSecret(secretKey);
  const from = addressFromPublicKey(publicKey);
  const public_key = toBase64Url(publicKey);
  return <T extends TxType>(type: T, nonce: number, payload: TxPayloads[T]): SignedTx<T> => {
    const unsigned: UnsignedTx<T> = { type, chain_id: chainId, from, nonce, payload, public_key };
    const signature = toBase64Url(sign(null, txSigningBytes(unsigned), key));
    return { ...unsigned, signature };
  };
}
