import type { LiveEvent } from "@refinedev/core";
import { App } from "antd";
import { useEffect } from "react";

const resyncs = new EventTarget();

/**
 * For `<Refine onLiveEvent>`: the provider gives every subscriber a resync
 * event (`meta.resync`) when the connection comes back.
 */
export function noticeResync(event: LiveEvent) {
  if (event.meta?.resync === true) resyncs.dispatchEvent(new Event("resync"));
}

/** Tells the user, once per reconnection, that the pages caught up. */
export function ResyncNotice() {
  const { notification } = App.useApp();
  useEffect(() => {
    const show = () =>
      notification.info({
        key: "resync",
        message: "Back online",
        description:
          "Lists were refreshed with what changed while the connection was down.",
      });
    resyncs.addEventListener("resync", show);
    return () => resyncs.removeEventListener("resync", show);
  }, [notification]);
  return null;
}
