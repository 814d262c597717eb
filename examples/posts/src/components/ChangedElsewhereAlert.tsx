import { ListButton, RefreshButton } from "@refinedev/antd";
import type { LiveEvent } from "@refinedev/core";
import { Alert } from "antd";
import { useCallback, useState } from "react";

/** `maybe`: a `*` event, after which anything may have changed. */
export type Change = "deleted" | "updated" | "maybe" | undefined;

/**
 * Turns live events about one post into the change to tell the user about.
 * A `*` event (the provider's resync after a long outage, or the backend's
 * "refetch" after its database listener was away) says the post may have
 * changed; it never hides a known update or deletion.
 */
export function useChangedElsewhere() {
  const [change, setChange] = useState<Change>();
  const onLiveEvent = useCallback((event: LiveEvent) => {
    if (event.type === "deleted" || event.type === "updated") {
      setChange(event.type);
    } else if (event.type === "*") {
      setChange((known) => known ?? "maybe");
    }
  }, []);
  return { change, onLiveEvent, dismiss: () => setChange(undefined) };
}

/** The Real Time guide's alerts, with its wording and buttons. */
export function ChangedElsewhereAlert({
  change,
  onRefresh,
}: {
  change: Change;
  onRefresh: () => void;
}) {
  if (change === "deleted") {
    return (
      <Alert
        message="This post is deleted."
        type="warning"
        style={{ marginBottom: 20 }}
        action={<ListButton size="small" />}
      />
    );
  }
  if (change === "updated" || change === "maybe") {
    return (
      <Alert
        message={
          change === "updated"
            ? "This post is updated. Refresh to see changes."
            : "This post may have changed while live updates were away. Refresh to see changes."
        }
        type="warning"
        style={{ marginBottom: 20 }}
        action={<RefreshButton size="small" onClick={onRefresh} />}
      />
    );
  }
  return null;
}
