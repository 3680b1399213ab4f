/** A leader's handle on a flight: settle it once the shared work is done. */
export interface FlightLead<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/**
 * Shares one in-progress operation among concurrent callers with the same key. Unlike a plain `run(key, fn)`, a
 * leader can take several flights and settle them from one batched request.
 */
export class SingleFlight<T> {
  private readonly flights = new Map<string, Promise<T>>();

  /** The flight already in progress for `key`, if any. */
  join(key: string): Promise<T> | undefined {
    return this.flights.get(key);
  }

  /** Starts a flight for `key`; it is forgotten as soon as it settles, so later callers start afresh. */
  lead(key: string): FlightLead<T> {
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.catch(() => undefined);
    this.flights.set(key, promise);
    const forget = () => {
      if (this.flights.get(key) === promise) this.flights.delete(key);
    };
    return {
      promise,
      resolve: (v) => {
        forget();
        resolve(v);
      },
      reject: (e) => {
        forget();
        reject(e);
      },
    };
  }

  /** Runs `fn` unless a flight for `key` is already in progress, whose result is then shared. */
  run(key: string, fn: () => Promise<T>): Promise<T> {
    const existing = this.join(key);
    if (existing) return existing;
    const lead = this.lead(key);
    fn().then(lead.resolve, lead.reject);
    return lead.promise;
  }

  /** Flights in progress. */
  get size(): number {
    return this.flights.size;
  }
}
