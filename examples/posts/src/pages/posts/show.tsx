import { DateField, Show, TagField, TextField } from "@refinedev/antd";
import { useOne, useShow } from "@refinedev/core";
import { Space, Typography } from "antd";
import {
  ChangedElsewhereAlert,
  useChangedElsewhere,
} from "../../components/ChangedElsewhereAlert";
import { PresenceAvatars } from "../../components/PresenceAvatars";
import { usePagePresence } from "../../components/usePagePresence";
import type { Category, Post } from "./types";

const { Title } = Typography;

/** The guide's show page, in `manual` mode with the same alerts. */
export function PostShow() {
  const { change, onLiveEvent, dismiss } = useChangedElsewhere();
  const { query, showId } = useShow<Post>({
    liveMode: "manual",
    onLiveEvent,
  });
  const post = query.data?.data;
  const { result: category } = useOne<Category>({
    resource: "categories",
    id: post?.category.id ?? "",
    queryOptions: { enabled: post !== undefined },
  });
  const { members } = usePagePresence(showId, "view");
  return (
    <Show
      isLoading={query.isLoading}
      headerButtons={({ defaultButtons }) => (
        <Space>
          <PresenceAvatars members={members} />
          {defaultButtons}
        </Space>
      )}
    >
      <ChangedElsewhereAlert
        change={change}
        onRefresh={() => {
          dismiss();
          query.refetch();
        }}
      />
      <Title level={5}>Title</Title>
      <TextField value={post?.title} />
      <Title level={5}>Category</Title>
      <TextField value={category?.title} />
      <Title level={5}>Status</Title>
      <TagField value={post?.status} />
      <Title level={5}>Content</Title>
      <TextField value={post?.content} />
      <Title level={5}>Created</Title>
      <DateField value={post?.createdAt} format="LLL" />
    </Show>
  );
}
