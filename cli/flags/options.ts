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

/** `--deadline`: a whole number of seconds, at least 1 (0 would send nothing). */
export function deadlineSeconds(value: string): number {
  if (!/^[0-9]+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError("expected a whole number of seconds of at least 1, e.g. 300");
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

/**
 * Commander parser for an object key: one that stays inside the bucket. A "." or ".." segment
 * would be resolved away by the URL (`verify --key ../../other/x` reached another bucket), and
 * a leading "/" or a control character has no place in a key a page fetches.
 */
export function objectKey(value: string): string {
  if (value === "") throw new InvalidArgumentError("is empty — give an object key such as uploads/photo.jpg");
  if (value.startsWith("/")) throw new InvalidArgumentError(`starts with "/" — give the key without it, e.g. ${JSON.stringify(value.replace(/^\/+/, ""))}`);
  if (value.split("/").some((segment) => segment === "." || segment === ".."))
    throw new InvalidArgumentError('has a "." or ".." segment, which would leave the bucket — give the key as stored, e.g. uploads/photo.jpg');
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new InvalidArgumentError("has a control character — give the key as stored, e.g. uploads/photo.jpg");
  return value;
}
