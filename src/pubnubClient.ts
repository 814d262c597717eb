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
