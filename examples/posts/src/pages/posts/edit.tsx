import { Edit, useForm } from "@refinedev/antd";
import { Form, Space } from "antd";
import {
  ChangedElsewhereAlert,
  useChangedElsewhere,
} from "../../components/ChangedElsewhereAlert";
import { EditingNow } from "../../components/EditingNow";
import { PresenceAvatars } from "../../components/PresenceAvatars";
import { usePagePresence } from "../../components/usePagePresence";
import { PostFields } from "./PostFields";
import type { Post } from "./types";

/**
 * The guide's edit page: `manual` mode, so the form never changes under the
 * user's hands; an alert says someone else changed or deleted the post.
 */
export function PostEdit() {
  const { change, onLiveEvent, dismiss } = useChangedElsewhere();
  const { formProps, saveButtonProps, query, id } = useForm<Post>({
    liveMode: "manual",
    onLiveEvent,
    redirect: false,
  });
  const { members, others } = usePagePresence(id, "edit");
  return (
    <Edit
      saveButtonProps={saveButtonProps}
      headerButtons={({ defaultButtons }) => (
        <Space>
          <PresenceAvatars members={members} />
          {defaultButtons}
        </Space>
      )}
    >
      <EditingNow others={others} />
      <ChangedElsewhereAlert
        change={change}
        onRefresh={() => {
          dismiss();
          query?.refetch();
        }}
      />
      <Form {...formProps} layout="vertical">
        <PostFields categoryId={query?.data?.data.category.id} />
      </Form>
    </Edit>
  );
}
