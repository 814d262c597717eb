import { useConnectionState } from "@refinedev/pubnub/react";
import { provider } from "../pubnub";

const LABELS = {
  idle: "Connecting…",
  connecting: "Connecting…",
  connected: "Live",
  reconnecting: "Reconnecting…",
  disconnected: "Offline",
  error: "Offline",
} as const;

export function LiveBadge() {
  const { status, error } = useConnectionState(provider);
  return (
    <span
      className={`badge badge-${status}`}
      data-testid="live-badge"
      title={error?.message}
    >
      <span className="dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  );
}
