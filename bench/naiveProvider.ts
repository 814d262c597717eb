import type { LiveProvider } from "@refinedev/core";
import {
  decodeLiveMessage,
  encodeLiveEvent,
  toPubNubChannel,
} from "@refinedev/pubnub";
import type PubNub from "pubnub";

/**
 * The baseline: a direct port of refine's Ably provider to PubNub. One SDK
 * subscription per refine hook, subscribed and unsubscribed with it.
 */
export function naiveLiveProvider(pubnub: PubNub): LiveProvider {
  return {
    subscribe({ channel, types, callback }) {
      const subscription = pubnub
        .channel(toPubNubChannel(channel))
        .subscription();
      subscription.onMessage = (message) => {
        const event = decodeLiveMessage(
          message.message,
          channel,
          message.timetoken,
        );
        if (types.includes("*") || types.includes(event.type)) callback(event);
      };
      subscription.subscribe();
      return subscription;
    },
    unsubscribe(
      subscription: ReturnType<ReturnType<PubNub["channel"]>["subscription"]>,
    ) {
      subscription.unsubscribe();
    },
    publish(event) {
      void pubnub.publish({
        channel: toPubNubChannel(event.channel),
        message: encodeLiveEvent(event) as never,
      });
    },
  };
}
