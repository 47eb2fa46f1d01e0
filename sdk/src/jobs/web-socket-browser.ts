// How the job stream opens its sockets in a browser bundle (the `browser` condition of
// `#web-socket` in package.json): the global WebSocket only, so a bundle never reaches for `ws`.
// A browser's WebSocket cannot send headers, so the key goes in the `api_key` query parameter.
import type { WebSocketFactory, WebSocketLike } from "./web-socket-like.js";

type GlobalWebSocket = new (url: string) => WebSocketLike;

export function globalWebSocket(): GlobalWebSocket | undefined {
  return (globalThis as { WebSocket?: GlobalWebSocket }).WebSocket;
}

export function openGlobalSocket(url: string, headers: Record<string, string>): WebSocketLike {
  const Global = globalWebSocket();
  if (!Global)
    throw new Error("there is no global WebSocket here: pass a factory as options.webSocket");
  const u = new URL(url);
  if (headers["X-API-Key"]) u.searchParams.set("api_key", headers["X-API-Key"]);
  return new Global(u.toString());
}

export const defaultWebSocketFactory: WebSocketFactory = openGlobalSocket;
