// What a check of one client WebSocket channel works with.
import type { Credentials } from "../config/credentials.js";
import type { Reporter } from "../report/reporter.js";
import type { DocumentValidator } from "../schema/validator.js";
import type { ChannelMessage } from "../spec/asyncapi-documents.js";

export interface ChannelCheckContext {
  /** The HTTP base URL of the service that serves the channel. */
  baseUrl: string;
  /** The channel's address, for example `/v1/jobs/{job_id}/stream`. */
  address: string;
  messages: ChannelMessage[];
  /** A validator over the channel's AsyncAPI document. */
  validator: DocumentValidator;
  credentials: Credentials;
  reporter: Reporter;
  /** The AsyncAPI document's name, the report's scope. */
  scope: string;
  /** `WS /v1/jobs/{job_id}/stream (jobStream)`. */
  label: string;
  /** The longest a check listens on one connection. */
  timeoutMs: number;
}

export type ChannelCheck = (ctx: ChannelCheckContext) => Promise<void>;
