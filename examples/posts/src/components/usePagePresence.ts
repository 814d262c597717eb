import { useGetIdentity } from "@refinedev/core";
import { usePresence } from "@refinedev/pubnub/react";
import type { Identity } from "../auth/identity";
import { provider } from "../pubnub";

/** What a user is doing on a page, shown to the others there. */
export type Activity = "view" | "edit";

/**
 * Enters the posts list (no `id`) or one post with this user's name, avatar
 * colour and activity, and returns who is there.
 */
export function usePagePresence(
  id: string | number | undefined,
  activity: Activity,
) {
  const { data: identity } = useGetIdentity<Identity>();
  return usePresence(provider, {
    resource: "posts",
    id,
    state: { name: identity?.name, color: identity?.color, activity },
    enabled: Boolean(identity),
  });
}
