import type { BaseRecord } from "@refinedev/core";
import { type FormEvent, useEffect, useState } from "react";

export interface PostValues {
  title: string;
  status: string;
  content: string;
}

const EMPTY: PostValues = { title: "", status: "draft", content: "" };

/** The fields of a post; fills in `initial` whenever it changes. */
export function PostForm({
  initial,
  saving,
  onSubmit,
}: {
  initial?: BaseRecord | undefined;
  saving: boolean;
  onSubmit: (values: PostValues) => void;
}) {
  const [values, setValues] = useState<PostValues>(EMPTY);
  useEffect(() => {
    if (initial) {
      setValues({
        title: String(initial.title ?? ""),
        status: String(initial.status ?? "draft"),
        content: String(initial.content ?? ""),
      });
    }
  }, [initial]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  return (
    <form onSubmit={submit} className="form">
      <label>
        Title
        <input
          name="title"
          required
          value={values.title}
          onChange={(e) => setValues({ ...values, title: e.target.value })}
        />
      </label>
      <label>
        Status
        <select
          name="status"
          value={values.status}
          onChange={(e) => setValues({ ...values, status: e.target.value })}
        >
          <option value="draft">draft</option>
          <option value="published">published</option>
        </select>
      </label>
      <label>
        Content
        <textarea
          name="content"
          rows={6}
          value={values.content}
          onChange={(e) => setValues({ ...values, content: e.target.value })}
        />
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}
