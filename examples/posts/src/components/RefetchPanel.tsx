import { Tag, Tooltip } from "antd";
import { useSyncExternalStore } from "react";
import { liveStats } from "../liveStats";

/**
 * What `withLiveInvalidation` saved: refine asks for one refetch per live
 * hook per event; the client runs one per query.
 */
export function RefetchPanel() {
  const { requested, performed } = useSyncExternalStore(
    liveStats.subscribe,
    liveStats.get,
  );
  return (
    <Tooltip
      title={`Live events asked for ${requested} refetches; ${performed} ran (withLiveInvalidation).`}
    >
      <Tag data-testid="refetch-panel" bordered={false}>
        refetches {performed}/{requested} · {requested - performed} saved
      </Tag>
    </Tooltip>
  );
}
