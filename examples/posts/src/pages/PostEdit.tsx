import { useForm, useParsed } from "@refinedev/core";
import {
  ChangedElsewhereAlert,
  useChangedElsewhere,
} from "../components/ChangedElsewhereAlert";
import { EditingNow } from "../components/EditingNow";
import { PostForm } from "./PostForm";

export function PostEdit() {
  const { change, onLiveEvent, dismiss } = useChangedElsewhere();
  // Given, not inferred: with `resource` passed, useForm does not read the
  // id from the URL (and says so in the console).
  const { id: routeId } = useParsed();
  // manual: the form does not change under the user's hands; the alert
  // tells them someone else changed the post.
  const { query, onFinish, formLoading, id } = useForm({
    resource: "posts",
    action: "edit",
    ...(routeId === undefined ? {} : { id: routeId }),
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
