/** What the app shows of a member: JSON, e.g. `{ name, avatar }`. */
export type PresenceState = Record<string, unknown>;

export interface PresenceMember {
  /** The member's PubNub `userId`. */
  userId: string;
  /** The state the member entered with (merged over its handles). */
  state: PresenceState;
  /** The member is this client's user. */
  self: boolean;
}

/** The fields of an SDK presence event the registry reads. */
export interface PresenceEvent {
  action: string;
  uuid?: string;
  state?: unknown;
  join?: string[];
  leave?: string[];
  timeout?: string[];
  hereNowRefresh?: boolean;
}

export interface HereNowAnswer {
  channels: Record<
    string,
    { occupants: Array<{ uuid: string; state?: unknown }> } | undefined
  >;
}

/** The presence part of the PubNub SDK (8 to 12) the registry uses. */
export interface PresenceClient {
  channel(name: string): {
    subscription(): {
      addListener(listener: {
        presence?: (event: PresenceEvent) => void;
      }): void;
      subscribe(): void;
      unsubscribe(): void;
    };
  };
  hereNow(parameters: {
    channels: string[];
    includeState: boolean;
  }): Promise<HereNowAnswer>;
  setState(parameters: {
    channels: string[];
    state: PresenceState;
    withHeartbeat?: boolean;
  }): Promise<unknown>;
  getUserId(): string;
}
