export type {
  ConnectionState,
  ConnectionStatus,
  ConnectionStore,
} from "../connectionState";
export { useConnectionState } from "./useConnectionState";
