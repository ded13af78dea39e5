import { checkShape } from "../model/structure";
import type { ShapeIssue } from "../model/shape-messages";
import type { CorsRequest, EvaluableConfig } from "./types";

/*
 * evaluate and lintPolicy are public, and JavaScript callers (or a program's `any`) can hand them
 * anything: a rule whose allowedOrigins is a string made them throw a TypeError from deep inside
 * a dialect (issue 23). The cheap guard runs on every call; the shape check, which words the
 * problems with their paths, only when the guard fails.
 */

const isStrings = (value: unknown): boolean => Array.isArray(value) && value.every((v) => typeof v === "string");
const optional = (value: unknown, check: (v: unknown) => boolean): boolean => value === undefined || check(value);

function isEvaluableRule(rule: unknown): boolean {
  if (typeof rule !== "object" || rule === null) return false;
  const r = rule as Record<string, unknown>;
  return (
    isStrings(r["allowedOrigins"]) &&
    isStrings(r["allowedMethods"]) &&
    optional(r["allowedHeaders"], isStrings) &&
    optional(r["exposeHeaders"], isStrings) &&
    optional(r["id"], (v) => typeof v === "string") &&
    optional(r["maxAgeSeconds"], (v) => typeof v === "number" && Number.isFinite(v))
  );
}

/**
 * Why `config` cannot be evaluated or linted: the shape check's issues (field types, paths, the
 * fix), without its complaints about extra fields, which a dialect ignores; empty when it can.
 * Never throws, whatever `config` is (a throwing getter, a Proxy included).
 */
export function evaluableProblems(config: unknown): ShapeIssue[] {
  try {
    if (config === null) return [];
    if (typeof config === "object" && Array.isArray((config as { rules?: unknown }).rules)) {
      if ((config as EvaluableConfig).rules.every(isEvaluableRule)) return [];
    }
  } catch {
    // checkShape below reports what reading it threw.
  }
  const shape = checkShape(config);
  return shape.ok ? [] : shape.issues.filter((i) => i.code !== "unknown-field");
}

/** Why `request` is not a request to evaluate, or undefined: a method string and headers of strings. Never throws. */
export function requestProblem(request: unknown): string | undefined {
  try {
    if (typeof request !== "object" || request === null)
      return `request: ${describe(request)}; expected { method, headers } — pass the request a browser sends`;
    const { method, headers } = request as CorsRequest;
    if (typeof method !== "string") return `request.method: ${describe(method)}; expected a string such as "OPTIONS" or "GET" — set it`;
    if (typeof headers !== "object" || (headers as unknown) === null || Array.isArray(headers)) {
      return `request.headers: ${describe(headers)}; expected an object of header names to strings, e.g. { Origin: "https://app.example.com" } — set it`;
    }
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value !== "string") return `request.headers[${JSON.stringify(name)}]: ${describe(value)}; expected a string — pass the header's value as text`;
    }
    return undefined;
  } catch (error) {
    return `request could not be read (${error instanceof Error ? error.message : "unknown error"}) — pass plain data`;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return "is missing";
  if (value === null) return "is null";
  if (Array.isArray(value)) return "is a list";
  return `is a ${typeof value}`;
}
