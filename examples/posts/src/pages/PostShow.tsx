import { useNavigation, useShow } from "@refinedev/core";
import {
  ChangedElsewhereAlert,
  useChangedElsewhere,
} from "../components/ChangedElsewhereAlert";

export function PostShow() {
  const { change, onLiveEvent, dismiss } = useChangedElsewhere();
  const { query } = useShow({
    resource: "posts",
    liveMode: "manual",
    onLiveEvent,
  });
  const { edit } = useNavigation();
  const post = query.data?.data;
  return (
    <section className="card">
      <div className="card-header">
        <h1>{post?.title ?? "Post"}</h1>
        {post && (
          <button type="button" onClick={() => edit("posts", post.id ?? "")}>
            Edit
          </button>
        )}
      </div>
      <ChangedElsewhereAlert
        change={change}
        onRefresh={() => {
          dismiss();
          query.refetch();
        }}
      />
      {post ? (
        <dl className="details">
          <dt>Status</dt>
          <dd>
            <span className={`pill pill-${post.status}`}>{post.status}</span>
          </dd>
          <dt>Content</dt>
          <dd>{post.content}</dd>
          <dt>Created</dt>
          <dd>{new Date(post.createdAt).toLocaleString()}</dd>
        </dl>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </section>
  );
}
