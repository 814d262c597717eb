import {
  ErrorComponent,
  RefineThemes,
  ThemedLayout,
  useNotificationProvider,
} from "@refinedev/antd";
import { Authenticated, Refine } from "@refinedev/core";
import { withLiveInvalidation } from "@refinedev/pubnub/react-query";
import routerProvider, {
  CatchAllNavigate,
  NavigateToResource,
} from "@refinedev/react-router";
import dataProvider, { axiosInstance } from "@refinedev/simple-rest";
import { QueryClient } from "@tanstack/react-query";
import { App as AntdApp, ConfigProvider } from "antd";
import { Fragment, type ReactNode } from "react";
import { BrowserRouter, Outlet, Route, Routes, useParams } from "react-router";
import { authProvider } from "./auth/authProvider";
import { BackOnlineNotice } from "./components/BackOnlineNotice";
import { Header } from "./components/Header";
import { Sider } from "./components/Sider";
import { liveStats } from "./liveStats";
import { LoginPage } from "./pages/login";
import { PostCreate } from "./pages/posts/create";
import { PostEdit } from "./pages/posts/edit";
import { PostList } from "./pages/posts/list";
import { PostShow } from "./pages/posts/show";
import { provider } from "./pubnub";

const API_URL = import.meta.env.VITE_API_URL ?? "http://127.0.0.1:4000";

// Every write names this tab's live session, so the backend's event about it
// is this tab's own: refine refetched already, and the edit page does not
// alert its own saver (ignoreOwnEvents).
axiosInstance.defaults.headers.common["x-live-sender"] = provider.senderId;

// One read per query per live event, however many live hooks a page has;
// the header shows the reads it saved.
const queryClient = withLiveInvalidation(new QueryClient(), {
  onStats: liveStats.set,
});

/**
 * A new page for a new id: refine 5.0.12 subscribes a page's live hooks
 * once per mount, so without the key a page moved from post 1 to post 2
 * would keep hearing about post 1.
 */
function KeyedById({ children }: { children: ReactNode }) {
  const { id } = useParams();
  return <Fragment key={id}>{children}</Fragment>;
}

function SignedInLayout() {
  return (
    <Authenticated key="app" fallback={<CatchAllNavigate to="/login" />}>
      <ThemedLayout Header={Header} Sider={Sider}>
        <Outlet />
      </ThemedLayout>
    </Authenticated>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <ConfigProvider theme={RefineThemes.Blue}>
        <AntdApp>
          <Refine
            dataProvider={dataProvider(API_URL)}
            routerProvider={routerProvider}
            liveProvider={provider}
            authProvider={authProvider}
            notificationProvider={useNotificationProvider}
            options={{
              liveMode: "auto",
              disableTelemetry: true,
              reactQuery: { clientConfig: queryClient },
            }}
            resources={[
              {
                name: "posts",
                list: "/posts",
                create: "/posts/create",
                edit: "/posts/edit/:id",
                show: "/posts/show/:id",
                meta: { canDelete: true },
              },
              { name: "categories" },
            ]}
          >
            <Routes>
              <Route element={<SignedInLayout />}>
                <Route
                  index
                  element={<NavigateToResource resource="posts" />}
                />
                <Route path="/posts">
                  <Route index element={<PostList />} />
                  <Route path="create" element={<PostCreate />} />
                  <Route
                    path="edit/:id"
                    element={
                      <KeyedById>
                        <PostEdit />
                      </KeyedById>
                    }
                  />
                  <Route
                    path="show/:id"
                    element={
                      <KeyedById>
                        <PostShow />
                      </KeyedById>
                    }
                  />
                </Route>
                <Route path="*" element={<ErrorComponent />} />
              </Route>
              <Route
                element={
                  <Authenticated key="login" fallback={<Outlet />}>
                    <NavigateToResource resource="posts" />
                  </Authenticated>
                }
              >
                <Route path="/login" element={<LoginPage />} />
              </Route>
            </Routes>
            <BackOnlineNotice />
          </Refine>
        </AntdApp>
      </ConfigProvider>
    </BrowserRouter>
  );
}
