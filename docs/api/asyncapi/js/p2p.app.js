
    const schema = {
  "asyncapi": "3.0.0",
  "info": {
    "title": "AITBC Chain Node WebSockets (P2P gossip and client subscriptions)",
    "version": "0.1.0",
    "license": {
      "name": "Apache-2.0",
      "url": "https://www.apache.org/licenses/LICENSE-2.0"
    },
    "description": "The two WebSocket endpoints of an AITBC chain node, on the node's HTTP port.\n\n**`/p2p`: node to node.** Every frame is one JSON object with a `type`. Both sides send `hello`\nfirst; a peer whose `chain_id` or `genesis_hash` differs, or whose first frame is not `hello`,\nis disconnected. Nodes gossip transactions (`tx`, or `txs` for several at once: a node\ncoalesces what it accepted in one tick into one frame per peer) and blocks (`block`) they have\nnot seen before to every other peer, and announce their head (`status`) after each new head and every\nfew seconds. A node that learns of a heavier chain (by `status`, `hello`, or a `block` whose\nparent it does not know) asks that peer for the missing range with `get_blocks` and gets\n`blocks` back, walking back to the common ancestor if the chains forked; it then switches\nchain by the fork-choice rule in docs/chain.md. A peer that sends unparseable or schema-invalid\nframes, transactions with bad signatures or another chain id, or invalid blocks (bad signature,\nproposer not in turn, wrong tx or state root, an invalid transaction) is disconnected with\nclose code 1008 and a reason; so is a peer that says no `hello` within 5 s, leaves a\n`get_blocks` unanswered for 10 s, or claims a head its blocks do not back. Frames are at most\n8 MiB (larger ones close with 1009), a `blocks` answer may hold fewer blocks than asked for\n(the asker asks again from there), and a node asks for at most 64 blocks at a time. A dropped\npeer's address is refused for 10 s, doubling with each further drop up to 1 h: the upgrade is\nanswered `429 Too Many Requests` with `Retry-After`; so is a 9th connection from one address,\nand a 65th inbound connection in all gets `503 Service Unavailable`. Outbound peers\n(`AITBC_PEERS`, comma-separated `ws://…/p2p` URLs) are redialled with backoff.\n\n**`/api/v1/ws`: clients.** No key is needed (chain data is public). Query parameters:\n`topics` (comma-separated `heads`, `txs`; default both) and `address` (only transactions that\nthe address signed or received). The node sends `head` after every new canonical head\n(after a reorg, the new head may be lower than the previous one) and `tx` when a transaction\nenters the mempool (`pending`) and when a block includes it (`confirmed`). Clients send nothing.\nA client that leaves more than 4 MiB of events unread for 5 s is disconnected (1008).\n"
  },
  "defaultContentType": "application/json",
  "servers": {
    "local": {
      "host": "127.0.0.1:19000",
      "protocol": "ws",
      "description": "Local stack (npm start); the other local validators listen on 19001 and 19002."
    }
  },
  "channels": {
    "p2p": {
      "address": "/p2p",
      "title": "Node-to-node gossip and sync",
      "messages": {
        "hello": {
          "name": "hello",
          "title": "Hello",
          "payload": {
            "type": "object",
            "required": [
              "type",
              "protocol",
              "chain_id",
              "genesis_hash",
              "node_id",
              "height",
              "head_hash",
              "weight"
            ],
            "properties": {
              "type": {
                "type": "string",
                "const": "hello",
                "x-parser-schema-id": "<anonymous-schema-1>"
              },
              "protocol": {
                "type": "integer",
                "const": 1,
                "description": "The P2P protocol version.",
                "x-parser-schema-id": "<anonymous-schema-2>"
              },
              "chain_id": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-3>"
              },
              "genesis_hash": {
                "title": "BlockHash",
                "description": "`0x` followed by the hex sha256 of the RFC 8785 canonical JSON of the block header. The genesis block's hash is the genesis hash.",
                "type": "string",
                "pattern": "^0x[0-9a-f]{64}$",
                "examples": [
                  "0x4be1c0d4f1d2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c"
                ],
                "x-parser-schema-id": "<anonymous-schema-4>"
              },
              "node_id": {
                "type": "string",
                "pattern": "^[0-9a-f]{32}$",
                "description": "Random per process; a node that reaches itself (or a peer twice) drops the connection.",
                "x-parser-schema-id": "<anonymous-schema-5>"
              },
              "height": {
                "type": "integer",
                "minimum": 0,
                "x-parser-schema-id": "<anonymous-schema-6>"
              },
              "head_hash": "$ref:$.channels.p2p.messages.hello.payload.properties.genesis_hash",
              "weight": {
                "type": "integer",
                "minimum": 0,
                "description": "The fork-choice weight of the sender's chain (docs/chain.md).",
                "x-parser-schema-id": "<anonymous-schema-7>"
              }
            },
            "additionalProperties": false,
            "examples": [
              {
                "type": "hello",
                "protocol": 1,
                "chain_id": "aitbc-dev",
                "genesis_hash": "0x4be1c0d4f1d2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c",
                "node_id": "9f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f",
                "height": 1290,
                "head_hash": "0x5f0e3c1a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f",
                "weight": 3870
              }
            ],
            "x-parser-schema-id": "HelloMessage"
          },
          "examples": [
            {
              "name": "hello",
              "payload": {
                "type": "hello",
                "protocol": 1,
                "chain_id": "aitbc-dev",
                "genesis_hash": "0x4be1c0d4f1d2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c",
                "node_id": "9f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f",
                "height": 1290,
                "head_hash": "0x71252e7a2792d60b5484b03e27b5c5b3523f41a26b082a192533b001b3abbc11",
                "weight": 3870
              }
            }
          ],
          "x-parser-unique-object-id": "hello"
        },
        "status": {
          "name": "status",
          "title": "Status",
          "payload": {
            "type": "object",
            "required": [
              "type",
              "height",
              "head_hash",
              "weight"
            ],
            "properties": {
              "type": {
                "type": "string",
                "const": "status",
                "x-parser-schema-id": "<anonymous-schema-8>"
              },
              "height": {
                "type": "integer",
                "minimum": 0,
                "x-parser-schema-id": "<anonymous-schema-9>"
              },
              "head_hash": "$ref:$.channels.p2p.messages.hello.payload.properties.genesis_hash",
              "weight": {
                "type": "integer",
                "minimum": 0,
                "x-parser-schema-id": "<anonymous-schema-10>"
              }
            },
            "additionalProperties": false,
            "x-parser-schema-id": "StatusMessage"
          },
          "examples": [
            {
              "name": "status",
              "payload": {
                "type": "status",
                "height": 1290,
                "head_hash": "0x71252e7a2792d60b5484b03e27b5c5b3523f41a26b082a192533b001b3abbc11",
                "weight": 3870
              }
            }
          ],
          "x-parser-unique-object-id": "status"
        },
        "tx": {
          "name": "tx",
          "title": "Transaction gossip",
          "payload": {
            "type": "object",
            "required": [
              "type",
              "tx"
            ],
            "properties": {
              "type": {
                "type": "string",
                "const": "tx",
                "x-parser-schema-id": "<anonymous-schema-11>"
              },
              "tx": {
                "title": "Transaction",
                "description": "A signed AITBC chain transaction (the format of `sdk/src/chain/tx.ts`). The signing input is the\nRFC 8785 (JCS) canonical JSON of the transaction without `signature`; `signature` is the raw\n64-byte ed25519 signature of those bytes, base64url. `from` must be the address of `public_key`.\nThe transaction hash is `0x` + hex sha256 of the JCS of the whole signed transaction.\n`nonce` is the signer's next nonce (0 for a new account). `payload` depends on `type`:\n`transfer` and `faucet` take TransactionTransferPayload / TransactionFaucetPayload,\n`escrow_lock` TransactionEscrowLockPayload, `escrow_release` TransactionEscrowReleasePayload,\n`mint` TransactionMintPayload, `deposit_lock` TransactionDepositLockPayload, `deposit_withdraw`\nTransactionDepositWithdrawPayload, `deposit_release` TransactionDepositReleasePayload,\n`settlement_batch` TransactionSettlementBatchPayload, `bond_lock` TransactionBondLockPayload,\n`bond_unlock` TransactionBondUnlockPayload, `bond_release` TransactionBondReleasePayload,\n`bond_slash` TransactionBondSlashPayload, `pool_payout` TransactionPoolPayoutPayload. Amounts are MicroAmount strings so that the signed bytes are exact.\n",
                "type": "object",
                "required": [
                  "type",
                  "chain_id",
                  "from",
                  "nonce",
                  "payload",
                  "public_key",
                  "signature"
                ],
                "properties": {
                  "type": {
                    "title": "TransactionType",
                    "description": "`transfer` moves AITBC; `escrow_lock` locks a job's budget from the signer (the customer);\n`escrow_release` pays the provider and refunds the customer (only the genesis `settlement_key`\nmay sign it); `mint` creates AITBC (only the genesis `treasury_key`); `faucet` funds an address on\ndev chains (only a validator key). `deposit_lock`, `deposit_withdraw` and `deposit_release`\nmanage the signer's prepaid deposit; `settlement_batch` pays many jobs from deposits at once\n(only the genesis `settlement_key`). `bond_lock`, `bond_unlock` and `bond_release` manage the\nsigner's provider bond; `bond_slash` pays a customer back from a provider's bond and moves a\npenalty into the verification pool (only the genesis `settlement_key`). `pool_payout` pays a\nverification re-run from the pool (only the genesis `settlement_key`).\n",
                    "type": "string",
                    "enum": [
                      "transfer",
                      "escrow_lock",
                      "escrow_release",
                      "mint",
                      "faucet",
                      "deposit_lock",
                      "deposit_withdraw",
                      "deposit_release",
                      "settlement_batch",
                      "bond_lock",
                      "bond_unlock",
                      "bond_release",
                      "bond_slash",
                      "pool_payout"
                    ],
                    "x-parser-schema-id": "<anonymous-schema-13>"
                  },
                  "chain_id": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 64,
                    "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$",
                    "x-parser-schema-id": "<anonymous-schema-14>"
                  },
                  "from": {
                    "title": "Address",
                    "description": "A chain address, `aitbc` followed by the hex of the first 20 bytes of sha256(ed25519 public key).",
                    "type": "string",
                    "pattern": "^aitbc[0-9a-f]{40}$",
                    "examples": [
                      "aitbc3f7a2b0c9d8e1f4a5b6c7d8e9f0a1b2c3d4e5f6a"
                    ],
                    "x-parser-schema-id": "<anonymous-schema-15>"
                  },
                  "nonce": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 9007199254740991,
                    "x-parser-schema-id": "<anonymous-schema-16>"
                  },
                  "payload": {
                    "anyOf": [
                      {
                        "title": "TransactionTransferPayload",
                        "description": "`transfer`: moves `amount` (micro-AITBC, above zero) from the signer to `to`.",
                        "type": "object",
                        "required": [
                          "to",
                          "amount"
                        ],
                        "properties": {
                          "to": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.from",
                          "amount": {
                            "title": "MicroAmount",
                            "description": "An exact amount in integer micro-AITBC (1 AITBC = 1,000,000), as a decimal string. Used where amounts are signed (chain transactions).",
                            "type": "string",
                            "pattern": "^(0|[1-9][0-9]{0,18})$",
                            "examples": [
                              "100000000"
                            ],
                            "x-parser-schema-id": "<anonymous-schema-19>"
                          }
                        },
                        "additionalProperties": false,
                        "x-parser-schema-id": "<anonymous-schema-18>"
                      },
                      {
                        "title": "TransactionEscrowLockPayload",
                        "description": "`escrow_lock` (signed by the customer): locks `amount` (micro-AITBC, above zero) from the signer's balance for `job_id`. A job id can be locked once, ever.",
                        "type": "object",
                        "required": [
                          "job_id",
                          "amount"
                        ],
                        "properties": {
                          "job_id": {
                            "title": "Id",
                            "description": "An identifier chosen by a caller or generated by a server. Lowercase letters, digits, `-`, `_`, `.` and `:`.",
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 128,
                            "pattern": "^[A-Za-z0-9][A-Za-z0-9._:-]*$",
                            "x-parser-schema-id": "<anonymous-schema-21>"
                          },
                          "amount": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.payload.anyOf[0].properties.amount"
                        },
                        "additionalProperties": false,
                        "x-parser-schema-id": "<anonymous-schema-20>"
                      },
                      {
                        "title": "TransactionEscrowReleasePayload",
                        "description": "`escrow_release` (only the genesis `settlement_key` may sign it): closes the escrow of `job_id`.\n`paid` goes to `provider` (required when `paid` is above zero), `refund` goes back to the account\nthat locked it; `paid + refund` must equal the locked amount. A refund is a release with `paid: \"0\"`.\n`receipt_hash` anchors the job's receipt (`sha256:` + hex). An escrow is released once.\n`pool_fee` (default \"0\" when absent) is the part of `paid` that goes to the verification pool\ninstead of the provider: the provider gets `paid - pool_fee`. A `pool_fee` above `paid` is\nrefused (`invalid_payload`).\n",
                        "type": "object",
                        "required": [
                          "job_id",
                          "paid",
                          "refund"
                        ],
                        "properties": {
                          "job_id": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.payload.anyOf[1].properties.job_id",
                          "paid": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.payload.anyOf[0].properties.amount",
                          "refund": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.payload.anyOf[0].properties.amount",
                          "provider": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.from",
                          "receipt_hash": {
                            "type": "string",
                            "pattern": "^sha256:[0-9a-f]{64}$",
                            "x-parser-schema-id": "<anonymous-schema-23>"
                          },
                          "pool_fee": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.payload.anyOf[0].properties.amount"
                        },
                        "additionalProperties": false,
                        "x-parser-schema-id": "<anonymous-schema-22>"
                      },
                      {
                        "title": "TransactionMintPayload",
                        "description": "`mint` (only the genesis `treasury_key`): credits `amount` (micro-AITBC, above zero) to `to`; `reference` says what for (for example the exchange order id).",
                        "type": "object",
                        "required": [
                          "to",
                          "amount"
                        ],
                        "properties": {
                          "to": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.from",
                          "amount": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.payload.anyOf[0].properties.amount",
                          "reference": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": 128,
                            "x-parser-schema-id": "<anonymous-schema-25>"
                          }
                        },
                        "additionalProperties": false,
                        "x-parser-schema-id": "<anonymous-schema-24>"
                      },
                      {
                        "title": "TransactionFaucetPayload",
                        "description": "`faucet` (dev chains only, signed by a validator key): credits `amount` (micro-AITBC, above zero) to `to`.",
                        "type": "object",
                        "required": [
                          "to",
                          "amount"
                        ],
                        "properties": {
                          "to": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.from",
                          "amount": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.payload.anyOf[0].properties.amount"
                        },
                        "additionalProperties": false,
                        "x-parser-schema-id": "<anonymous-schema-26>"
                      },
                      {
                        "title": "TransactionDepositLockPayload",
                        "description": "`deposit_lock` (signed by the customer): moves `amount` (micro-AITBC, at least the genesis `min_escrow`) from the signer's balance into the signer's deposit. One deposit per address: a second lock tops it up, and a lock during the withdrawal delay cancels the withdrawal.",
                        "type": "object",
                        "required": [
                          "amount"
                        ],
                        "properties": {
                          "amount": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.payload.anyOf[0].properties.amount"
                        },
                        "additionalProperties": false,
                        "examples": [
                          {
                            "amount": "50000000"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-27>"
                      },
                      {
                        "title": "TransactionDepositWithdrawPayload",
                        "description": "`deposit_withdraw` (signed by the deposit's owner): starts the withdrawal delay of the signer's deposit (genesis `deposit_withdraw_delay_blocks`). Settlements may still draw from the deposit during the delay. The payload is empty.",
                        "type": "object",
                        "additionalProperties": false,
                        "maxProperties": 0,
                        "examples": [
                          {}
                        ],
                        "x-parser-schema-id": "<anonymous-schema-28>"
                      },
                      {
                        "title": "TransactionDepositReleasePayload",
                        "description": "`deposit_release` (signed by the deposit's owner): once the block height has reached the deposit's `unlock_height`, returns what is left of the deposit to the owner's balance and closes it. The payload is empty.",
                        "type": "object",
                        "additionalProperties": false,
                        "maxProperties": 0,
                        "examples": [
                          {}
                        ],
                        "x-parser-schema-id": "<anonymous-schema-29>"
                      },
                      {
                        "title": "TransactionSettlementBatchPayload",
                        "description": "`settlement_batch` (only the genesis `settlement_key` may sign it): for each item, moves `paid`\nfrom the deposit of `deposit_owner`, `paid - pool_fee` to the balance of `provider` and `pool_fee`\nto the verification pool, and marks `job_id` paid. The\nwhole transaction is refused, with nothing applied, when an item would take a deposit below zero,\na job id was already paid (from a deposit or an escrow) or repeats in the batch, or `batch_id`\nwas used before. `receipts_root` anchors the Merkle root of the batch's receipt hashes\n(`merkleRoot` in the SDK); `GET /api/v1/settlements/{batch_id}` shows it.\n",
                        "type": "object",
                        "required": [
                          "batch_id",
                          "receipts_root",
                          "items"
                        ],
                        "properties": {
                          "batch_id": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.payload.anyOf[1].properties.job_id",
                          "receipts_root": {
                            "type": "string",
                            "description": "`0x` + 64 lowercase hex digits: the Merkle root of the batch's receipt hashes.",
                            "pattern": "^0x[0-9a-f]{64}$",
                            "x-parser-schema-id": "<anonymous-schema-31>"
                          },
                          "items": {
                            "type": "array",
                            "minItems": 1,
                            "maxItems": 512,
                            "items": {
                              "title": "SettlementItem",
                              "description": "One job of a `settlement_batch`, paid from a deposit to a provider. `pool_fee` (default \"0\" when\nabsent) is the part of `paid` that goes to the verification pool instead of the provider; a\n`pool_fee` above `paid` is refused (`invalid_payload`).\n",
                              "type": "object",
                              "required": [
                                "deposit_owner",
                                "provider",
                                "paid",
                                "job_id"
                              ],
                              "properties": {
                                "deposit_owner": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.from",
                                "provider": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.from",
                                "paid": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.payload.anyOf[0].properties.amount",
                                "job_id": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.payload.anyOf[1].properties.job_id",
                                "pool_fee": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.payload.anyOf[0].properties.amount"
                              },
                              "additionalProperties": false,
                              "examples": [
                                {
                                  "deposit_owner": "aitbcfe812c12f3ab4ce6ac5db69ac352f906cb1b11ef",
                                  "provider": "aitbcdbc298251c51321b7266e78d1c151c2b62aff8cb",
                                  "paid": "2500000",
                                  "job_id": "707c75d0910e49e2965196bce0127ba1"
                                }
                              ],
                              "x-parser-schema-id": "<anonymous-schema-33>"
                            },
                            "x-parser-schema-id": "<anonymous-schema-32>"
                          }
                        },
                        "additionalProperties": false,
                        "examples": [
                          {
                            "batch_id": "batch-2026-12-03-0001",
                            "receipts_root": "0x5e1c3d2f8a9b0c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d",
                            "items": [
                              {
                                "deposit_owner": "aitbcfe812c12f3ab4ce6ac5db69ac352f906cb1b11ef",
                                "provider": "aitbcdbc298251c51321b7266e78d1c151c2b62aff8cb",
                                "paid": "2500000",
                                "job_id": "707c75d0910e49e2965196bce0127ba1"
                              }
                            ]
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-30>"
                      },
                      {
                        "title": "TransactionBondLockPayload",
                        "description": "`bond_lock` (signed by the provider): moves `amount` (micro-AITBC, above zero) from the signer's balance into the signer's bond, which a provider holds to list a service. One bond per address: a second lock tops it up, and a lock during the unlock delay cancels the unlock.",
                        "type": "object",
                        "required": [
                          "amount"
                        ],
                        "properties": {
                          "amount": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.payload.anyOf[0].properties.amount"
                        },
                        "additionalProperties": false,
                        "examples": [
                          {
                            "amount": "100000000"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-34>"
                      },
                      {
                        "title": "TransactionBondUnlockPayload",
                        "description": "`bond_unlock` (signed by the bond's owner): starts the unlock delay of the signer's bond (genesis `bond_unlock_delay_blocks`). The bond may still be slashed during the delay. The payload is empty.",
                        "type": "object",
                        "additionalProperties": false,
                        "maxProperties": 0,
                        "examples": [
                          {}
                        ],
                        "x-parser-schema-id": "<anonymous-schema-35>"
                      },
                      {
                        "title": "TransactionBondReleasePayload",
                        "description": "`bond_release` (signed by the bond's owner): once the block height has reached the bond's `unlock_height`, returns what is left of the bond to the owner's balance and closes it. The payload is empty.",
                        "type": "object",
                        "additionalProperties": false,
                        "maxProperties": 0,
                        "examples": [
                          {}
                        ],
                        "x-parser-schema-id": "<anonymous-schema-36>"
                      },
                      {
                        "title": "TransactionBondSlashPayload",
                        "description": "`bond_slash` (only the genesis `settlement_key` may sign it): takes `refund + penalty` from the\nbond of `provider`, pays `refund` to the job's `customer` and moves `penalty` into the\nverification pool (`GET /api/v1/verification-pool`). `refund + penalty` must be above zero. The\nwhole transaction is refused, with nothing applied, when the provider has no bond, the bond holds\nless than `refund + penalty`, or `job_id` was slashed before. A bond being unlocked can still be\nslashed.\n",
                        "type": "object",
                        "required": [
                          "provider",
                          "job_id",
                          "customer",
                          "refund",
                          "penalty",
                          "reason"
                        ],
                        "properties": {
                          "provider": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.from",
                          "job_id": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.payload.anyOf[1].properties.job_id",
                          "customer": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.from",
                          "refund": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.payload.anyOf[0].properties.amount",
                          "penalty": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.payload.anyOf[0].properties.amount",
                          "reason": {
                            "type": "string",
                            "enum": [
                              "spot_check_failed",
                              "dispute_upheld"
                            ],
                            "description": "`spot_check_failed`: a re-run of the job did not match the provider's output; `dispute_upheld`: the customer's dispute of the job was upheld.",
                            "x-parser-schema-id": "<anonymous-schema-38>"
                          }
                        },
                        "additionalProperties": false,
                        "examples": [
                          {
                            "provider": "aitbcdbc298251c51321b7266e78d1c151c2b62aff8cb",
                            "job_id": "707c75d0910e49e2965196bce0127ba1",
                            "customer": "aitbcfe812c12f3ab4ce6ac5db69ac352f906cb1b11ef",
                            "refund": "2500000",
                            "penalty": "1000000",
                            "reason": "spot_check_failed"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-37>"
                      },
                      {
                        "title": "TransactionPoolPayoutPayload",
                        "description": "`pool_payout` (only the genesis `settlement_key` may sign it): pays `amount` from the\nverification pool (`GET /api/v1/verification-pool`) to `provider`, whose miner re-ran `job_id`\nto check another provider's work. The pool is funded by the `pool_fee` of escrow releases and\nsettlement batch items and by slash penalties. `amount` must be above zero. The whole transaction\nis refused, with nothing applied, when the pool holds less than `amount` (`pool_insufficient`) or\n`job_id` was paid from the pool before (`pool_payout_exists`).\n",
                        "type": "object",
                        "required": [
                          "job_id",
                          "provider",
                          "amount",
                          "reason"
                        ],
                        "properties": {
                          "job_id": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.payload.anyOf[1].properties.job_id",
                          "provider": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.from",
                          "amount": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.payload.anyOf[0].properties.amount",
                          "reason": {
                            "type": "string",
                            "enum": [
                              "verification_rerun"
                            ],
                            "description": "`verification_rerun`: the provider's miner re-ran a job for a spot check or a dispute.",
                            "x-parser-schema-id": "<anonymous-schema-40>"
                          }
                        },
                        "additionalProperties": false,
                        "examples": [
                          {
                            "job_id": "9c1e0d4b7a2f4e3c8b6a5d4c3b2a1f0e",
                            "provider": "aitbcdbc298251c51321b7266e78d1c151c2b62aff8cb",
                            "amount": "125000",
                            "reason": "verification_rerun"
                          }
                        ],
                        "x-parser-schema-id": "<anonymous-schema-39>"
                      }
                    ],
                    "x-parser-schema-id": "<anonymous-schema-17>"
                  },
                  "public_key": {
                    "title": "PublicKey",
                    "description": "A raw 32-byte ed25519 public key, base64url without padding.",
                    "type": "string",
                    "pattern": "^[A-Za-z0-9_-]{43}$",
                    "x-parser-schema-id": "<anonymous-schema-41>"
                  },
                  "signature": {
                    "type": "string",
                    "description": "The raw 64-byte ed25519 signature, base64url without padding.",
                    "pattern": "^[A-Za-z0-9_-]{86}$",
                    "x-parser-schema-id": "<anonymous-schema-42>"
                  }
                },
                "additionalProperties": false,
                "examples": [
                  {
                    "type": "transfer",
                    "chain_id": "aitbc-dev",
                    "from": "aitbcfe812c12f3ab4ce6ac5db69ac352f906cb1b11ef",
                    "nonce": 0,
                    "payload": {
                      "to": "aitbcdbc298251c51321b7266e78d1c151c2b62aff8cb",
                      "amount": "25500000"
                    },
                    "public_key": "6kpsY-KcUgq-9VB7Ey7F-ZVHdq6-vnuSQh7qaRRG0iw",
                    "signature": "MFbOFJVJGf_C3w-f0RSr1CqAHlH5EEuDbx6qea0ZdS2n6lth7vts4WYViKQu879DZL4Uj0GGhJra8Odnsj7NCQ"
                  }
                ],
                "x-parser-schema-id": "<anonymous-schema-12>"
              }
            },
            "additionalProperties": false,
            "x-parser-schema-id": "TxGossipMessage"
          },
          "examples": [
            {
              "name": "transfer",
              "payload": {
                "type": "tx",
                "tx": {
                  "type": "transfer",
                  "chain_id": "aitbc-dev",
                  "from": "aitbcfe812c12f3ab4ce6ac5db69ac352f906cb1b11ef",
                  "nonce": 0,
                  "payload": {
                    "to": "aitbcdbc298251c51321b7266e78d1c151c2b62aff8cb",
                    "amount": "25500000"
                  },
                  "public_key": "6kpsY-KcUgq-9VB7Ey7F-ZVHdq6-vnuSQh7qaRRG0iw",
                  "signature": "MFbOFJVJGf_C3w-f0RSr1CqAHlH5EEuDbx6qea0ZdS2n6lth7vts4WYViKQu879DZL4Uj0GGhJra8Odnsj7NCQ"
                }
              }
            }
          ],
          "x-parser-unique-object-id": "tx"
        },
        "txs": {
          "name": "txs",
          "title": "Transaction batch gossip",
          "payload": {
            "type": "object",
            "required": [
              "type",
              "txs"
            ],
            "properties": {
              "type": {
                "type": "string",
                "const": "txs",
                "x-parser-schema-id": "<anonymous-schema-43>"
              },
              "txs": {
                "type": "array",
                "minItems": 1,
                "maxItems": 1000,
                "items": "$ref:$.channels.p2p.messages.tx.payload.properties.tx",
                "x-parser-schema-id": "<anonymous-schema-44>"
              }
            },
            "additionalProperties": false,
            "x-parser-schema-id": "TxBatchGossipMessage"
          },
          "examples": [
            {
              "name": "two",
              "payload": {
                "type": "txs",
                "txs": [
                  {
                    "type": "transfer",
                    "chain_id": "aitbc-dev",
                    "from": "aitbcfe812c12f3ab4ce6ac5db69ac352f906cb1b11ef",
                    "nonce": 0,
                    "payload": {
                      "to": "aitbcdbc298251c51321b7266e78d1c151c2b62aff8cb",
                      "amount": "25500000"
                    },
                    "public_key": "6kpsY-KcUgq-9VB7Ey7F-ZVHdq6-vnuSQh7qaRRG0iw",
                    "signature": "MFbOFJVJGf_C3w-f0RSr1CqAHlH5EEuDbx6qea0ZdS2n6lth7vts4WYViKQu879DZL4Uj0GGhJra8Odnsj7NCQ"
                  },
                  {
                    "type": "transfer",
                    "chain_id": "aitbc-dev",
                    "from": "aitbcfe812c12f3ab4ce6ac5db69ac352f906cb1b11ef",
                    "nonce": 0,
                    "payload": {
                      "to": "aitbcdbc298251c51321b7266e78d1c151c2b62aff8cb",
                      "amount": "25500000"
                    },
                    "public_key": "6kpsY-KcUgq-9VB7Ey7F-ZVHdq6-vnuSQh7qaRRG0iw",
                    "signature": "MFbOFJVJGf_C3w-f0RSr1CqAHlH5EEuDbx6qea0ZdS2n6lth7vts4WYViKQu879DZL4Uj0GGhJra8Odnsj7NCQ"
                  }
                ]
              }
            }
          ],
          "x-parser-unique-object-id": "txs"
        },
        "block": {
          "name": "block",
          "title": "Block gossip",
          "payload": {
            "type": "object",
            "required": [
              "type",
              "block"
            ],
            "properties": {
              "type": {
                "type": "string",
                "const": "block",
                "x-parser-schema-id": "<anonymous-schema-45>"
              },
              "block": {
                "title": "Block",
                "description": "A signed block as the nodes exchange it over P2P.",
                "type": "object",
                "required": [
                  "header",
                  "hash",
                  "signature",
                  "transactions"
                ],
                "properties": {
                  "header": {
                    "title": "BlockHeader",
                    "description": "The signed part of a block. The block hash is `0x` + hex sha256 of the RFC 8785 (JCS) canonical\nJSON of the header, and the proposer signs those same bytes with ed25519. The proposer of height\n`h` in round `r` is `validators[(h + r) mod n]` of the genesis file; `r` is 0 for the in-turn\nvalidator and grows when earlier proposers missed their slot (see docs/chain.md).\n",
                    "type": "object",
                    "required": [
                      "chain_id",
                      "height",
                      "prev_hash",
                      "timestamp",
                      "proposer",
                      "round",
                      "tx_count",
                      "tx_root",
                      "state_root"
                    ],
                    "properties": {
                      "chain_id": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-48>"
                      },
                      "height": {
                        "type": "integer",
                        "minimum": 1,
                        "x-parser-schema-id": "<anonymous-schema-49>"
                      },
                      "prev_hash": "$ref:$.channels.p2p.messages.hello.payload.properties.genesis_hash",
                      "timestamp": {
                        "title": "Timestamp",
                        "description": "An RFC 3339 date-time in UTC.",
                        "type": "string",
                        "format": "date-time",
                        "examples": [
                          "2026-11-25T12:00:00.000Z"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-50>"
                      },
                      "proposer": "$ref:$.channels.p2p.messages.tx.payload.properties.tx.properties.public_key",
                      "round": {
                        "type": "integer",
                        "minimum": 0,
                        "x-parser-schema-id": "<anonymous-schema-51>"
                      },
                      "tx_count": {
                        "type": "integer",
                        "minimum": 0,
                        "x-parser-schema-id": "<anonymous-schema-52>"
                      },
                      "tx_root": {
                        "description": "`0x` + hex sha256 of the JCS array of the block's transaction hashes, in block order.",
                        "type": "string",
                        "pattern": "^0x[0-9a-f]{64}$",
                        "x-parser-schema-id": "<anonymous-schema-53>"
                      },
                      "state_root": {
                        "description": "`0x` + hex sha256 of the canonical state after applying the block (see docs/chain.md).",
                        "type": "string",
                        "pattern": "^0x[0-9a-f]{64}$",
                        "x-parser-schema-id": "<anonymous-schema-54>"
                      }
                    },
                    "additionalProperties": false,
                    "x-parser-schema-id": "<anonymous-schema-47>"
                  },
                  "hash": "$ref:$.channels.p2p.messages.hello.payload.properties.genesis_hash",
                  "signature": {
                    "type": "string",
                    "description": "The proposer's ed25519 signature of the JCS of `header`, base64url.",
                    "pattern": "^[A-Za-z0-9_-]{86}$",
                    "x-parser-schema-id": "<anonymous-schema-55>"
                  },
                  "transactions": {
                    "type": "array",
                    "items": "$ref:$.channels.p2p.messages.tx.payload.properties.tx",
                    "x-parser-schema-id": "<anonymous-schema-56>"
                  }
                },
                "additionalProperties": false,
                "x-parser-schema-id": "<anonymous-schema-46>"
              }
            },
            "additionalProperties": false,
            "x-parser-schema-id": "BlockGossipMessage"
          },
          "examples": [
            {
              "name": "block",
              "payload": {
                "type": "block",
                "block": {
                  "header": {
                    "chain_id": "aitbc-dev",
                    "height": 1290,
                    "prev_hash": "0x4be1c0d4f1d2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c",
                    "timestamp": "2026-11-25T12:21:30.000Z",
                    "round": 0,
                    "tx_count": 1,
                    "tx_root": "0xe9c4c76d6cab5d747a75e3a030e0071557a5662f31df37aadeb404c84e4fe59a",
                    "state_root": "0x9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b",
                    "proposer": "bnoc3Smwt4_ROvTFWY_v9O8qlxZuPKby5Pv8zYBQW_E"
                  },
                  "hash": "0x71252e7a2792d60b5484b03e27b5c5b3523f41a26b082a192533b001b3abbc11",
                  "signature": "PT2DZxjmuBEhsa2V6ZC8KV_Uhtd8SdBWLgu_v2HjjSKfEFClqhqPBMg6gZO6Zxn-1w4sIYAoXZRdWwzd1bjpAA",
                  "transactions": [
                    {
                      "type": "transfer",
                      "chain_id": "aitbc-dev",
                      "from": "aitbcfe812c12f3ab4ce6ac5db69ac352f906cb1b11ef",
                      "nonce": 0,
                      "payload": {
                        "to": "aitbcdbc298251c51321b7266e78d1c151c2b62aff8cb",
                        "amount": "25500000"
                      },
                      "public_key": "6kpsY-KcUgq-9VB7Ey7F-ZVHdq6-vnuSQh7qaRRG0iw",
                      "signature": "MFbOFJVJGf_C3w-f0RSr1CqAHlH5EEuDbx6qea0ZdS2n6lth7vts4WYViKQu879DZL4Uj0GGhJra8Odnsj7NCQ"
                    }
                  ]
                }
              }
            }
          ],
          "x-parser-unique-object-id": "block"
        },
        "getBlocks": {
          "name": "get_blocks",
          "title": "Block range request",
          "payload": {
            "type": "object",
            "required": [
              "type",
              "request_id",
              "from_height",
              "count"
            ],
            "properties": {
              "type": {
                "type": "string",
                "const": "get_blocks",
                "x-parser-schema-id": "<anonymous-schema-57>"
              },
              "request_id": {
                "type": "string",
                "minLength": 1,
                "maxLength": 64,
                "x-parser-schema-id": "<anonymous-schema-58>"
              },
              "from_height": {
                "type": "integer",
                "minimum": 1,
                "x-parser-schema-id": "<anonymous-schema-59>"
              },
              "count": {
                "type": "integer",
                "minimum": 1,
                "maximum": 256,
                "x-parser-schema-id": "<anonymous-schema-60>"
              }
            },
            "additionalProperties": false,
            "x-parser-schema-id": "GetBlocksMessage"
          },
          "examples": [
            {
              "name": "range",
              "payload": {
                "type": "get_blocks",
                "request_id": "5f2a9c0d1e3b4a67",
                "from_height": 1290,
                "count": 128
              }
            }
          ],
          "x-parser-unique-object-id": "getBlocks"
        },
        "blocks": {
          "name": "blocks",
          "title": "Block range response",
          "payload": {
            "type": "object",
            "required": [
              "type",
              "request_id",
              "blocks"
            ],
            "properties": {
              "type": {
                "type": "string",
                "const": "blocks",
                "x-parser-schema-id": "<anonymous-schema-61>"
              },
              "request_id": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-62>"
              },
              "blocks": {
                "type": "array",
                "maxItems": 256,
                "description": "Consecutive canonical blocks from `from_height`, ascending; fewer than asked (or none) at the sender's head.",
                "items": "$ref:$.channels.p2p.messages.block.payload.properties.block",
                "x-parser-schema-id": "<anonymous-schema-63>"
              }
            },
            "additionalProperties": false,
            "x-parser-schema-id": "BlocksMessage"
          },
          "examples": [
            {
              "name": "range",
              "payload": {
                "type": "blocks",
                "request_id": "5f2a9c0d1e3b4a67",
                "blocks": [
                  {
                    "header": {
                      "chain_id": "aitbc-dev",
                      "height": 1290,
                      "prev_hash": "0x4be1c0d4f1d2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c",
                      "timestamp": "2026-11-25T12:21:30.000Z",
                      "round": 0,
                      "tx_count": 1,
                      "tx_root": "0xe9c4c76d6cab5d747a75e3a030e0071557a5662f31df37aadeb404c84e4fe59a",
                      "state_root": "0x9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b",
                      "proposer": "bnoc3Smwt4_ROvTFWY_v9O8qlxZuPKby5Pv8zYBQW_E"
                    },
                    "hash": "0x71252e7a2792d60b5484b03e27b5c5b3523f41a26b082a192533b001b3abbc11",
                    "signature": "PT2DZxjmuBEhsa2V6ZC8KV_Uhtd8SdBWLgu_v2HjjSKfEFClqhqPBMg6gZO6Zxn-1w4sIYAoXZRdWwzd1bjpAA",
                    "transactions": [
                      {
                        "type": "transfer",
                        "chain_id": "aitbc-dev",
                        "from": "aitbcfe812c12f3ab4ce6ac5db69ac352f906cb1b11ef",
                        "nonce": 0,
                        "payload": {
                          "to": "aitbcdbc298251c51321b7266e78d1c151c2b62aff8cb",
                          "amount": "25500000"
                        },
                        "public_key": "6kpsY-KcUgq-9VB7Ey7F-ZVHdq6-vnuSQh7qaRRG0iw",
                        "signature": "MFbOFJVJGf_C3w-f0RSr1CqAHlH5EEuDbx6qea0ZdS2n6lth7vts4WYViKQu879DZL4Uj0GGhJra8Odnsj7NCQ"
                      }
                    ]
                  }
                ]
              }
            }
          ],
          "x-parser-unique-object-id": "blocks"
        }
      },
      "x-parser-unique-object-id": "p2p"
    },
    "clientFeed": {
      "address": "/api/v1/ws",
      "title": "New heads and new transactions for clients",
      "messages": {
        "head": {
          "name": "head",
          "title": "New head",
          "payload": {
            "type": "object",
            "required": [
              "type",
              "block",
              "tx_hashes"
            ],
            "properties": {
              "type": {
                "type": "string",
                "const": "head",
                "x-parser-schema-id": "<anonymous-schema-64>"
              },
              "block": {
                "type": "object",
                "description": "The same fields as BlockSummary in spec/openapi/node.yaml.",
                "required": [
                  "height",
                  "hash",
                  "prev_hash",
                  "timestamp",
                  "proposer",
                  "proposer_name",
                  "round",
                  "tx_count",
                  "tx_root",
                  "state_root",
                  "signature"
                ],
                "properties": {
                  "height": {
                    "type": "integer",
                    "x-parser-schema-id": "<anonymous-schema-65>"
                  },
                  "hash": "$ref:$.channels.p2p.messages.hello.payload.properties.genesis_hash",
                  "prev_hash": "$ref:$.channels.p2p.messages.hello.payload.properties.genesis_hash",
                  "timestamp": "$ref:$.channels.p2p.messages.block.payload.properties.block.properties.header.properties.timestamp",
                  "proposer": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "x-parser-schema-id": "<anonymous-schema-66>"
                  },
                  "proposer_name": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "x-parser-schema-id": "<anonymous-schema-67>"
                  },
                  "round": {
                    "type": "integer",
                    "x-parser-schema-id": "<anonymous-schema-68>"
                  },
                  "tx_count": {
                    "type": "integer",
                    "x-parser-schema-id": "<anonymous-schema-69>"
                  },
                  "tx_root": {
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-70>"
                  },
                  "state_root": {
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-71>"
                  },
                  "signature": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "x-parser-schema-id": "<anonymous-schema-72>"
                  }
                },
                "additionalProperties": false,
                "x-parser-schema-id": "HeadBlock"
              },
              "tx_hashes": {
                "type": "array",
                "items": {
                  "title": "TxHash",
                  "description": "`0x` followed by the hex sha256 of the RFC 8785 canonical JSON of the signed transaction.",
                  "type": "string",
                  "pattern": "^0x[0-9a-f]{64}$",
                  "examples": [
                    "0x9c1d2e3f4a5b6c7d8e9f00112233445566778899aabbccddeeff001122334455"
                  ],
                  "x-parser-schema-id": "<anonymous-schema-74>"
                },
                "x-parser-schema-id": "<anonymous-schema-73>"
              }
            },
            "additionalProperties": false,
            "x-parser-schema-id": "NewHeadEvent"
          },
          "examples": [
            {
              "name": "head",
              "payload": {
                "type": "head",
                "block": {
                  "height": 1290,
                  "hash": "0x71252e7a2792d60b5484b03e27b5c5b3523f41a26b082a192533b001b3abbc11",
                  "prev_hash": "0x4be1c0d4f1d2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c",
                  "timestamp": "2026-11-25T12:21:30.000Z",
                  "proposer": "bnoc3Smwt4_ROvTFWY_v9O8qlxZuPKby5Pv8zYBQW_E",
                  "proposer_name": "validator-1",
                  "round": 0,
                  "tx_count": 1,
                  "tx_root": "0xe9c4c76d6cab5d747a75e3a030e0071557a5662f31df37aadeb404c84e4fe59a",
                  "state_root": "0x9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b",
                  "signature": "PT2DZxjmuBEhsa2V6ZC8KV_Uhtd8SdBWLgu_v2HjjSKfEFClqhqPBMg6gZO6Zxn-1w4sIYAoXZRdWwzd1bjpAA"
                },
                "tx_hashes": [
                  "0x118331b044eda2b4e4d1d943bb015ed4765b41b84b826d6f7c0681f507307574"
                ]
              }
            }
          ],
          "x-parser-unique-object-id": "head"
        },
        "tx": {
          "name": "tx",
          "title": "New transaction",
          "payload": {
            "type": "object",
            "required": [
              "type",
              "tx_hash",
              "status",
              "block_height",
              "tx"
            ],
            "properties": {
              "type": {
                "type": "string",
                "const": "tx",
                "x-parser-schema-id": "<anonymous-schema-75>"
              },
              "tx_hash": "$ref:$.channels.clientFeed.messages.head.payload.properties.tx_hashes.items",
              "status": {
                "title": "NewTransactionStatus",
                "type": "string",
                "enum": [
                  "pending",
                  "confirmed"
                ],
                "x-parser-schema-id": "<anonymous-schema-76>"
              },
              "block_height": {
                "type": [
                  "integer",
                  "null"
                ],
                "x-parser-schema-id": "<anonymous-schema-77>"
              },
              "tx": "$ref:$.channels.p2p.messages.tx.payload.properties.tx"
            },
            "additionalProperties": false,
            "x-parser-schema-id": "NewTransactionEvent"
          },
          "examples": [
            {
              "name": "pending",
              "payload": {
                "type": "tx",
                "tx_hash": "0x118331b044eda2b4e4d1d943bb015ed4765b41b84b826d6f7c0681f507307574",
                "status": "pending",
                "block_height": null,
                "tx": {
                  "type": "transfer",
                  "chain_id": "aitbc-dev",
                  "from": "aitbcfe812c12f3ab4ce6ac5db69ac352f906cb1b11ef",
                  "nonce": 0,
                  "payload": {
                    "to": "aitbcdbc298251c51321b7266e78d1c151c2b62aff8cb",
                    "amount": "25500000"
                  },
                  "public_key": "6kpsY-KcUgq-9VB7Ey7F-ZVHdq6-vnuSQh7qaRRG0iw",
                  "signature": "MFbOFJVJGf_C3w-f0RSr1CqAHlH5EEuDbx6qea0ZdS2n6lth7vts4WYViKQu879DZL4Uj0GGhJra8Odnsj7NCQ"
                }
              }
            },
            {
              "name": "confirmed",
              "payload": {
                "type": "tx",
                "tx_hash": "0x118331b044eda2b4e4d1d943bb015ed4765b41b84b826d6f7c0681f507307574",
                "status": "confirmed",
                "block_height": 1290,
                "tx": {
                  "type": "transfer",
                  "chain_id": "aitbc-dev",
                  "from": "aitbcfe812c12f3ab4ce6ac5db69ac352f906cb1b11ef",
                  "nonce": 0,
                  "payload": {
                    "to": "aitbcdbc298251c51321b7266e78d1c151c2b62aff8cb",
                    "amount": "25500000"
                  },
                  "public_key": "6kpsY-KcUgq-9VB7Ey7F-ZVHdq6-vnuSQh7qaRRG0iw",
                  "signature": "MFbOFJVJGf_C3w-f0RSr1CqAHlH5EEuDbx6qea0ZdS2n6lth7vts4WYViKQu879DZL4Uj0GGhJra8Odnsj7NCQ"
                }
              }
            }
          ],
          "x-parser-unique-object-id": "tx"
        }
      },
      "x-parser-unique-object-id": "clientFeed"
    }
  },
  "operations": {
    "sendHello": {
      "action": "send",
      "channel": "$ref:$.channels.p2p",
      "summary": "Introduce this node to a peer, first thing on a new connection.",
      "messages": [
        "$ref:$.channels.p2p.messages.hello"
      ],
      "x-parser-unique-object-id": "sendHello"
    },
    "receiveHello": {
      "action": "receive",
      "channel": "$ref:$.channels.p2p",
      "summary": "A peer introduces itself; a different chain or genesis closes the connection.",
      "messages": [
        "$ref:$.channels.p2p.messages.hello"
      ],
      "x-parser-unique-object-id": "receiveHello"
    },
    "sendStatus": {
      "action": "send",
      "channel": "$ref:$.channels.p2p",
      "summary": "Announce this node's head.",
      "messages": [
        "$ref:$.channels.p2p.messages.status"
      ],
      "x-parser-unique-object-id": "sendStatus"
    },
    "receiveStatus": {
      "action": "receive",
      "channel": "$ref:$.channels.p2p",
      "summary": "A peer's head; a heavier one starts a sync from that peer.",
      "messages": [
        "$ref:$.channels.p2p.messages.status"
      ],
      "x-parser-unique-object-id": "receiveStatus"
    },
    "sendTx": {
      "action": "send",
      "channel": "$ref:$.channels.p2p",
      "summary": "Gossip a transaction this node accepted into its mempool.",
      "messages": [
        "$ref:$.channels.p2p.messages.tx"
      ],
      "x-parser-unique-object-id": "sendTx"
    },
    "receiveTx": {
      "action": "receive",
      "channel": "$ref:$.channels.p2p",
      "summary": "A peer gossips a transaction; it is checked like a submission and relayed if new.",
      "messages": [
        "$ref:$.channels.p2p.messages.tx"
      ],
      "x-parser-unique-object-id": "receiveTx"
    },
    "sendTxs": {
      "action": "send",
      "channel": "$ref:$.channels.p2p",
      "summary": "Gossip several transactions accepted in the same tick, in acceptance order.",
      "messages": [
        "$ref:$.channels.p2p.messages.txs"
      ],
      "x-parser-unique-object-id": "sendTxs"
    },
    "receiveTxs": {
      "action": "receive",
      "channel": "$ref:$.channels.p2p",
      "summary": "A peer gossips several transactions; each is handled as a `tx`, in order.",
      "messages": [
        "$ref:$.channels.p2p.messages.txs"
      ],
      "x-parser-unique-object-id": "receiveTxs"
    },
    "sendBlock": {
      "action": "send",
      "channel": "$ref:$.channels.p2p",
      "summary": "Gossip a block this node proposed or accepted.",
      "messages": [
        "$ref:$.channels.p2p.messages.block"
      ],
      "x-parser-unique-object-id": "sendBlock"
    },
    "receiveBlock": {
      "action": "receive",
      "channel": "$ref:$.channels.p2p",
      "summary": "A peer gossips a block; it is checked in full and relayed if it becomes (or extends) the head.",
      "messages": [
        "$ref:$.channels.p2p.messages.block"
      ],
      "x-parser-unique-object-id": "receiveBlock"
    },
    "sendGetBlocks": {
      "action": "send",
      "channel": "$ref:$.channels.p2p",
      "summary": "Ask a peer for a range of its canonical blocks.",
      "messages": [
        "$ref:$.channels.p2p.messages.getBlocks"
      ],
      "x-parser-unique-object-id": "sendGetBlocks"
    },
    "receiveGetBlocks": {
      "action": "receive",
      "channel": "$ref:$.channels.p2p",
      "summary": "A peer asks for a range of this node's canonical blocks.",
      "messages": [
        "$ref:$.channels.p2p.messages.getBlocks"
      ],
      "x-parser-unique-object-id": "receiveGetBlocks"
    },
    "sendBlocks": {
      "action": "send",
      "channel": "$ref:$.channels.p2p",
      "summary": "Answer a get_blocks request.",
      "messages": [
        "$ref:$.channels.p2p.messages.blocks"
      ],
      "x-parser-unique-object-id": "sendBlocks"
    },
    "receiveBlocks": {
      "action": "receive",
      "channel": "$ref:$.channels.p2p",
      "summary": "A peer answers a get_blocks request.",
      "messages": [
        "$ref:$.channels.p2p.messages.blocks"
      ],
      "x-parser-unique-object-id": "receiveBlocks"
    },
    "publishHead": {
      "action": "send",
      "channel": "$ref:$.channels.clientFeed",
      "summary": "Tell clients about a new canonical head.",
      "messages": [
        "$ref:$.channels.clientFeed.messages.head"
      ],
      "x-parser-unique-object-id": "publishHead"
    },
    "publishTransaction": {
      "action": "send",
      "channel": "$ref:$.channels.clientFeed",
      "summary": "Tell clients about a transaction entering the mempool or a block.",
      "messages": [
        "$ref:$.channels.clientFeed.messages.tx"
      ],
      "x-parser-unique-object-id": "publishTransaction"
    }
  },
  "components": {
    "messages": {
      "Hello": "$ref:$.channels.p2p.messages.hello",
      "Status": "$ref:$.channels.p2p.messages.status",
      "TxGossip": "$ref:$.channels.p2p.messages.tx",
      "TxBatchGossip": "$ref:$.channels.p2p.messages.txs",
      "BlockGossip": "$ref:$.channels.p2p.messages.block",
      "GetBlocks": "$ref:$.channels.p2p.messages.getBlocks",
      "Blocks": "$ref:$.channels.p2p.messages.blocks",
      "NewHead": "$ref:$.channels.clientFeed.messages.head",
      "NewTransaction": "$ref:$.channels.clientFeed.messages.tx"
    },
    "schemas": {
      "HelloMessage": "$ref:$.channels.p2p.messages.hello.payload",
      "StatusMessage": "$ref:$.channels.p2p.messages.status.payload",
      "TxGossipMessage": "$ref:$.channels.p2p.messages.tx.payload",
      "TxBatchGossipMessage": "$ref:$.channels.p2p.messages.txs.payload",
      "BlockGossipMessage": "$ref:$.channels.p2p.messages.block.payload",
      "GetBlocksMessage": "$ref:$.channels.p2p.messages.getBlocks.payload",
      "BlocksMessage": "$ref:$.channels.p2p.messages.blocks.payload",
      "NewHeadEvent": "$ref:$.channels.clientFeed.messages.head.payload",
      "HeadBlock": "$ref:$.channels.clientFeed.messages.head.payload.properties.block",
      "NewTransactionEvent": "$ref:$.channels.clientFeed.messages.tx.payload"
    }
  },
  "x-parser-spec-parsed": true,
  "x-parser-api-version": 3,
  "x-parser-spec-stringified": true
};
    const config = {"show":{"sidebar":true},"sidebar":{"showOperations":"byDefault"}};
    const appRoot = document.getElementById('root');
    AsyncApiStandalone.render(
        { schema, config, }, appRoot
    );
  