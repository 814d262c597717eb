/**
 * The part of a PubNub SDK client the live provider uses. A `PubNub`
 * instance from the `pubnub` package fits it, and so does `MemoryPubNub`
 * from `@refinedev/pubnub/testing`.
 */
export interface PubNubClient {
  channel(name: string): {
    subscription(options?: {
      receivePresenceEvents?: boolean;
    }): PubNubSubscription;
  };
  /** Adds a client-level listener; the provider uses `status` events. */
  addListener(listener: PubNubClientListener): void;
  removeListener(listener: PubNubClientListener): void;
  /**
   * Restarts the subscribe loop after it stopped, from `timetoken` when
   * given (the event engine's; the older loop keeps its own cursor).
   */
  reconnect(parameters?: { timetoken?: string }): void;
  /** Sets the Access Manager token sent with every request. */
  setToken(token: string | undefined): void;
  publish(parameters: {
    channel: string;
    message: PubNubPayload;
    meta?: PubNubPayload;
  }): Promise<unknown>;
}

/** A JSON value, as the SDK types a message. */
export type PubNubPayload =
  | string
  | number
  | boolean
  | { toJSON: () => PubNubPayload }
  | { [key: string]: PubNubPayload | null }
  | PubNubPayload[];

/** One SDK subscription to one channel. */
export interface PubNubSubscription {
  addListener(listener: {
    message?: (event: PubNubMessageEvent) => void;
  }): void;
  subscribe(): void;
  unsubscribe(): void;
}

/** The fields of a PubNub message event that the provider reads. */
export interface PubNubMessageEvent {
  channel: string;
  message: unknown;
  timetoken: string;
  publisher?: string | undefined;
  userMetadata?: unknown;
}

/** A client-level listener, as for `pubnub.addListener`. */
export interface PubNubClientListener {
  status?: (status: PubNubStatusEvent) => void;
  /** Any message, signal or presence event; the provider reads `timetoken`. */
  message?: (event: object) => void;
  signal?: (event: object) => void;
  presence?: (event: object) => void;
}

/** The fields of a PubNub status event that the provider reads. */
export interface PubNubStatusEvent {
  /** e.g. `PNConnectedCategory`, `PNDisconnectedUnexpectedlyCategory`. */
  category: string;
  /** For failures: `true`, or the category of the cause. */
  error?: unknown;
  statusCode?: number;
  /** e.g. `PNSubscribeOperation`; the older subscribe loop sets it. */
  operation?: string;
  /** The subscribe cursor, on `PNConnectedCategory` and some others. */
  currentTimetoken?: unknown;
}
