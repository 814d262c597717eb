import { useForm } from "@refinedev/core";
import { PostForm } from "./PostForm";

export function PostCreate() {
  const { onFinish, formLoading } = useForm({
    resource: "posts",
    action: "create",
  });
  return (
    <section className="card">
      <div className="card-header">
        <h1>Create post</h1>
      </div>
      <PostForm saving={formLoading} onSubmit={(values) => onFinish(values)} />
    </section>
  );
}
