import {
  DeleteButton,
  EditButton,
  List,
  ShowButton,
  TagField,
  useTable,
} from "@refinedev/antd";
import { useList, useMany } from "@refinedev/core";
import { Space, Table, Tag } from "antd";
import { PresenceAvatars } from "../../components/PresenceAvatars";
import { usePagePresence } from "../../components/usePagePresence";
import type { Category, Post } from "./types";

/**
 * How many posts there are: a second live hook of `posts` on this page, as
 * list pages often have. One event then asks for two refetches of each
 * query; `withLiveInvalidation` runs one (the header's debug panel counts
 * them). Kept to the list page: an `auto` hook refetches every query of its
 * resource, so on the edit page it would reset the `manual` form.
 */
function usePostCount(): number | undefined {
  const { result } = useList({
    resource: "posts",
    pagination: { currentPage: 1, pageSize: 1 },
  });
  return result.total;
}

/** The guide's list: live in `auto` mode, refetched on every change. */
export function PostList() {
  const postCount = usePostCount();
  const { tableProps } = useTable<Post>({
    sorters: { initial: [{ field: "id", order: "desc" }] },
  });
  const categoryIds =
    tableProps.dataSource?.map((post) => post.category.id) ?? [];
  const { result: categories, query: categoriesQuery } = useMany<Category>({
    resource: "categories",
    ids: [...new Set(categoryIds)],
    queryOptions: { enabled: categoryIds.length > 0 },
  });
  const { members } = usePagePresence(undefined, "view");
  return (
    <List
      headerButtons={({ defaultButtons }) => (
        <Space>
          <Tag bordered={false} data-testid="post-count">
            {postCount ?? "…"} posts
          </Tag>
          <PresenceAvatars members={members} />
          {defaultButtons}
        </Space>
      )}
    >
      <Table {...tableProps} rowKey="id">
        <Table.Column dataIndex="id" title="ID" />
        <Table.Column dataIndex="title" title="Title" />
        <Table.Column
          dataIndex={["category", "id"]}
          title="Category"
          render={(id) =>
            categoriesQuery.isLoading
              ? "Loading…"
              : categories?.data.find((category) => category.id === id)?.title
          }
        />
        <Table.Column
          dataIndex="status"
          title="Status"
          render={(status) => <TagField value={status} />}
        />
        <Table.Column<Post>
          title="Actions"
          dataIndex="actions"
          render={(_, post) => (
            <Space>
              <EditButton hideText size="small" recordItemId={post.id} />
              <ShowButton hideText size="small" recordItemId={post.id} />
              <DeleteButton hideText size="small" recordItemId={post.id} />
            </Space>
          )}
        />
      </Table>
    </List>
  );
}
