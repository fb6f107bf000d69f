/**
 * A small circuit breaker: after `threshold` consecutive failures it opens and refuses calls at
 * once (microseconds instead of a timeout) for `resetMs`; then one trial call decides whether it
 * closes again.
 */
export class CircuitBreaker {
  #failures = 0;
  #openedAt = 0;
  #trialInFlight = false;

  constructor(private readonly options: { threshold: number; resetMs: number }) {}

  get state(): "closed" | "open" | "half-open" {
    if (this.#failures < this.options.threshold) return "closed";
    return Date.now() - this.#openedAt >= this.options.resetMs ? "half-open" : "open";
  }

  /** Runs `call` unless the breaker is open; `isFailure` decides which errors count against the dependency. */
  async run<T>(
    call: () => Promise<T>,
    isFailure: (error: unknown) => boolean,
    onOpen: () => Error,
  ): Promise<T> {
    const state = this.state;
    if (state === "open" || (state === "half-open" && this.#trialInFlight)) throw onOpen();
    const trial = state === "half-open";
    if (trial) this.#trialInFlight = true;
    try {
      const result = await call();
      this.#failures = 0;
      return result;
    } catch (error) {
      if (isFailure(error)) {
        this.#failures += 1;
        if (this.#failures >= this.options.threshold) this.#openedAt = Date.now();
      } else {
        this.#failures = 0;
      }
      throw error;
    } finally {
      if (trial) this.#trialInFlight = false;
    }
  }
}
