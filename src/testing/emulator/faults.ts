import type { RequestParts } from "./requestParts";
import { serviceError } from "./responses";

/** A failure to inject: an HTTP status, or a dropped connection. */
export interface EmulatorFault {
  /** Answer with this HTTP status (e.g. 500, 403). */
  status?: number;
  /** Drop the connection instead of answering. */
  network?: boolean;
}

/** The operation a fault is for, or `"any"`. */
export type FaultTarget = RequestParts["operation"] | "any";

/** Faults waiting for the requests they break, first in, first out. */
export class FaultQueue {
  readonly #faults: Array<{ target: FaultTarget; fault: EmulatorFault }> = [];

  add(target: FaultTarget, fault: EmulatorFault, times: number): void {
    for (let index = 0; index < times; index++) {
      this.#faults.push({ target, fault });
    }
  }

  /** The first fault for `operation`, taken off the queue. */
  take(operation: RequestParts["operation"]): EmulatorFault | undefined {
    const index = this.#faults.findIndex(
      ({ target }) => target === "any" || target === operation,
    );
    return index === -1 ? undefined : this.#faults.splice(index, 1)[0]?.fault;
  }
}

/** What PubNub answers with `status`. */
export function faultResponse(status: number): Response {
  return status === 403
    ? serviceError(403, "Forbidden", "Access Manager", { channels: [] })
    : serviceError(status, "Emulated failure", "Emulator");
}
