import { useDelete, useList, useNavigation } from "@refinedev/core";

export function PostList() {
  const { result, query } = useList({
    resource: "posts",
    sorters: [{ field: "id", order: "desc" }],
    pagination: { pageSize: 50 },
  });
  const { mutate: deletePost } = useDelete();
  const { create, edit, show } = useNavigation();
  const posts = result?.data ?? [];
  return (
    <section className="card">
      <div className="card-header">
        <h1>Posts</h1>
        <button
          type="button"
          className="primary"
          onClick={() => create("posts")}
        >
          + Create post
        </button>
      </div>
      {query.isLoading ? (
        <p className="muted">Loading…</p>
      ) : (
        <table data-testid="posts-table">
          <thead>
            <tr>
              <th>ID</th>
              <th>Title</th>
              <th>Status</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {posts.map((post) => (
              <tr key={post.id}>
                <td className="muted">{post.id}</td>
                <td>{post.title}</td>
                <td>
                  <span className={`pill pill-${post.status}`}>
                    {post.status}
                  </span>
                </td>
                <td className="actions">
                  <button
                    type="button"
                    onClick={() => show("posts", post.id ?? "")}
                  >
                    Show
                  </button>
                  <button
                    type="button"
                    onClick={() => edit("posts", post.id ?? "")}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() =>
                      deletePost({ resource: "posts", id: post.id ?? "" })
                    }
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
            {posts.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  No posts yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
