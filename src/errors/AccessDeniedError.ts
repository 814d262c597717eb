import {
  ConnectionError,
  type ConnectionErrorContext,
} from "./ConnectionError";

export interface AccessDeniedErrorContext extends ConnectionErrorContext {
  reason: "token-refused" | "no-get-token" | "tokens-refused";
}

/**
 * PubNub refused the client's Access Manager token (403). With `getToken`
 * the provider fetches a new one (`token-refused`); without it, or after
 * three refused tokens, live updates stop and the connection state is
 * `error`.
 */
export class AccessDeniedError extends ConnectionError {
  override name = "AccessDeniedError";

  constructor(context: AccessDeniedErrorContext) {
    super(context);
  }
}
