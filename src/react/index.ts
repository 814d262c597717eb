export type {
  ConnectionState,
  ConnectionStatus,
  ConnectionStore,
} from "../connectionState";
export { useConnectionState } from "./useConnectionState";
export { type UsePresenceOptions, usePresence } from "./usePresence";
