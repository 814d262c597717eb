import { ThemedTitle } from "@refinedev/antd";
import { useMenu } from "@refinedev/core";
import { Layout, Menu } from "antd";
import { Link } from "react-router";

/**
 * The resources menu. refine's ThemedSider builds antd's Menu from
 * children, which antd 5 deprecates with a console warning; this one
 * passes `items`.
 */
export function Sider() {
  const { menuItems, selectedKey } = useMenu();
  return (
    <Layout.Sider
      width={200}
      theme="light"
      style={{ borderRight: "1px solid #f0f0f0" }}
    >
      <div
        style={{
          height: 56,
          padding: "0 16px",
          display: "flex",
          alignItems: "center",
        }}
      >
        <ThemedTitle collapsed={false} text="Posts · live" />
      </div>
      <Menu
        mode="inline"
        selectedKeys={[selectedKey]}
        style={{ borderInlineEnd: "none" }}
        items={menuItems.map((item) => ({
          key: item.key,
          icon: item.icon,
          label: <Link to={item.route ?? "/"}>{item.label}</Link>,
        }))}
      />
    </Layout.Sider>
  );
}
