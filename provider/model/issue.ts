/**
 * One problem found in a policy: where it is, a stable code, and a message that
 * names the value, the rule broken and the fix. Errors stop a policy from being
 * applied; warnings (format hints, lint) do not.
 */
export interface Issue {
  /** Stable machine-readable code, e.g. `origin-has-path`. */
  readonly code: string;
  /** Property path inside the canonical model, e.g. `rules[1].allowedOrigins[0]`; `""` for the whole document. */
  readonly path: string;
  /** `<path>: <value> <problem>; <rule> — <fix>`. */
  readonly message: string;
  /** `error` (default) blocks the policy; `warning` is advice. */
  readonly severity: "error" | "warning";
}

/** Builds an error-severity issue whose message starts with its path. */
export function issue(code: string, path: string, text: string): Issue {
  return { code, path, message: path === "" ? text : `${path}: ${text}`, severity: "error" };
}

/** Builds a warning-severity issue whose message starts with its path. */
export function warning(code: string, path: string, text: string): Issue {
  return { ...issue(code, path, text), severity: "warning" };
}

/** True when any issue is an error. */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

/** Renders a value for a message: strings quoted, the rest as JSON. */
export function show(value: unknown): string {
  if (value === undefined) return "undefined";
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
