/**
 * The changed values between two inputs, one line per leaf as `pulumi preview --diff` shows them:
 * `~ path: old => new`, `+ path: new`, `- path: old`, paths like `rules[0].allowedMethods[2]`.
 */
export function valueDiff(before: unknown, after: unknown, path = ""): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const lines: string[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) lines.push(...side(before, after, i, `${path}[${i}]`));
    return lines;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => side(before, after, key, path === "" ? key : `${path}.${key}`));
  }
  return [`~ ${path}: ${show(before)} => ${show(after)}`];
}

function side(
  before: Record<string | number, unknown> | unknown[],
  after: Record<string | number, unknown> | unknown[],
  key: string | number,
  path: string,
): string[] {
  const has = (value: object) => Object.prototype.hasOwnProperty.call(value, key);
  const old = (before as Record<string | number, unknown>)[key];
  const now = (after as Record<string | number, unknown>)[key];
  if (!has(before)) return [`+ ${path}: ${show(now)}`];
  if (!has(after)) return [`- ${path}: ${show(old)}`];
  return valueDiff(old, now, path);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  // JSON.stringify(undefined) is undefined, though its type says string.
  return value === undefined ? "undefined" : JSON.stringify(value);
}
