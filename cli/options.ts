import { InvalidArgumentError } from "commander";

/** Commander parser for a repeatable option whose values may also be comma-separated (`--header a --header b,c`). */
export function collectList(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(",")
      .map((v) => v.trim())
      .filter((v) => v !== ""),
  ];
}

/** Commander parser for a whole number of seconds. */
export function seconds(value: string): number {
  if (!/^[0-9]+$/.test(value)) throw new InvalidArgumentError("expected a whole number of seconds, e.g. 60");
  return Number(value);
}

/**
 * The method a browser sends: fetch upper-cases DELETE, GET, HEAD, OPTIONS,
 * POST and PUT written in any case, and sends every other method as written
 * (https://fetch.spec.whatwg.org/#concept-method-normalize).
 */
export function browserMethod(method: string): string {
  const upper = method.toUpperCase();
  return ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"].includes(upper) ? upper : method;
}
