import { useConnectionState } from "@refinedev/pubnub/react";
import { Badge, type BadgeProps } from "antd";
import { provider } from "../pubnub";

type Shown = [text: string, badge: NonNullable<BadgeProps["status"]>];

const SHOWN: Record<string, Shown> = {
  // Nothing on this page is live (the 404 page), or nothing yet.
  idle: ["Idle", "default"],
  connecting: ["Connecting…", "processing"],
  connected: ["Live", "success"],
  reconnecting: ["Reconnecting…", "warning"],
  disconnected: ["Offline", "error"],
  error: ["Offline", "error"],
};

/** Live / Reconnecting… / Offline, from the provider's connection. */
export function LiveBadge() {
  const { status, error } = useConnectionState(provider);
  const [text, badge]: Shown = SHOWN[status] ?? ["Connecting…", "default"];
  return (
    <span data-testid="live-badge" title={error?.message}>
      <Badge status={badge} text={text} />
    </span>
  );
}
