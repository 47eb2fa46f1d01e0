// Who the page talks to and as whom: the config URLs, the API key the user pasted (kept in this
// origin's localStorage) and the account behind it (GET /v1/me). Views read the client from here
// and re-render when the key changes.
import { AitbcError, createAitbcClient, type AitbcClient, type CoordinatorTypes } from "@aitbc/sdk";
import type { PageConfig } from "./page-config.js";

const STORAGE_KEY = "aitbc.apiKey";

export type Me = CoordinatorTypes.Me;

export interface Identity {
  /** The account, when the key was accepted. */
  me: Me | null;
  /** Why the key was not accepted (or the coordinator could not be reached). */
  error: AitbcError | null;
  checking: boolean;
}

type Listener = () => void;

function readStoredKey(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? "";
  } catch {
    return "";
  }
}

export class Session {
  apiKey: string;
  client: AitbcClient;
  identity: Identity = { me: null, error: null, checking: false };
  private listeners = new Set<Listener>();
  private nodeIndex = 0;

  constructor(readonly config: PageConfig) {
    this.apiKey = readStoredKey();
    this.client = this.makeClient();
  }

  get nodeUrl(): string {
    return this.config.nodes[this.nodeIndex] ?? this.config.nodes[0]!;
  }

  useNode(index: number): void {
    this.nodeIndex = index;
    this.client = this.makeClient();
    this.emit();
  }

  private makeClient(): AitbcClient {
    return createAitbcClient({
      coordinatorUrl: this.config.coordinator,
      nodeUrl: this.nodeUrl,
      walletUrl: this.config.wallet,
      ...(this.config.exchange ? { exchangeUrl: this.config.exchange } : {}),
      ...(this.apiKey ? { apiKey: this.apiKey } : {}),
      http: { retries: 1 },
    });
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }

  async setApiKey(key: string): Promise<void> {
    this.apiKey = key.trim();
    try {
      if (this.apiKey) localStorage.setItem(STORAGE_KEY, this.apiKey);
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Private browsing without storage: the key lasts for this page only.
    }
    this.client = this.makeClient();
    await this.checkIdentity();
  }

  /** Asks the coordinator whose key this is; emits before (checking) and after. */
  async checkIdentity(): Promise<void> {
    if (!this.apiKey) {
      this.identity = { me: null, error: null, checking: false };
      this.emit();
      return;
    }
    this.identity = { me: null, error: null, checking: true };
    this.emit();
    try {
      const me = await this.client.coordinator.getMe();
      this.identity = { me, error: null, checking: false };
    } catch (err) {
      this.identity = { me: null, error: asAitbcError(err), checking: false };
    }
    this.emit();
  }

  get role(): Me["role"] | undefined {
    return this.identity.me?.role;
  }
}

export function asAitbcError(err: unknown): AitbcError {
  if (err instanceof AitbcError) return err;
  return new AitbcError(
    { code: "client_error", title: "Unexpected error", detail: (err as Error)?.message },
    0,
  );
}
