import { useForm } from "@refinedev/core";
import {
  ChangedElsewhereAlert,
  useChangedElsewhere,
} from "../components/ChangedElsewhereAlert";
import { EditingNow } from "../components/EditingNow";
import { PostForm } from "./PostForm";

export function PostEdit() {
  const { change, onLiveEvent, dismiss } = useChangedElsewhere();
  // manual: the form does not change under the user's hands; the alert
  // tells them someone else changed the post.
  const { query, onFinish, formLoading, id } = useForm({
    resource: "posts",
    action: "edit",
    liveMode: "manual",
    onLiveEvent,
    redirect: false,
  });
  const post = query?.data?.data;
  return (
    <section className="card">
      <div className="card-header">
        <h1>Edit post {post ? `#${post.id}` : ""}</h1>
      </div>
      <EditingNow id={id} />
      <ChangedElsewhereAlert
        change={change}
        onRefresh={() => {
          dismiss();
          query?.refetch();
        }}
      />
      {post ? (
        <PostForm
          initial={post}
          saving={formLoading}
          onSubmit={(values) => onFinish(values)}
        />
      ) : (
        <p className="muted">Loading…</p>
      )}
    </section>
  );
}
