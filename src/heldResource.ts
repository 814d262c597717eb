/**
 * Counts the holders of one shared resource (an SDK subscription) and
 * releases it once the last holder has been gone for a delay, unless one
 * comes back first: React StrictMode's unmount/mount and quick navigation
 * then cost no leave and no new subscribe. Live channels and presence
 * (entered and watched channels) all count their holders with it.
 */
export class HeldResource<Holder> {
  readonly holders: Set<Holder> = new Set();
  readonly #release: () => void;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** `release` runs at most once, when the last holder has gone. */
  constructor(release: () => void) {
    this.#release = release;
  }

  hold(holder: Holder): void {
    clearTimeout(this.#timer);
    this.holders.add(holder);
  }

  /**
   * Lets go of `holder`; when it was the last, the resource is released
   * after `delay` ms, or at once for `"now"`. False when it did not hold it.
   */
  letGo(holder: Holder, delay: number | "now"): boolean {
    if (!this.holders.delete(holder)) return false;
    if (this.holders.size > 0) return true;
    clearTimeout(this.#timer);
    if (delay === "now") this.releaseNow();
    else this.#timer = setTimeout(() => this.releaseNow(), delay);
    return true;
  }

  /** Releases at once, unless someone holds it. */
  releaseNow(): void {
    clearTimeout(this.#timer);
    if (this.holders.size === 0) this.#release();
  }
}
