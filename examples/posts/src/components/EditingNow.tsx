import type { PresenceMember } from "@refinedev/pubnub/presence";
import { Alert } from "antd";
import { nameOf } from "./PresenceAvatars";

/** "Alice is also editing this post." while someone else edits it. */
export function EditingNow({ others }: { others: PresenceMember[] }) {
  const names = others
    .filter((member) => member.state.activity === "edit")
    .map(nameOf);
  if (names.length === 0) return null;
  return (
    <Alert
      data-testid="editing-now"
      type="info"
      showIcon
      style={{ marginBottom: 20 }}
      message={`${names.join(", ")} ${names.length === 1 ? "is" : "are"} also editing this post.`}
    />
  );
}
