import type { AuthProvider } from "@refinedev/core";
import { signInLive, signOutLive } from "../pubnub";
import {
  forgetIdentity,
  type Identity,
  identityOf,
  readIdentity,
  saveIdentity,
} from "./identity";

/** What the login screen sends: a name and an avatar colour. */
export interface LoginValues {
  name?: string;
  color?: string;
}

/**
 * Sign-in without passwords: the identity only names the user for presence
 * ("alice is also editing this post") and becomes the PubNub user id, with
 * a subscribe-only token for that user from the API.
 */
export const authProvider: AuthProvider = {
  async login({ name, color }: LoginValues) {
    if (!name?.trim()) {
      return {
        success: false,
        error: { name: "Login failed", message: "Type a name to sign in." },
      };
    }
    const identity = identityOf(name, color);
    saveIdentity(identity, "browser");
    await signInLive(identity.id);
    return { success: true, redirectTo: "/posts" };
  },
  async logout() {
    forgetIdentity();
    signOutLive();
    return { success: true, redirectTo: "/login" };
  },
  async check() {
    const identity = readIdentity();
    if (!identity) {
      return { authenticated: false, redirectTo: "/login", logout: true };
    }
    await signInLive(identity.id);
    return { authenticated: true };
  },
  async getIdentity(): Promise<Identity | null> {
    return readIdentity() ?? null;
  },
  async onError() {
    return {};
  },
};
