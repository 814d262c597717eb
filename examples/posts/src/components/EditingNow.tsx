import type { BaseKey } from "@refinedev/core";
import { usePresence } from "@refinedev/pubnub/react";
import { provider, userId } from "../pubnub";

/** "alice is also editing this post", from PubNub presence. */
export function EditingNow({ id }: { id: BaseKey | undefined }) {
  const { others } = usePresence(provider, {
    resource: "posts",
    id,
    state: { name: userId, action: "edit" },
    enabled: id !== undefined,
  });
  if (others.length === 0) return null;
  const names = others.map((member) =>
    String(member.state.name ?? member.userId),
  );
  return (
    <div className="alert alert-info" role="status" data-testid="editing-now">
      <span>
        {names.join(", ")} {names.length === 1 ? "is" : "are"} also editing this
        post.
      </span>
    </div>
  );
}
