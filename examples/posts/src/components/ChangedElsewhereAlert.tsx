import type { LiveEvent } from "@refinedev/core";
import { useNavigation } from "@refinedev/core";
import { useCallback, useState } from "react";

export type Change = "deleted" | "updated" | undefined;

/** Turns live events about one post into the change to tell the user about. */
export function useChangedElsewhere() {
  const [change, setChange] = useState<Change>();
  const onLiveEvent = useCallback((event: LiveEvent) => {
    setChange(event.type === "deleted" ? "deleted" : "updated");
  }, []);
  return { change, onLiveEvent, dismiss: () => setChange(undefined) };
}

export function ChangedElsewhereAlert({
  change,
  onRefresh,
}: {
  change: Change;
  onRefresh: () => void;
}) {
  const { list } = useNavigation();
  if (change === "deleted") {
    return (
      <div className="alert alert-danger" role="alert">
        <span>This post is deleted.</span>
        <button type="button" onClick={() => list("posts")}>
          Back to list
        </button>
      </div>
    );
  }
  if (change === "updated") {
    return (
      <div className="alert alert-warning" role="alert">
        <span>This post is updated. Refresh to see changes.</span>
        <button type="button" onClick={onRefresh}>
          Refresh
        </button>
      </div>
    );
  }
  return null;
}
