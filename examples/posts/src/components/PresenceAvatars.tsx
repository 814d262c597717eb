import type { PresenceMember } from "@refinedev/pubnub/presence";
import { Avatar, Tooltip } from "antd";

export function nameOf(member: PresenceMember): string {
  return String(member.state.name ?? member.userId);
}

/** One avatar per user on the page; this user's is outlined. */
export function PresenceAvatars({ members }: { members: PresenceMember[] }) {
  return (
    <Avatar.Group max={{ count: 5 }} data-testid="presence-avatars">
      {members.map((member) => (
        <Tooltip
          key={member.userId}
          title={member.self ? `${nameOf(member)} (you)` : nameOf(member)}
        >
          <span role="img" aria-label={nameOf(member)}>
            <Avatar
              style={{
                backgroundColor: String(member.state.color ?? "#8c8c8c"),
                outline: member.self ? "2px solid #00000040" : undefined,
              }}
            >
              {nameOf(member).slice(0, 1).toUpperCase()}
            </Avatar>
          </span>
        </Tooltip>
      ))}
    </Avatar.Group>
  );
}
