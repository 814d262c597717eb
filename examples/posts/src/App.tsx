import { Refine } from "@refinedev/core";
import { withLiveInvalidation } from "@refinedev/pubnub/react-query";
import routerProvider, { NavigateToResource } from "@refinedev/react-router";
import dataProvider from "@refinedev/simple-rest";
import { QueryClient } from "@tanstack/react-query";
import { Fragment, type ReactNode } from "react";
import { BrowserRouter, Outlet, Route, Routes, useParams } from "react-router";
import { Layout } from "./components/Layout";
import { PostCreate } from "./pages/PostCreate";
import { PostEdit } from "./pages/PostEdit";
import { PostList } from "./pages/PostList";
import { PostShow } from "./pages/PostShow";
import { provider } from "./pubnub";

const API_URL = import.meta.env.VITE_API_URL ?? "http://127.0.0.1:4000";

// One read per query per live event, however many live hooks a page has.
const queryClient = withLiveInvalidation(new QueryClient());

/**
 * A new page for a new id: refine 5.0.12 subscribes a page's live hooks
 * once per mount, so without the key a page moved from post 1 to post 2
 * would keep hearing about post 1.
 */
function KeyedById({ children }: { children: ReactNode }) {
  const { id } = useParams();
  return <Fragment key={id}>{children}</Fragment>;
}

export function App() {
  return (
    <BrowserRouter>
      <Refine
        dataProvider={dataProvider(API_URL)}
        routerProvider={routerProvider}
        liveProvider={provider}
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
          },
        ]}
      >
        <Routes>
          <Route
            element={
              <Layout>
                <Outlet />
              </Layout>
            }
          >
            <Route index element={<NavigateToResource resource="posts" />} />
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
          </Route>
        </Routes>
      </Refine>
    </BrowserRouter>
  );
}
