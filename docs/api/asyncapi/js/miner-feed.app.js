
    const schema = {
  "asyncapi": "3.0.0",
  "info": {
    "title": "AITBC Miner Feed",
    "version": "0.1.0",
    "license": {
      "name": "Apache-2.0",
      "url": "https://www.apache.org/licenses/LICENSE-2.0"
    },
    "description": "What the coordinator tells a miner, seen as events. The transport is the HTTP miner protocol\nof spec/openapi/coordinator.yaml (all calls with the provider's key in `X-API-Key`):\n\n- `jobAssigned` is the 200 answer of the long-poll `POST /v1/miners/{miner_id}/claim`\n  (204 when nothing arrived within `wait_s`). The job is held under a lease until it expires.\n- `leasesRenewed` is the answer of `POST /v1/miners/{miner_id}/heartbeat`: the leases it\n  extended and the jobs the miner must abort (cancelled by the customer, expired, or whose\n  lease was lost).\n\nThe miner answers with `POST /v1/jobs/{job_id}/progress`, `/complete` or `/fail`, quoting the\n`lease_id`, or hands a job back with `/release` (it is queued again at once, for another\nminer). A report under a lease that expired, moved or was released is 409 `lease_lost`.\n"
  },
  "defaultContentType": "application/json",
  "servers": {
    "local": {
      "host": "127.0.0.1:18000",
      "protocol": "http",
      "description": "The coordinator of the local stack.",
      "security": [
        {
          "type": "httpApiKey",
          "name": "X-API-Key",
          "in": "header"
        }
      ]
    }
  },
  "channels": {
    "minerClaim": {
      "address": "/v1/miners/{miner_id}/claim",
      "title": "Job assignments (long-poll claim)",
      "parameters": {
        "miner_id": {
          "description": "The miner id returned by registerMiner."
        }
      },
      "bindings": {
        "http": {
          "method": "POST"
        }
      },
      "messages": {
        "jobAssigned": {
          "name": "jobAssigned",
          "title": "Job assigned",
          "summary": "A job the miner may run, with its lease.",
          "payload": {
            "type": "object",
            "title": "JobAssignment",
            "required": [
              "job",
              "lease"
            ],
            "additionalProperties": false,
            "properties": {
              "job": {
                "type": "object",
                "title": "AssignedJob",
                "required": [
                  "job_id",
                  "service_id",
                  "provider_id",
                  "customer_id",
                  "requirements",
                  "budget",
                  "pricing",
                  "expires_at",
                  "chain_id"
                ],
                "additionalProperties": false,
                "properties": {
                  "job_id": {
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-2>"
                  },
                  "service_id": {
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-3>"
                  },
                  "provider_id": {
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-4>"
                  },
                  "customer_id": {
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-5>"
                  },
                  "requirements": {
                    "title": "AssignedJobRequirements",
                    "description": "As the customer submitted them (an inference request or a workload description).",
                    "oneOf": [
                      {
                        "type": "object",
                        "title": "InferenceRequest",
                        "required": [
                          "task_type",
                          "model",
                          "prompt"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "task_type": {
                            "type": "string",
                            "const": "inference",
                            "x-parser-schema-id": "<anonymous-schema-7>"
                          },
                          "model": {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-8>"
                          },
                          "prompt": {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-9>"
                          },
                          "max_tokens": {
                            "type": "integer",
                            "x-parser-schema-id": "<anonymous-schema-10>"
                          },
                          "temperature": {
                            "type": "number",
                            "description": "Sampling temperature; absent means 0.",
                            "x-parser-schema-id": "<anonymous-schema-11>"
                          },
                          "seed": {
                            "type": "integer",
                            "minimum": 0,
                            "maximum": 4294967295,
                            "description": "The sampler's seed; absent means the miner draws one (and records it in the receipt).",
                            "x-parser-schema-id": "<anonymous-schema-12>"
                          }
                        },
                        "x-parser-schema-id": "InferenceRequest"
                      },
                      {
                        "type": "object",
                        "title": "WorkloadRequest",
                        "required": [
                          "task_type"
                        ],
                        "additionalProperties": false,
                        "properties": {
                          "task_type": {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-13>"
                          },
                          "framework": {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-14>"
                          },
                          "dataset_size": {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-15>"
                          },
                          "estimated_duration": {
                            "type": "string",
                            "x-parser-schema-id": "<anonymous-schema-16>"
                          }
                        },
                        "x-parser-schema-id": "WorkloadRequest"
                      }
                    ],
                    "x-parser-schema-id": "<anonymous-schema-6>"
                  },
                  "budget": {
                    "type": "object",
                    "title": "AssignedJobBudget",
                    "required": [
                      "max_cost",
                      "max_cost_micro"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "max_cost": {
                        "title": "Amount",
                        "description": "An amount of AITBC as a JSON number with at most 6 decimal places (1 AITBC = 1,000,000 micro-AITBC).\nImplementations must convert it to integer micro-AITBC without floating-point arithmetic\n(parse the number's decimal text) and reject more than 6 decimals with `validation_failed`.\n",
                        "type": "number",
                        "minimum": 0,
                        "maximum": 8000000000,
                        "examples": [
                          100,
                          2.5
                        ],
                        "x-parser-schema-id": "<anonymous-schema-17>"
                      },
                      "max_cost_micro": {
                        "title": "MicroAmount",
                        "description": "An exact amount in integer micro-AITBC (1 AITBC = 1,000,000), as a decimal string. Used where amounts are signed (chain transactions).",
                        "type": "string",
                        "pattern": "^(0|[1-9][0-9]{0,18})$",
                        "examples": [
                          "100000000"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-18>"
                      }
                    },
                    "x-parser-schema-id": "AssignedJobBudget"
                  },
                  "pricing": {
                    "type": "object",
                    "title": "AssignedJobPricing",
                    "required": [
                      "unit_type",
                      "unit_price"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "unit_type": {
                        "type": "string",
                        "enum": [
                          "gpu_seconds",
                          "tokens"
                        ],
                        "x-parser-schema-id": "<anonymous-schema-19>"
                      },
                      "unit_price": "$ref:$.channels.minerClaim.messages.jobAssigned.payload.properties.job.properties.budget.properties.max_cost_micro",
                      "input_unit_price": "$ref:$.channels.minerClaim.messages.jobAssigned.payload.properties.job.properties.budget.properties.max_cost_micro"
                    },
                    "x-parser-schema-id": "AssignedJobPricing"
                  },
                  "expires_at": {
                    "title": "Timestamp",
                    "description": "An RFC 3339 date-time in UTC.",
                    "type": "string",
                    "format": "date-time",
                    "examples": [
                      "2026-11-25T12:00:00.000Z"
                    ],
                    "x-parser-schema-id": "<anonymous-schema-20>"
                  },
                  "chain_id": {
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-21>"
                  }
                },
                "x-parser-schema-id": "AssignedJob"
              },
              "lease": {
                "type": "object",
                "title": "JobLease",
                "required": [
                  "lease_id",
                  "expires_at",
                  "ttl_s"
                ],
                "additionalProperties": false,
                "properties": {
                  "lease_id": {
                    "type": "string",
                    "x-parser-schema-id": "<anonymous-schema-22>"
                  },
                  "expires_at": "$ref:$.channels.minerClaim.messages.jobAssigned.payload.properties.job.properties.expires_at",
                  "ttl_s": {
                    "type": "integer",
                    "minimum": 1,
                    "x-parser-schema-id": "<anonymous-schema-23>"
                  }
                },
                "x-parser-schema-id": "JobLease"
              }
            },
            "x-parser-schema-id": "JobAssignment"
          },
          "examples": [
            {
              "name": "inference",
              "payload": {
                "job": {
                  "job_id": "707c75d0910e49e2965196bce0127ba1",
                  "service_id": "gpu-compute-001",
                  "provider_id": "gpu-compute-pro",
                  "customer_id": "customer-123",
                  "requirements": {
                    "task_type": "inference",
                    "model": "aitbc-tiny:latest",
                    "prompt": "Hello AITBC",
                    "max_tokens": 64,
                    "temperature": 0
                  },
                  "budget": {
                    "max_cost": 5,
                    "max_cost_micro": "5000000"
                  },
                  "pricing": {
                    "unit_type": "gpu_seconds",
                    "unit_price": "100000000"
                  },
                  "expires_at": "2026-11-25T12:15:00.000Z",
                  "chain_id": "aitbc-dev"
                },
                "lease": {
                  "lease_id": "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
                  "expires_at": "2026-11-25T12:00:31.000Z",
                  "ttl_s": 30
                }
              }
            }
          ],
          "x-parser-unique-object-id": "jobAssigned"
        }
      },
      "x-parser-unique-object-id": "minerClaim"
    },
    "minerHeartbeat": {
      "address": "/v1/miners/{miner_id}/heartbeat",
      "title": "Lease renewals and abort notices (heartbeat)",
      "parameters": {
        "miner_id": {
          "description": "The miner id returned by registerMiner."
        }
      },
      "bindings": {
        "http": {
          "method": "POST"
        }
      },
      "messages": {
        "leasesRenewed": {
          "name": "leasesRenewed",
          "title": "Leases renewed",
          "summary": "The leases a heartbeat extended and the jobs the miner must abort.",
          "payload": {
            "type": "object",
            "title": "LeaseRenewal",
            "required": [
              "cancel_job_ids",
              "extended_job_ids",
              "server_time"
            ],
            "additionalProperties": false,
            "properties": {
              "cancel_job_ids": {
                "type": "array",
                "items": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-26>"
                },
                "x-parser-schema-id": "<anonymous-schema-25>"
              },
              "extended_job_ids": {
                "type": "array",
                "items": {
                  "type": "string",
                  "x-parser-schema-id": "<anonymous-schema-28>"
                },
                "x-parser-schema-id": "<anonymous-schema-27>"
              },
              "server_time": "$ref:$.channels.minerClaim.messages.jobAssigned.payload.properties.job.properties.expires_at"
            },
            "x-parser-schema-id": "LeaseRenewal"
          },
          "examples": [
            {
              "name": "one cancelled",
              "payload": {
                "cancel_job_ids": [
                  "5a4b3c2d1e0f5a4b3c2d1e0f5a4b3c2d"
                ],
                "extended_job_ids": [
                  "707c75d0910e49e2965196bce0127ba1"
                ],
                "server_time": "2026-11-25T12:00:05.000Z"
              }
            }
          ],
          "x-parser-unique-object-id": "leasesRenewed"
        }
      },
      "x-parser-unique-object-id": "minerHeartbeat"
    }
  },
  "operations": {
    "receiveJobAssignment": {
      "action": "receive",
      "title": "Receive a job under a lease",
      "summary": "The miner long-polls for its next job; the answer is one job and its lease.",
      "channel": "$ref:$.channels.minerClaim",
      "messages": [
        "$ref:$.channels.minerClaim.messages.jobAssigned"
      ],
      "x-parser-unique-object-id": "receiveJobAssignment"
    },
    "receiveLeaseRenewal": {
      "action": "receive",
      "title": "Receive lease renewals and abort notices",
      "summary": "Every heartbeat answers which leases were extended and which jobs to abort.",
      "channel": "$ref:$.channels.minerHeartbeat",
      "messages": [
        "$ref:$.channels.minerHeartbeat.messages.leasesRenewed"
      ],
      "x-parser-unique-object-id": "receiveLeaseRenewal"
    }
  },
  "components": {
    "securitySchemes": {
      "apiKey": "$ref:$.servers.local.security[0]"
    },
    "messages": {
      "jobAssigned": "$ref:$.channels.minerClaim.messages.jobAssigned",
      "leasesRenewed": "$ref:$.channels.minerHeartbeat.messages.leasesRenewed"
    },
    "schemas": {
      "JobAssignment": "$ref:$.channels.minerClaim.messages.jobAssigned.payload",
      "AssignedJob": "$ref:$.channels.minerClaim.messages.jobAssigned.payload.properties.job",
      "InferenceRequest": "$ref:$.channels.minerClaim.messages.jobAssigned.payload.properties.job.properties.requirements.oneOf[0]",
      "WorkloadRequest": "$ref:$.channels.minerClaim.messages.jobAssigned.payload.properties.job.properties.requirements.oneOf[1]",
      "AssignedJobBudget": "$ref:$.channels.minerClaim.messages.jobAssigned.payload.properties.job.properties.budget",
      "AssignedJobPricing": "$ref:$.channels.minerClaim.messages.jobAssigned.payload.properties.job.properties.pricing",
      "JobLease": "$ref:$.channels.minerClaim.messages.jobAssigned.payload.properties.lease",
      "LeaseRenewal": "$ref:$.channels.minerHeartbeat.messages.leasesRenewed.payload"
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
  