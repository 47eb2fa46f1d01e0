// Signs a transaction with an account's custodial key and submits it, one at a time per address.
// The nonce is the node's pending_nonce read inside the lock, so concurrent requests of one
// account get consecutive nonces. If the node still says the nonce is taken (another wallet
// replica, or a tx signed elsewhere with the same address), it re-reads and signs again.
import {
  signTx,
  txHash,
  type ChainTxContext,
  type SignedTx,
  type TxPayloads,
  type TxType,
} from "@aitbc/sdk";
import type { Keystore, CustodialAccount } from "../keys/keystore.js";
import { AddressMutex } from "./address-mutex.js";
import { ChainRejected } from "@aitbc/server-lib";
import type { ChainAccount, ChainGateway } from "./chain-gateway.js";

const NONCE_RETRIES = 3;
const NONCE_REASONS = new Set(["nonce_reused", "nonce_gap"]);

export interface SubmittedTx<T extends TxType = TxType> {
  tx: SignedTx<T>;
  txHash: string;
}

export interface SignOptions<T extends TxType> {
  /**
   * Runs inside the lock before the nonce is chosen, with the chain state; true when it submitted
   * something (then the state is read again). Lets earlier signed txs of the address that the node
   * lost take their own nonces back before a new tx could take them.
   */
  beforeSign?: (state: ChainAccount) => Promise<boolean>;
  /** Runs inside the lock with fresh chain state (the balance check); when it throws, nothing is signed. */
  precheck?: (state: ChainAccount) => void;
  /** Runs after signing, before submitting (to record the tx durably first); when it throws, nothing is submitted. */
  beforeSubmit?: (signed: SubmittedTx<T>) => Promise<void>;
  /** Runs when the node refused the tx that beforeSubmit recorded. */
  onRejected?: (signed: SubmittedTx<T>) => Promise<void>;
}

export class TxSigner {
  private readonly mutex = new AddressMutex();

  constructor(
    private readonly keystore: Keystore,
    private readonly chain: ChainGateway,
    private readonly chainId: () => Promise<string>,
  ) {}

  async signAndSubmit<T extends TxType>(
    account: CustodialAccount,
    type: T,
    payload: TxPayloads[T],
    options: SignOptions<T> = {},
  ): Promise<SubmittedTx<T>> {
    return this.buildAndSubmit(
      account,
      (ctx) => signTx({ type, chainId: ctx.chainId, nonce: ctx.nonce, payload }, ctx.secretKey),
      options,
    );
  }

  /** Like signAndSubmit, with one of the SDK's tx builders (`depositLockTx` and the like). */
  async buildAndSubmit<T extends TxType>(
    account: CustodialAccount,
    build: (ctx: ChainTxContext) => SignedTx<T>,
    options: SignOptions<T> = {},
  ): Promise<SubmittedTx<T>> {
    const chainId = await this.chainId();
    return this.mutex.run(account.address, async () => {
      for (let attempt = 0; ; attempt++) {
        let state = await this.chain.getAccount(account.address);
        if (await options.beforeSign?.(state)) state = await this.chain.getAccount(account.address);
        options.precheck?.(state);
        const tx = await this.keystore.withSecretKey(account.accountId, (secretKey) =>
          build({ chainId, nonce: state.pendingNonce, secretKey }),
        );
        const signed: SubmittedTx<T> = { tx, txHash: txHash(tx) };
        await options.beforeSubmit?.(signed);
        try {
          await this.submit(signed);
          return signed;
        } catch (err) {
          if (err instanceof ChainRejected) await options.onRejected?.(signed);
          if (
            err instanceof ChainRejected &&
            NONCE_REASONS.has(err.reason) &&
            attempt < NONCE_RETRIES
          )
            continue;
          throw err;
        }
      }
    });
  }

  /** Submits an already signed tx again (after a crash or a lost answer). Same bytes, same hash. */
  async resubmit(signed: SubmittedTx): Promise<void> {
    await this.submit(signed);
  }

  private async submit(signed: SubmittedTx): Promise<void> {
    try {
      await this.chain.submit(signed.tx);
    } catch (err) {
      if (err instanceof ChainRejected) throw err;
      // The answer was lost, but the node may have taken the tx: if it knows the hash, it did.
      const known = await this.chain.getTransaction(signed.txHash).catch(() => undefined);
      if (known && known.status !== "unknown") return;
      throw err;
    }
  }
}
