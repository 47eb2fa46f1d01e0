import { addressFromPublicKey } from "@aitbc/sdk";
import type { NodeDeps } from "../deps.js";
import type { NodeHandlers } from "../routes.gen.js";

export function chainRoutes(deps: NodeDeps): NodeHandlers<"getChain" | "getSyncStatus"> {
  const { env } = deps.node;
  return {
    getChain() {
      const g = env.genesis;
      return {
        status: 200,
        body: {
          chain_id: g.chain_id,
          genesis_hash: env.genesisHash,
          genesis_time: deps.node.chain.genesis.timestamp,
          dev: g.dev,
          block_time_ms: g.block_time_ms,
          round_timeout_ms: env.roundTimeoutMs,
          validators: g.validators.map((v) => ({
            name: v.name,
            public_key: v.public_key,
            address: addressFromPublicKey(v.public_key),
          })),
          settlement_key: g.settlement_key,
          treasury_key: g.treasury_key,
          min_escrow_micro: env.rules.minEscrow.toString(),
          deposit_withdraw_delay_blocks: env.rules.depositWithdrawDelay,
          bond_unlock_delay_blocks: env.rules.bondUnlockDelay,
        },
      };
    },

    getSyncStatus() {
      const head = deps.node.chain.head;
      const finalized = deps.node.chain.finalized;
      const me = deps.node.identity;
      return {
        status: 200,
        body: {
          chain_id: env.rules.chainId,
          genesis_hash: env.genesisHash,
          height: head.height,
          head_hash: head.hash,
          state_root: head.stateRoot,
          weight: head.weight,
          finalized_height: finalized.height,
          finalized_hash: finalized.hash,
          syncing: deps.network.syncer.syncing,
          best_peer_height: deps.network.bestPeerHeight(),
          mempool_size: deps.node.mempool.size,
          validator: me ? { name: me.name, public_key: me.publicKey, address: me.address } : null,
          peers: deps.network.peerInfo(),
        },
      };
    },
  };
}
