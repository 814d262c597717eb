import { Refine } from "@refinedev/core";
import routerProvider, { NavigateToResource } from "@refinedev/react-router";
import dataProvider from "@refinedev/simple-rest";
import { BrowserRouter, Outlet, Route, Routes } from "react-router";
import { Layout } from "./components/Layout";
import { PostCreate } from "./pages/PostCreate";
import { PostEdit } from "./pages/PostEdit";
import { PostList } from "./pages/PostList";
import { PostShow } from "./pages/PostShow";
import { provider } from "./pubnub";

const API_URL = import.meta.env.VITE_API_URL ?? "http://127.0.0.1:4000";

export function App() {
  return (
    <BrowserRouter>
      <Refine
        dataProvider={dataProvider(API_URL)}
        routerProvider={routerProvider}
        liveProvider={provider}
        options={{ liveMode: "auto", disableTelemetry: true }}
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
              <Route path="edit/:id" element={<PostEdit />} />
              <Route path="show/:id" element={<PostShow />} />
            </Route>
          </Route>
        </Routes>
      </Refine>
    </BrowserRouter>
  );
}
