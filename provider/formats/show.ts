import { show } from "../model/issue";

/** "a string", "a list", "null"... for messages. */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "undefined") return "undefined";
  return `a ${typeof value}`;
}

/** Like `show`, for any value a program may pass: numbers as JavaScript writes them (`Infinity`, not JSON's `null`), never throwing. */
export function showValue(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol") return value.toString();
  if (typeof value === "function") return "a function";
  try {
    return show(value);
  } catch {
    return Object.prototype.toString.call(value); // a BigInt inside, or a cycle
  }
}

/** A document's key or element name, clipped to 60 characters for paths and messages. */
export function clipName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 57)}...` : name;
}
