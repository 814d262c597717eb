import { useLogin } from "@refinedev/core";
import {
  Avatar,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Radio,
  Typography,
} from "antd";
import type { LoginValues } from "../auth/authProvider";
import { AVATAR_COLORS } from "../auth/identity";

const SUGGESTED = ["Alice", "Bob", "Carol"];

/** Pick a name and an avatar colour: others see them in presence. */
export function LoginPage() {
  const { mutate: login, isPending } = useLogin<LoginValues>();
  const [form] = Form.useForm<LoginValues>();
  return (
    <Flex align="center" justify="center" style={{ minHeight: "100vh" }}>
      <Card title="Sign in to Posts" style={{ width: 380 }}>
        <Typography.Paragraph type="secondary">
          No password: your name and colour show others who is on a page. Open a
          second window as someone else to see live updates and presence.
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ color: AVATAR_COLORS[0] }}
          onFinish={(values) => login(values)}
        >
          <Form.Item
            label="Name"
            name="name"
            rules={[
              { required: true, whitespace: true, message: "Type a name." },
            ]}
          >
            <Input autoFocus placeholder="Alice" />
          </Form.Item>
          <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
            <Typography.Text type="secondary">Or sign in as</Typography.Text>
            {SUGGESTED.map((name) => (
              <Button
                key={name}
                size="small"
                onClick={() =>
                  login({ name, color: form.getFieldValue("color") })
                }
              >
                {name}
              </Button>
            ))}
          </Flex>
          <Form.Item label="Avatar colour" name="color">
            <Radio.Group>
              {AVATAR_COLORS.map((color) => (
                <Radio key={color} value={color} aria-label={color}>
                  <Avatar size="small" style={{ backgroundColor: color }} />
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={isPending}>
            Sign in
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
