/**
 * Calls `read` until `done` holds for its result or `timeoutSeconds` pass (at
 * least one call), backing off from `firstDelayMs` doubling up to 2 s; returns
 * the last result. The one wait-and-retry loop of the operations layer.
 */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutSeconds: number, firstDelayMs: number): Promise<T> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  let delay = firstDelayMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() + delay > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 2000);
  }
}
