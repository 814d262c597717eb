import { useSelect } from "@refinedev/antd";
import type { BaseKey } from "@refinedev/core";
import { Form, Input, Select } from "antd";
import { type Category, STATUS_OPTIONS } from "./types";

/** The form items of a post; the category is picked with `useSelect`. */
export function PostFields({
  categoryId,
}: {
  categoryId?: BaseKey | undefined;
}) {
  const { selectProps } = useSelect<Category>({
    resource: "categories",
    ...(categoryId === undefined ? {} : { defaultValue: categoryId }),
  });
  return (
    <>
      <Form.Item label="Title" name="title" rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item
        label="Category"
        name={["category", "id"]}
        rules={[{ required: true }]}
      >
        <Select {...selectProps} />
      </Form.Item>
      <Form.Item label="Status" name="status" rules={[{ required: true }]}>
        <Select options={STATUS_OPTIONS} />
      </Form.Item>
      <Form.Item label="Content" name="content">
        <Input.TextArea rows={5} />
      </Form.Item>
    </>
  );
}
