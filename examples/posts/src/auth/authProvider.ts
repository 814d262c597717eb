import type { AuthProvider } from "@refinedev/core";
import { pubnub } from "../pubnub";
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
 * ("alice is also editing this post") and becomes the PubNub user id.
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
    pubnub.userId = identity.id;
    return { success: true, redirectTo: "/posts" };
  },
  async logout() {
    forgetIdentity();
    return { success: true, redirectTo: "/login" };
  },
  async check() {
    return readIdentity()
      ? { authenticated: true }
      : { authenticated: false, redirectTo: "/login", logout: true };
  },
  async getIdentity(): Promise<Identity | null> {
    return readIdentity() ?? null;
  },
  async onError() {
    return {};
  },
};
