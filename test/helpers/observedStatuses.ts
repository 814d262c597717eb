/**
 * Each status as the SDK sent it (observed through the emulator, pubnub 8 to
 * 12, both subscribe loops), and what the provider makes of it.
 */
export const subscribe = "PNSubscribeOperation";
export const observedStatuses = [
  // Both loops, every version.
  ["connected", { category: "PNConnectedCategory", operation: subscribe }],
  ["disconnected", { category: "PNDisconnectedCategory" }],
  ["offline", { category: "PNNetworkDownCategory" }],
  // Event engine, pubnub 9–12: the cause's category in `error`.
  [
    "stopped",
    {
      category: "PNDisconnectedUnexpectedlyCategory",
      error: "PNServerErrorCategory",
    },
  ],
  [
    "stopped",
    {
      category: "PNDisconnectedUnexpectedlyCategory",
      error: "PNNetworkIssuesCategory",
    },
  ],
  [
    "stopped",
    { category: "PNConnectionErrorCategory", error: "PNNetworkIssuesCategory" },
  ],
  [
    "access-denied",
    {
      category: "PNDisconnectedUnexpectedlyCategory",
      error: "PNAccessDeniedCategory",
    },
  ],
  [
    "access-denied",
    { category: "PNConnectionErrorCategory", error: "PNAccessDeniedCategory" },
  ],
  // Event engine, pubnub 8: a message, naming a 403 only under a retry policy.
  [
    "stopped",
    {
      category: "PNDisconnectedUnexpectedlyCategory",
      error: "Unable to complete subscribe messages receive.",
    },
  ],
  [
    "access-denied",
    {
      category: "PNDisconnectedUnexpectedlyCategory",
      error: "forbidden operation.",
    },
  ],
  // Older loop, every version.
  [
    "retrying",
    {
      category: "PNNetworkIssuesCategory",
      operation: subscribe,
      error: true,
      statusCode: 0,
    },
  ],
  ["reconnected", { category: "PNReconnectedCategory", operation: subscribe }],
  [
    "access-denied",
    {
      category: "PNAccessDeniedCategory",
      operation: subscribe,
      error: true,
      statusCode: 403,
    },
  ],
  [
    "stopped",
    {
      category: "PNServerErrorCategory",
      operation: subscribe,
      error: true,
      statusCode: 500,
    },
  ],
  [
    "stopped",
    {
      category: "PNBadRequestCategory",
      operation: subscribe,
      error: true,
      statusCode: 400,
    },
  ],
  // pubnub 8's 5xx, and pubnub 12's network errors (undici).
  [
    "stopped",
    {
      category: "PNUnknownCategory",
      operation: subscribe,
      error: true,
      statusCode: 500,
    },
  ],
  [
    "stopped",
    {
      category: "PNUnknownCategory",
      operation: subscribe,
      error: true,
      statusCode: 0,
    },
  ],
  // Nothing to do.
  [
    "ignored",
    { category: "PNSubscriptionChangedCategory", operation: subscribe },
  ],
  [
    "ignored",
    { category: "PNTimeoutCategory", operation: subscribe, error: true },
  ],
  [
    "ignored",
    {
      category: "PNNetworkIssuesCategory",
      operation: "PNHeartbeatOperation",
      error: true,
    },
  ],
  [
    "ignored",
    {
      category: "PNAcknowledgmentCategory",
      operation: "PNUnsubscribeOperation",
    },
  ],
  [
    "ignored",
    { category: "PNRequestMessageCountExceededCategory", operation: subscribe },
  ],
] as const;
