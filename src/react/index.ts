export type {
  ConnectionState,
  ConnectionStatus,
  ConnectionStore,
} from "../connection/connectionState";
export { useConnectionState } from "./useConnectionState";
export { type UsePresenceOptions, usePresence } from "./usePresence";
