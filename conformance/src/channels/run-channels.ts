// The WebSocket channels of the AsyncAPI documents that a client can reach, checked against the
// service that serves them. Which service serves which channel, and which channels are for
// clients, is not in the documents themselves (p2p.asyncapi.json describes both the validators'
// gossip and the client feed), so it is listed here. The miner feed's transport is HTTP: its
// messages are the answers of the miner operations that the OpenAPI contract level checks.
import type { Credentials } from "../config/credentials.js";
import type { ContractTarget } from "../contract/contract-target.js";
import type { Reporter } from "../report/reporter.js";
import { DocumentValidator } from "../schema/validator.js";
import { channelOf, type LoadedAsyncApiDocument } from "../spec/asyncapi-documents.js";
import type { ServiceName } from "../spec/documents.js";
import type { ChannelCheck } from "./channel-check.js";
import { checkClientFeed } from "./client-feed-check.js";
import { checkJobStream } from "./job-stream-check.js";

interface ClientChannel {
  document: string;
  channel: string;
  service: ServiceName;
  check: ChannelCheck;
}

export const CLIENT_CHANNELS: readonly ClientChannel[] = [
  { document: "job-stream", channel: "jobStream", service: "coordinator", check: checkJobStream },
  { document: "p2p", channel: "clientFeed", service: "node", check: checkClientFeed },
];

/** Channels a client cannot join, reported once so that nobody mistakes silence for a pass. */
export const NOT_FOR_CLIENTS: ReadonlyArray<{ document: string; channel: string; why: string }> = [
  {
    document: "p2p",
    channel: "p2p",
    why: "gossip between validators (hello handshake with the genesis); not a client channel",
  },
];

export interface ChannelOptions {
  asyncDocuments: LoadedAsyncApiDocument[];
  /** The HTTP targets by OpenAPI document name (the channels are served by those services). */
  targets: Record<string, ContractTarget | undefined>;
  credentials: Credentials;
  reporter: Reporter;
  timeoutMs?: number;
}

export async function runChannels(options: ChannelOptions): Promise<void> {
  const { reporter } = options;
  for (const entry of CLIENT_CHANNELS) {
    const loaded = options.asyncDocuments.find((d) => d.name === entry.document);
    const channel = loaded && channelOf(loaded, entry.channel);
    if (!loaded || !channel) continue;
    const label = `WS ${channel.address} (${entry.channel})`;
    const target = options.targets[entry.service];
    if (!target) {
      reporter.skip("contract", entry.document, label, `no ${entry.service} URL given`);
    } else if (target.mode === "mock") {
      reporter.skip(
        "contract",
        entry.document,
        label,
        "Prism mocks have no WebSockets: the channel is not checked against a mock",
      );
    } else if (target.mode === "proxy") {
      reporter.skip(
        "contract",
        entry.document,
        label,
        `Prism's proxy does not carry WebSockets: point --${entry.service} at the implementation to check it`,
      );
    } else {
      await entry.check({
        baseUrl: target.baseUrl,
        address: channel.address,
        messages: channel.messages,
        validator: new DocumentValidator(loaded.name, loaded.doc),
        credentials: options.credentials,
        reporter,
        scope: entry.document,
        label,
        timeoutMs: options.timeoutMs ?? 30_000,
      });
    }
  }
  for (const other of NOT_FOR_CLIENTS) {
    const loaded = options.asyncDocuments.find((d) => d.name === other.document);
    const channel = loaded && channelOf(loaded, other.channel);
    if (channel)
      reporter.skip(
        "contract",
        other.document,
        `WS ${channel.address} (${other.channel})`,
        other.why,
      );
  }
}
