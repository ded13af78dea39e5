/** Median of `runs` timings of `fn`, in milliseconds, after `warmup` untimed calls. */
export async function medianMs(fn: () => Promise<unknown>, runs: number, warmup = 5): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

/**
 * Medians of `a` and `b`, in milliseconds, timed in interleaved rounds (ABBA: each round swaps which
 * runs first, so neither always follows the other's garbage or warmed sockets) after the same
 * `warmup` untimed calls of each: on a loaded machine, back-to-back blocks measure the load as much
 * as the code.
 */
export async function alternatingMs(a: () => Promise<unknown>, b: () => Promise<unknown>, rounds: number, warmup = 5): Promise<[number, number]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const times: [number[], number[]] = [[], []];
  const timed = async (fn: () => Promise<unknown>, into: number[]) => {
    const start = process.hrtime.bigint();
    await fn();
    into.push(Number(process.hrtime.bigint() - start) / 1e6);
  };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      await timed(a, times[0]);
      await timed(b, times[1]);
    } else {
      await timed(b, times[1]);
      await timed(a, times[0]);
    }
  }
  return [median(times[0]), median(times[1])];
}

/** The middle value (the upper one of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** One benchmark line: the figure, its same-run baseline, and their ratio. */
export function report(name: string, value: number, baseline: number, unit: string): void {
  const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));
  const figure = (n: number) => `${fmt(n).padStart(9)} ${unit.padEnd(5)}`;
  console.log(`${name.padEnd(58)} ${figure(value)} baseline ${figure(baseline)} ratio ${(value / baseline).toFixed(2)}`);
}
