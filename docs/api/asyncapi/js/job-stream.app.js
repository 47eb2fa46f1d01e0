
    const schema = {
  "asyncapi": "3.0.0",
  "info": {
    "title": "AITBC Job Stream",
    "version": "0.1.0",
    "license": {
      "name": "Apache-2.0",
      "url": "https://www.apache.org/licenses/LICENSE-2.0"
    },
    "description": "Live events of one job, served by the coordinator as a WebSocket at\n`ws://127.0.0.1:18000/v1/jobs/{job_id}/stream`. Only the job's customer and admins of its\ntenant may subscribe. The API key goes in the `X-API-Key` header or, from browsers, in the\n`api_key` query parameter. A refused subscription is accepted and then closed at once with\ncode 4000 + the HTTP status it would have had (4400 bad `last_seq`, 4401 missing or invalid\nkey, 4404 no such job or not yours, 4429 `rate_limited`: the key already holds its limit of\nopen stream sockets, 32 by default, `AITBC_STREAM_SOCKETS_PER_KEY`) and the problem `code`\n(for example `not_found`) as the close reason, because browsers cannot read the status of a\nrefused upgrade. A subscriber that leaves more than 4 MiB of events unread\n(`AITBC_STREAM_MAX_BUFFERED_BYTES`) is disconnected without a close frame; it resumes with\n`?last_seq=N` once it can keep up.\n\nEvery message is one JSON object with a per-job sequence number `seq` (1, 2, 3, …) with no\ngaps. Events are stored: a client that reconnects with `?last_seq=N` first receives every\nevent after N in order, then live ones. The `result` event is the last one; the server closes\nthe socket (code 1000) after sending it. A client that connects after the result with\n`last_seq` at or past it gets the socket closed at once.\n\nA disputed job (`POST /v1/jobs/{job_id}/disputes`) gets `dispute` events after its result:\n`open`, `rerunning`, then one of `upheld`, `rejected`, `unverifiable`. To follow a dispute,\nsubscribe with `last_seq` at the result's seq (or earlier): while the dispute is undecided the\nsocket stays open after the last stored event, and it closes (code 1000) after the dispute's\nfinal event. A replay closes after the result when no dispute event follows it.\n"
  },
  "defaultContentType": "application/json",
  "servers": {
    "local": {
      "host": "127.0.0.1:18000",
      "protocol": "ws",
      "description": "The coordinator of the local stack.",
      "security": [
        {
          "type": "httpApiKey",
          "name": "X-API-Key",
          "in": "header"
        },
        {
          "type": "httpApiKey",
          "name": "api_key",
          "in": "query"
        }
      ]
    }
  },
  "channels": {
    "jobStream": {
      "address": "/v1/jobs/{job_id}/stream",
      "title": "A job's event stream",
      "parameters": {
        "job_id": {
          "description": "The job id (32 lowercase hex characters)."
        }
      },
      "bindings": {
        "ws": {
          "query": {
            "type": "object",
            "properties": {
              "last_seq": {
                "type": "integer",
                "minimum": 0,
                "description": "The last sequence number the client saw; every later event is replayed."
              },
              "api_key": {
                "type": "string",
                "description": "The API key, for clients that cannot set headers (browsers)."
              }
            }
          },
          "headers": {
            "type": "object",
            "properties": {
              "X-API-Key": {
                "type": "string"
              }
            }
          }
        }
      },
      "messages": {
        "jobStatus": {
          "name": "jobStatus",
          "title": "Job status changed",
          "summary": "The job moved to a new state (queued, assigned, running, completed, failed, expired, cancelled).",
          "payload": {
            "type": "object",
            "title": "JobStatusEvent",
            "required": [
              "seq",
              "job_id",
              "type",
              "at",
              "data"
            ],
            "additionalProperties": false,
            "properties": {
              "seq": {
                "type": "integer",
                "minimum": 1,
                "x-parser-schema-id": "<anonymous-schema-2>"
              },
              "job_id": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-3>"
              },
              "type": {
                "type": "string",
                "const": "status",
                "x-parser-schema-id": "<anonymous-schema-4>"
              },
              "at": {
                "title": "Timestamp",
                "description": "An RFC 3339 date-time in UTC.",
                "type": "string",
                "format": "date-time",
                "examples": [
                  "2026-11-25T12:00:00.000Z"
                ],
                "x-parser-schema-id": "<anonymous-schema-5>"
              },
              "data": {
                "type": "object",
                "title": "JobStatusData",
                "required": [
                  "status"
                ],
                "additionalProperties": false,
                "properties": {
                  "status": {
                    "type": "string",
                    "title": "JobStreamStatus",
                    "enum": [
                      "queued",
                      "assigned",
                      "running",
                      "completed",
                      "failed",
                      "expired",
                      "cancelled"
                    ],
                    "x-parser-schema-id": "<anonymous-schema-6>"
                  },
                  "reason": {
                    "type": "string",
                    "description": "Why, for example `lease_expired` (back in the queue), `ttl_expired`, `cancelled_by_customer`.",
                    "x-parser-schema-id": "<anonymous-schema-7>"
                  },
                  "miner_id": {
                    "type": "string",
                    "description": "The miner holding the job (for `assigned`).",
                    "x-parser-schema-id": "<anonymous-schema-8>"
                  }
                },
                "x-parser-schema-id": "JobStatusData"
              }
            },
            "x-parser-schema-id": "JobStatusEvent"
          },
          "examples": [
            {
              "name": "assigned",
              "payload": {
                "seq": 2,
                "job_id": "707c75d0910e49e2965196bce0127ba1",
                "type": "status",
                "at": "2026-11-25T12:00:01.000Z",
                "data": {
                  "status": "assigned",
                  "miner_id": "miner-gpu-01"
                }
              }
            },
            {
              "name": "requeued",
              "payload": {
                "seq": 5,
                "job_id": "707c75d0910e49e2965196bce0127ba1",
                "type": "status",
                "at": "2026-11-25T12:00:40.000Z",
                "data": {
                  "status": "queued",
                  "reason": "lease_expired"
                }
              }
            }
          ],
          "x-parser-unique-object-id": "jobStatus"
        },
        "jobProgress": {
          "name": "jobProgress",
          "title": "Job progress",
          "summary": "A chunk of output (a token) or a log line from the miner.",
          "payload": {
            "type": "object",
            "title": "JobProgressEvent",
            "required": [
              "seq",
              "job_id",
              "type",
              "at",
              "data"
            ],
            "additionalProperties": false,
            "properties": {
              "seq": {
                "type": "integer",
                "minimum": 1,
                "x-parser-schema-id": "<anonymous-schema-9>"
              },
              "job_id": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-10>"
              },
              "type": {
                "type": "string",
                "const": "progress",
                "x-parser-schema-id": "<anonymous-schema-11>"
              },
              "at": "$ref:$.channels.jobStream.messages.jobStatus.payload.properties.at",
              "data": {
                "type": "object",
                "title": "JobProgressData",
                "required": [
                  "kind",
                  "text"
                ],
                "additionalProperties": false,
                "properties": {
                  "kind": {
                    "type": "string",
                    "title": "JobProgressKind",
                    "enum": [
                      "token",
                      "log"
                    ],
                    "x-parser-schema-id": "<anonymous-schema-12>"
                  },
                  "text": {
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-13>"
                  }
                },
                "x-parser-schema-id": "JobProgressData"
              }
            },
            "x-parser-schema-id": "JobProgressEvent"
          },
          "examples": [
            {
              "name": "token",
              "payload": {
                "seq": 4,
                "job_id": "707c75d0910e49e2965196bce0127ba1",
                "type": "progress",
                "at": "2026-11-25T12:00:02.000Z",
                "data": {
                  "kind": "token",
                  "text": "Hello"
                }
              }
            }
          ],
          "x-parser-unique-object-id": "jobProgress"
        },
        "jobResult": {
          "name": "jobResult",
          "title": "Job result (final event)",
          "summary": "The job finished; carries the output, the countersigned receipt and the payment for a completed job.",
          "payload": {
            "type": "object",
            "title": "JobResultEvent",
            "required": [
              "seq",
              "job_id",
              "type",
              "at",
              "data"
            ],
            "additionalProperties": false,
            "properties": {
              "seq": {
                "type": "integer",
                "minimum": 1,
                "x-parser-schema-id": "<anonymous-schema-14>"
              },
              "job_id": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-15>"
              },
              "type": {
                "type": "string",
                "const": "result",
                "x-parser-schema-id": "<anonymous-schema-16>"
              },
              "at": "$ref:$.channels.jobStream.messages.jobStatus.payload.properties.at",
              "data": {
                "type": "object",
                "title": "JobResultData",
                "required": [
                  "status"
                ],
                "additionalProperties": false,
                "properties": {
                  "status": {
                    "type": "string",
                    "title": "JobFinalStatus",
                    "enum": [
                      "completed",
                      "failed",
                      "expired",
                      "cancelled"
                    ],
                    "x-parser-schema-id": "<anonymous-schema-17>"
                  },
                  "output": {
                    "type": "object",
                    "title": "JobStreamOutput",
                    "required": [
                      "text",
                      "finish_reason"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "text": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-18>"
                      },
                      "finish_reason": {
                        "type": "string",
                        "title": "JobFinishReason",
                        "enum": [
                          "stop",
                          "length",
                          "budget",
                          "cancelled"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-19>"
                      }
                    },
                    "x-parser-schema-id": "JobStreamOutput"
                  },
                  "receipt": {
                    "title": "Receipt",
                    "description": "A signed record of one job's execution. The signing input is the RFC 8785 (JCS) canonical JSON of\nthe receipt without `signatures`. The miner signs with its provider's key, then the coordinator\nadds its attestation with a key published at `GET /v1/keys`. The receipt hash anchored on chain\nis the hex sha256 of the JCS of the whole receipt, signatures included.\nTest vectors: `spec/receipts/vectors/`.\n",
                    "type": "object",
                    "required": [
                      "receipt_id",
                      "job_id",
                      "service_id",
                      "provider_id",
                      "customer_id",
                      "model",
                      "input_hash",
                      "output_hash",
                      "units",
                      "unit_type",
                      "unit_price",
                      "cost",
                      "started_at",
                      "completed_at",
                      "chain_id",
                      "signatures"
                    ],
                    "properties": {
                      "receipt_id": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-21>"
                      },
                      "job_id": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-22>"
                      },
                      "service_id": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-23>"
                      },
                      "provider_id": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-24>"
                      },
                      "customer_id": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-25>"
                      },
                      "miner_id": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-26>"
                      },
                      "model": {
                        "type": "string",
                        "description": "The model name as served, for example `aitbc-tiny:latest`.",
                        "x-parser-schema-id": "<anonymous-schema-27>"
                      },
                      "model_digest": {
                        "type": "string",
                        "description": "`sha256:` and the hex digest of the model file (GGUF) or the Ollama model digest.",
                        "x-parser-schema-id": "<anonymous-schema-28>"
                      },
                      "input_hash": {
                        "type": "string",
                        "description": "`sha256:` and the hex digest of the UTF-8 prompt (or the canonical JSON of the requirements).",
                        "x-parser-schema-id": "<anonymous-schema-29>"
                      },
                      "output_hash": {
                        "type": "string",
                        "description": "`sha256:` and the hex digest of the UTF-8 output.",
                        "x-parser-schema-id": "<anonymous-schema-30>"
                      },
                      "units": {
                        "type": "string",
                        "description": "The metered quantity as a decimal string (for `gpu_seconds`, with up to 3 decimals).",
                        "x-parser-schema-id": "<anonymous-schema-31>"
                      },
                      "unit_type": {
                        "type": "string",
                        "enum": [
                          "gpu_seconds",
                          "tokens"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-32>"
                      },
                      "unit_price": {
                        "title": "MicroAmount",
                        "description": "An exact amount in integer micro-AITBC (1 AITBC = 1,000,000), as a decimal string. Used where amounts are signed (chain transactions).",
                        "type": "string",
                        "pattern": "^(0|[1-9][0-9]{0,18})$",
                        "examples": [
                          "100000000"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-33>"
                      },
                      "input_unit_price": "$ref:$.channels.jobStream.messages.jobResult.payload.properties.data.properties.receipt.properties.unit_price",
                      "cost": "$ref:$.channels.jobStream.messages.jobResult.payload.properties.data.properties.receipt.properties.unit_price",
                      "tokens_in": {
                        "type": "integer",
                        "minimum": 0,
                        "x-parser-schema-id": "<anonymous-schema-34>"
                      },
                      "tokens_out": {
                        "type": "integer",
                        "minimum": 0,
                        "x-parser-schema-id": "<anonymous-schema-35>"
                      },
                      "seed": {
                        "type": "integer",
                        "minimum": 0,
                        "maximum": 4294967295,
                        "description": "The seed the sampler ran with (the job's, or one the miner drew).",
                        "x-parser-schema-id": "<anonymous-schema-36>"
                      },
                      "temperature": {
                        "type": "string",
                        "pattern": "^[0-9]+(\\.[0-9]+)?(e-[0-9]+)?$",
                        "description": "The sampling temperature the executor ran with, as a decimal string (the shortest form of\nthe number, as JSON writes it: `\"0\"`, `\"0.8\"`), so the signed bytes are exact.\n",
                        "x-parser-schema-id": "<anonymous-schema-37>"
                      },
                      "executor": {
                        "type": "string",
                        "maxLength": 100,
                        "description": "The executor that ran the model, for example `llamacpp` or `ollama`.",
                        "x-parser-schema-id": "<anonymous-schema-38>"
                      },
                      "executor_version": {
                        "type": "string",
                        "maxLength": 200,
                        "description": "Its version and backend, for example `node-llama-cpp 3.21.1; llama.cpp b6000; cpu`: two runs\nagree byte for byte only on the same executor, version and model digest.\n",
                        "x-parser-schema-id": "<anonymous-schema-39>"
                      },
                      "started_at": "$ref:$.channels.jobStream.messages.jobStatus.payload.properties.at",
                      "completed_at": "$ref:$.channels.jobStream.messages.jobStatus.payload.properties.at",
                      "chain_id": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-40>"
                      },
                      "signatures": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                          "title": "Signature",
                          "description": "An ed25519 signature over the RFC 8785 canonical JSON of the signed object without its `signatures`.",
                          "type": "object",
                          "required": [
                            "alg",
                            "key_id",
                            "public_key",
                            "sig"
                          ],
                          "properties": {
                            "alg": {
                              "type": "string",
                              "enum": [
                                "ed25519"
                              ],
                              "x-parser-schema-id": "<anonymous-schema-43>"
                            },
                            "key_id": {
                              "type": "string",
                              "description": "Who signed, for example `provider:gpu-compute-pro` or `coordinator:2026-11`.",
                              "x-parser-schema-id": "<anonymous-schema-44>"
                            },
                            "public_key": {
                              "title": "PublicKey",
                              "description": "A raw 32-byte ed25519 public key, base64url without padding.",
                              "type": "string",
                              "pattern": "^[A-Za-z0-9_-]{43}$",
                              "x-parser-schema-id": "<anonymous-schema-45>"
                            },
                            "sig": {
                              "type": "string",
                              "description": "The raw 64-byte signature, base64url without padding.",
                              "pattern": "^[A-Za-z0-9_-]{86}$",
                              "x-parser-schema-id": "<anonymous-schema-46>"
                            }
                          },
                          "additionalProperties": false,
                          "x-parser-schema-id": "<anonymous-schema-42>"
                        },
                        "x-parser-schema-id": "<anonymous-schema-41>"
                      }
                    },
                    "additionalProperties": false,
                    "x-parser-schema-id": "<anonymous-schema-20>"
                  },
                  "receipt_hash": {
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-47>"
                  },
                  "payment": {
                    "type": "object",
                    "title": "JobStreamPayment",
                    "description": "The same object as `payment` in the coordinator's job views.",
                    "required": [
                      "status",
                      "funding",
                      "amount",
                      "paid",
                      "refund",
                      "lock_tx_hash",
                      "tx_hash",
                      "batch_id"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "status": {
                        "type": "string",
                        "title": "JobPaymentStatus",
                        "enum": [
                          "locked",
                          "settled",
                          "refunded"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-48>"
                      },
                      "funding": {
                        "type": "string",
                        "title": "JobPaymentFunding",
                        "enum": [
                          "escrow",
                          "deposit",
                          "verification"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-49>"
                      },
                      "amount": {
                        "title": "Amount",
                        "description": "An amount of AITBC as a JSON number with at most 6 decimal places (1 AITBC = 1,000,000 micro-AITBC).\nImplementations must convert it to integer micro-AITBC without floating-point arithmetic\n(parse the number's decimal text) and reject more than 6 decimals with `validation_failed`.\n",
                        "type": "number",
                        "minimum": 0,
                        "maximum": 8000000000,
                        "examples": [
                          100,
                          2.5
                        ],
                        "x-parser-schema-id": "<anonymous-schema-50>"
                      },
                      "paid": {
                        "type": [
                          "number",
                          "null"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-51>"
                      },
                      "refund": {
                        "type": [
                          "number",
                          "null"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-52>"
                      },
                      "lock_tx_hash": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-53>"
                      },
                      "tx_hash": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-54>"
                      },
                      "batch_id": {
                        "type": [
                          "string",
                          "null"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-55>"
                      }
                    },
                    "x-parser-schema-id": "JobStreamPayment"
                  },
                  "failure": {
                    "type": "object",
                    "title": "JobStreamFailure",
                    "required": [
                      "code",
                      "message"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "code": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-56>"
                      },
                      "message": {
                        "type": "string",
                        "x-parser-schema-id": "<anonymous-schema-57>"
                      }
                    },
                    "x-parser-schema-id": "JobStreamFailure"
                  }
                },
                "x-parser-schema-id": "JobResultData"
              }
            },
            "x-parser-schema-id": "JobResultEvent"
          },
          "examples": [
            {
              "name": "failed",
              "payload": {
                "seq": 9,
                "job_id": "707c75d0910e49e2965196bce0127ba1",
                "type": "result",
                "at": "2026-11-25T12:00:13.400Z",
                "data": {
                  "status": "failed",
                  "failure": {
                    "code": "model_not_found",
                    "message": "The model is not installed on this host."
                  },
                  "payment": {
                    "status": "locked",
                    "funding": "escrow",
                    "amount": 5,
                    "paid": 0,
                    "refund": 5,
                    "lock_tx_hash": "0x9c1d2e3f4a5b6c7d8e9f00112233445566778899aabbccddeeff001122334455",
                    "tx_hash": null,
                    "batch_id": null
                  }
                }
              }
            }
          ],
          "x-parser-unique-object-id": "jobResult"
        },
        "jobDispute": {
          "name": "jobDispute",
          "title": "Dispute progress",
          "summary": "The job's dispute moved to a new state (open, rerunning, upheld, rejected, unverifiable).",
          "payload": {
            "type": "object",
            "title": "JobDisputeEvent",
            "required": [
              "seq",
              "job_id",
              "type",
              "at",
              "data"
            ],
            "additionalProperties": false,
            "properties": {
              "seq": {
                "type": "integer",
                "minimum": 1,
                "x-parser-schema-id": "<anonymous-schema-58>"
              },
              "job_id": {
                "type": "string",
                "x-parser-schema-id": "<anonymous-schema-59>"
              },
              "type": {
                "type": "string",
                "const": "dispute",
                "x-parser-schema-id": "<anonymous-schema-60>"
              },
              "at": "$ref:$.channels.jobStream.messages.jobStatus.payload.properties.at",
              "data": {
                "type": "object",
                "title": "JobDisputeData",
                "required": [
                  "dispute_id",
                  "status"
                ],
                "additionalProperties": false,
                "properties": {
                  "dispute_id": {
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-61>"
                  },
                  "status": {
                    "type": "string",
                    "title": "JobDisputeStatus",
                    "enum": [
                      "open",
                      "rerunning",
                      "upheld",
                      "rejected",
                      "unverifiable"
                    ],
                    "x-parser-schema-id": "<anonymous-schema-62>"
                  },
                  "verdict": {
                    "type": "string",
                    "description": "Why the re-run agreed, disagreed or could not decide (final states).",
                    "x-parser-schema-id": "<anonymous-schema-63>"
                  },
                  "rerun_job_id": {
                    "type": "string",
                    "description": "The re-run job (from `rerunning` on).",
                    "x-parser-schema-id": "<anonymous-schema-64>"
                  },
                  "refund": "$ref:$.channels.jobStream.messages.jobResult.payload.properties.data.properties.payment.properties.amount",
                  "fee": "$ref:$.channels.jobStream.messages.jobResult.payload.properties.data.properties.payment.properties.amount"
                },
                "x-parser-schema-id": "JobDisputeData"
              }
            },
            "x-parser-schema-id": "JobDisputeEvent"
          },
          "examples": [
            {
              "name": "upheld",
              "payload": {
                "seq": 12,
                "job_id": "707c75d0910e49e2965196bce0127ba1",
                "type": "dispute",
                "at": "2026-11-25T12:05:00.000Z",
                "data": {
                  "dispute_id": "3f0c7d2e9b1a4c5d8e7f6a5b4c3d2e1f",
                  "status": "upheld",
                  "verdict": "exact: outputs differ",
                  "rerun_job_id": "9a8b7c6d5e4f30211203f4e5d6c7b8a9",
                  "refund": 0.0125
                }
              }
            }
          ],
          "x-parser-unique-object-id": "jobDispute"
        }
      },
      "x-parser-unique-object-id": "jobStream"
    }
  },
  "operations": {
    "receiveJobEvents": {
      "action": "receive",
      "title": "Receive a job's events",
      "summary": "The client receives the job's status changes, progress chunks and final result, in seq order.",
      "channel": "$ref:$.channels.jobStream",
      "messages": [
        "$ref:$.channels.jobStream.messages.jobStatus",
        "$ref:$.channels.jobStream.messages.jobProgress",
        "$ref:$.channels.jobStream.messages.jobResult",
        "$ref:$.channels.jobStream.messages.jobDispute"
      ],
      "x-parser-unique-object-id": "receiveJobEvents"
    }
  },
  "components": {
    "securitySchemes": {
      "apiKeyHeader": "$ref:$.servers.local.security[0]",
      "apiKeyQuery": "$ref:$.servers.local.security[1]"
    },
    "messages": {
      "jobStatus": "$ref:$.channels.jobStream.messages.jobStatus",
      "jobProgress": "$ref:$.channels.jobStream.messages.jobProgress",
      "jobResult": "$ref:$.channels.jobStream.messages.jobResult",
      "jobDispute": "$ref:$.channels.jobStream.messages.jobDispute"
    },
    "schemas": {
      "JobDisputeEvent": "$ref:$.channels.jobStream.messages.jobDispute.payload",
      "JobDisputeData": "$ref:$.channels.jobStream.messages.jobDispute.payload.properties.data",
      "JobStatusEvent": "$ref:$.channels.jobStream.messages.jobStatus.payload",
      "JobStatusData": "$ref:$.channels.jobStream.messages.jobStatus.payload.properties.data",
      "JobProgressEvent": "$ref:$.channels.jobStream.messages.jobProgress.payload",
      "JobProgressData": "$ref:$.channels.jobStream.messages.jobProgress.payload.properties.data",
      "JobResultEvent": "$ref:$.channels.jobStream.messages.jobResult.payload",
      "JobResultData": "$ref:$.channels.jobStream.messages.jobResult.payload.properties.data",
      "JobStreamOutput": "$ref:$.channels.jobStream.messages.jobResult.payload.properties.data.properties.output",
      "JobStreamFailure": "$ref:$.channels.jobStream.messages.jobResult.payload.properties.data.properties.failure",
      "JobStreamPayment": "$ref:$.channels.jobStream.messages.jobResult.payload.properties.data.properties.payment"
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
  