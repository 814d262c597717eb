import { useGetIdentity, useLogout } from "@refinedev/core";
import { Avatar, Button, Layout, Space, Tag, Typography } from "antd";
import type { Identity } from "../auth/identity";
import { usesEmulator, usesSharedWorker } from "../pubnub";
import { LiveBadge } from "./LiveBadge";
import { RefetchPanel } from "./RefetchPanel";

/** The connection, the debug counts and who is signed in. */
export function Header() {
  const { data: identity } = useGetIdentity<Identity>();
  const { mutate: logout } = useLogout();
  return (
    <Layout.Header
      style={{
        display: "flex",
        alignItems: "center",
        justifyContent: "flex-end",
        gap: 16,
        whiteSpace: "nowrap",
        padding: "0 24px",
        height: 56,
        background: "#fff",
      }}
    >
      <RefetchPanel />
      <span>
        <Tag bordered={false}>{usesEmulator ? "emulator" : "PubNub"}</Tag>
        {usesSharedWorker && <Tag bordered={false}>shared worker</Tag>}
      </span>
      <LiveBadge />
      {identity && (
        <Space>
          <Avatar style={{ backgroundColor: identity.color }}>
            {identity.name.slice(0, 1).toUpperCase()}
          </Avatar>
          <Typography.Text strong data-testid="signed-in-as">
            {identity.name}
          </Typography.Text>
          <Button size="small" onClick={() => logout()}>
            Sign out
          </Button>
        </Space>
      )}
    </Layout.Header>
  );
}
