// How the job stream opens its sockets everywhere but a browser bundle (the default condition of
// `#web-socket` in package.json). In Node the `ws` package, with the key in the X-API-Key header
// so it stays out of URLs and logs; `ws` loads on the first stream, not with the SDK. A runtime
// that is not Node but has a global WebSocket uses that, as a browser does.
import type { WebSocketFactory, WebSocketLike } from "./web-socket-like.js";
import { globalWebSocket, openGlobalSocket } from "./web-socket-browser.js";

type WsModule = {
  WebSocket: new (url: string, opts?: { headers?: Record<string, string> }) => WebSocketLike;
};
let wsModule: Promise<WsModule> | undefined;

export const defaultWebSocketFactory: WebSocketFactory = (url, headers) => {
  const isNode = typeof process !== "undefined" && !!process.versions?.node;
  if (!isNode && globalWebSocket()) return openGlobalSocket(url, headers);
  return deferredSocket(url, headers);
};

/** A WebSocketLike that forwards to a `ws` socket once the module has loaded. */
function deferredSocket(url: string, headers: Record<string, string>): WebSocketLike {
  const proxy: WebSocketLike & { inner?: WebSocketLike; closeRequested?: [number?, string?] } = {
    get readyState() {
      return proxy.inner?.readyState ?? 0;
    },
    onopen: null,
    onmessage: null,
    onclose: null,
    onerror: null,
    close(code?: number, reason?: string) {
      if (proxy.inner) proxy.inner.close(code, reason);
      else proxy.closeRequested = [code, reason];
    },
  };
  wsModule ??= import("ws") as unknown as Promise<WsModule>;
  wsModule.then(
    ({ WebSocket }) => {
      const inner = new WebSocket(url, { headers });
      proxy.inner = inner;
      inner.onopen = (ev) => proxy.onopen?.(ev);
      inner.onmessage = (ev) => proxy.onmessage?.(ev);
      inner.onerror = (ev) => proxy.onerror?.(ev);
      inner.onclose = (ev) => proxy.onclose?.(ev);
      if (proxy.closeRequested) inner.close(...proxy.closeRequested);
    },
    () => proxy.onclose?.({ code: 1006, reason: "the ws package is not available" }),
  );
  return proxy;
}
