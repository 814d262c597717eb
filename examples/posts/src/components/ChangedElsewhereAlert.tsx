import { ListButton, RefreshButton } from "@refinedev/antd";
import type { LiveEvent } from "@refinedev/core";
import { Alert } from "antd";
import { useCallback, useState } from "react";

export type Change = "deleted" | "updated" | undefined;

/** Turns live events about one post into the change to tell the user about. */
export function useChangedElsewhere() {
  const [change, setChange] = useState<Change>();
  const onLiveEvent = useCallback((event: LiveEvent) => {
    if (event.type === "deleted" || event.type === "updated") {
      setChange(event.type);
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
  if (change === "updated") {
    return (
      <Alert
        message="This post is updated. Refresh to see changes."
        type="warning"
        style={{ marginBottom: 20 }}
        action={<RefreshButton size="small" onClick={onRefresh} />}
      />
    );
  }
  return null;
}
