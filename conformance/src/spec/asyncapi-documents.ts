// The bundled AsyncAPI documents (spec/bundled/*.asyncapi.json) and the messages of one channel.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultBundledDir } from "./documents.js";
import { deref } from "./json-pointer.js";
import type { JsonSchema } from "./operations.js";

export interface AsyncApiDocument {
  asyncapi: string;
  channels?: Record<string, { address?: string; messages?: Record<string, unknown> }>;
  [key: string]: unknown;
}

export interface LoadedAsyncApiDocument {
  /** `job-stream` for job-stream.asyncapi.json. */
  name: string;
  file: string;
  doc: AsyncApiDocument;
}

export interface ChannelMessage {
  name: string;
  payload: JsonSchema;
}

export function loadAsyncApiDocuments(dir = defaultBundledDir()): LoadedAsyncApiDocument[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".asyncapi.json"))
    .sort()
    .map((f) => ({
      name: f.replace(/\.asyncapi\.json$/, ""),
      file: join(dir, f),
      doc: JSON.parse(readFileSync(join(dir, f), "utf8")) as AsyncApiDocument,
    }));
}

/** The channel's address and messages (by message key), or undefined if the document lacks it. */
export function channelOf(
  loaded: LoadedAsyncApiDocument,
  channelId: string,
): { address: string; messages: ChannelMessage[] } | undefined {
  const channel = loaded.doc.channels?.[channelId];
  if (!channel?.address) return undefined;
  const messages = Object.entries(channel.messages ?? {}).map(([key, raw]) => {
    const message = deref(loaded.doc, raw) as { name?: string; payload?: unknown };
    return {
      name: message.name ?? key,
      payload: deref(loaded.doc, message.payload ?? {}) as JsonSchema,
    };
  });
  return { address: channel.address, messages };
}
