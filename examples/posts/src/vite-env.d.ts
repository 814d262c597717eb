/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The REST API, e.g. http://127.0.0.1:4000 */
  readonly VITE_API_URL?: string;
  /** Set to the emulator's host:port to use it instead of PubNub's cloud. */
  readonly VITE_PUBNUB_ORIGIN?: string;
  readonly VITE_PUBNUB_SUBSCRIBE_KEY?: string;
}
