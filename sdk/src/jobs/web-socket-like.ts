// The socket the job stream reads from, whoever opens it: the browser's WebSocket, `ws`, or a
// caller's own factory (JobStreamOptions.webSocket).

/** The small part of the WebSocket API this client uses; both the browser's and `ws` have it. */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  close(code?: number, reason?: string): void;
}

export type WebSocketFactory = (url: string, headers: Record<string, string>) => WebSocketLike;
