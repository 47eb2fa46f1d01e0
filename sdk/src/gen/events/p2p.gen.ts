// This file is auto-generated from spec/ by scripts/gen.mjs. Do not edit it by hand; run `npm run gen`.

export interface HelloMessage {
  'type': 'hello';
  'protocol': number;
  'chain_id': string;
  'genesis_hash': string;
  'node_id': string;
  'height': number;
  'head_hash': string;
  'weight': number;
}

export interface StatusMessage {
  'type': 'status';
  'height': number;
  'head_hash': string;
  'weight': number;
}

export interface TxGossipMessage {
  'type': 'tx';
  'tx': Transaction;
}

export interface Transaction {
  'type': TransactionType;
  'chain_id': string;
  'from': string;
  'nonce': number;
  'payload': TransactionTransferPayload | TransactionEscrowLockPayload | TransactionEscrowReleasePayload | TransactionMintPayload | TransactionFaucetPayload | TransactionDepositLockPayload | TransactionDepositWithdrawPayload | TransactionDepositReleasePayload | TransactionSettlementBatchPayload | TransactionBondLockPayload | TransactionBondUnlockPayload | TransactionBondReleasePayload | TransactionBondSlashPayload | TransactionPoolPayoutPayload;
  'public_key': string;
  'signature': string;
}

export type TransactionType = "transfer" | "escrow_lock" | "escrow_release" | "mint" | "faucet" | "deposit_lock" | "deposit_withdraw" | "deposit_release" | "settlement_batch" | "bond_lock" | "bond_unlock" | "bond_release" | "bond_slash" | "pool_payout";

export interface TransactionTransferPayload {
  'to': string;
  'amount': string;
}

export interface TransactionEscrowLockPayload {
  'job_id': string;
  'amount': string;
}

export interface TransactionEscrowReleasePayload {
  'job_id': string;
  'paid': string;
  'refund': string;
  'provider'?: string;
  'receipt_hash'?: string;
  'pool_fee'?: string;
}

export interface TransactionMintPayload {
  'to': string;
  'amount': string;
  'reference'?: string;
}

export interface TransactionFaucetPayload {
  'to': string;
  'amount': string;
}

export interface TransactionDepositLockPayload {
  'amount': string;
}

export interface TransactionDepositWithdrawPayload {
  
}

export interface TransactionDepositReleasePayload {
  
}

export interface TransactionSettlementBatchPayload {
  'batch_id': string;
  'receipts_root': string;
  'items': SettlementItem[];
}

export interface SettlementItem {
  'deposit_owner': string;
  'provider': string;
  'paid': string;
  'job_id': string;
  'pool_fee'?: string;
}

export interface TransactionBondLockPayload {
  'amount': string;
}

export interface TransactionBondUnlockPayload {
  
}

export interface TransactionBondReleasePayload {
  
}

export interface TransactionBondSlashPayload {
  'provider': string;
  'job_id': string;
  'customer': string;
  'refund': string;
  'penalty': string;
  'reason': AnonymousSchema_38;
}

export type AnonymousSchema_38 = "spot_check_failed" | "dispute_upheld";

export interface TransactionPoolPayoutPayload {
  'job_id': string;
  'provider': string;
  'amount': string;
  'reason': AnonymousSchema_40;
}

export type AnonymousSchema_40 = "verification_rerun";

export interface TxBatchGossipMessage {
  'type': 'txs';
  'txs': Transaction[];
}

export interface BlockGossipMessage {
  'type': 'block';
  'block': Block;
}

export interface Block {
  'header': BlockHeader;
  'hash': string;
  'signature': string;
  'transactions': Transaction[];
}

export interface BlockHeader {
  'chain_id': string;
  'height': number;
  'prev_hash': string;
  'timestamp': string;
  'proposer': string;
  'round': number;
  'tx_count': number;
  'tx_root': string;
  'state_root': string;
}

export interface GetBlocksMessage {
  'type': 'get_blocks';
  'request_id': string;
  'from_height': number;
  'count': number;
}

export interface BlocksMessage {
  'type': 'blocks';
  'request_id': string;
  'blocks': Block[];
}

export interface NewHeadEvent {
  'type': 'head';
  'block': HeadBlock;
  'tx_hashes': string[];
}

export interface HeadBlock {
  'height': number;
  'hash': string;
  'prev_hash': string;
  'timestamp': string;
  'proposer': string | null;
  'proposer_name': string | null;
  'round': number;
  'tx_count': number;
  'tx_root': string;
  'state_root': string;
  'signature': string | null;
}

export interface NewTransactionEvent {
  'type': 'tx';
  'tx_hash': string;
  'status': NewTransactionStatus;
  'block_height': number | null;
  'tx': Transaction;
}

export type NewTransactionStatus = "pending" | "confirmed";
