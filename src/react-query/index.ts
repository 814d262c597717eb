export {
  type LiveInvalidationClient,
  withLiveInvalidation,
} from "./withLiveInvalidation";
