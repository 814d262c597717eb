import type { AccessDeniedError } from "./AccessDeniedError";
import type { CallbackError } from "./CallbackError";
import type { ChannelNameError } from "./ChannelNameError";
import type { ConnectionError } from "./ConnectionError";
import type { DisposedError } from "./DisposedError";
import type { InvalidMessageError } from "./InvalidMessageError";
import type { PresenceError } from "./PresenceError";
import type { PublishError } from "./PublishError";
import type { SubscribeError } from "./SubscribeError";

/**
 * Every error a provider reports through `onError`. `category` narrows it to
 * one class:
 *
 * ```ts
 * onError: (error) => {
 *   if (error.category === "publish") console.log(error.statusCode);
 * };
 * ```
 */
export type LiveError =
  | ChannelNameError
  | SubscribeError
  | PublishError
  | InvalidMessageError
  | CallbackError
  | ConnectionError
  | AccessDeniedError
  | DisposedError
  | PresenceError;
