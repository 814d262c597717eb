import { useSyncExternalStore } from "react";
import type {
  ConnectionState,
  ConnectionStore,
} from "../connection/connectionState";

/**
 * The live provider's connection state, re-rendering on every change.
 *
 * @example
 * const provider = liveProvider(pubnub);
 * function LiveBadge() {
 *   const { status } = useConnectionState(provider);
 *   return <span>{status === "connected" ? "Live" : "Reconnecting…"}</span>;
 * }
 */
export function useConnectionState(provider: {
  readonly connection: ConnectionStore;
}): ConnectionState {
  const { connection } = provider;
  return useSyncExternalStore(
    connection.subscribe,
    connection.getState,
    connection.getState,
  );
}
