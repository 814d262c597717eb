import type { ReactNode } from "react";
import { Link } from "react-router";
import { userId, usesEmulator } from "../pubnub";
import { LiveBadge } from "./LiveBadge";

export function Layout({ children }: { children: ReactNode }) {
  return (
    <div className="shell">
      <header className="topbar">
        <Link to="/posts" className="brand">
          <span className="logo" aria-hidden="true">
            ◆
          </span>
          Posts admin
        </Link>
        <nav>
          <Link to="/posts">Posts</Link>
        </nav>
        <div className="topbar-right">
          <span className="muted">
            {userId} · {usesEmulator ? "local emulator" : "PubNub"}
          </span>
          <LiveBadge />
        </div>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
