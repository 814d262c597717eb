import { useConnectionState } from "@refinedev/pubnub/react";
import { App } from "antd";
import { useEffect, useRef } from "react";
import { provider } from "../pubnub";

/**
 * Tells the user, once per reconnection, that the pages caught up: with the
 * events PubNub kept for them after a short outage, or by refetching (the
 * provider's resync) after a long one.
 */
export function BackOnlineNotice() {
  const { notification } = App.useApp();
  const { status } = useConnectionState(provider);
  const previous = useRef(status);
  useEffect(() => {
    const wasAway = previous.current === "reconnecting";
    previous.current = status;
    if (!wasAway || status !== "connected") return;
    notification.info({
      key: "back-online",
      message: "Back online",
      description: "The pages caught up with what changed meanwhile.",
    });
  }, [status, notification]);
  return null;
}
