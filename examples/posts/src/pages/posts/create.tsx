import { Create, useForm } from "@refinedev/antd";
import { Form } from "antd";
import { PostFields } from "./PostFields";
import type { Post } from "./types";

export function PostCreate() {
  const { formProps, saveButtonProps } = useForm<Post>();
  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form
        {...formProps}
        layout="vertical"
        initialValues={{ status: "draft" }}
      >
        <PostFields />
      </Form>
    </Create>
  );
}
