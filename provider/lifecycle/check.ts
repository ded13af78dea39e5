import { parsePolicy } from "../api/parse";
import type { Issue } from "../model/issue";
import { checkShape } from "../model/structure";
import { validate } from "../model/validate";
import { normalize } from "../model/normalize";
import type { CorsRule } from "../model/schema";
import { checkTarget, type Target } from "../targets";
import { containsUnknown, ON_EXISTING, UNKNOWN } from "./types";

/** A check failure as the engine shows it: a property path and the reason. */
export interface CheckFailure {
  readonly property: string;
  readonly reason: string;
}

/** What `check` returns to the engine. */
export interface CheckOutcome {
  readonly inputs: Record<string, unknown>;
  readonly failures: CheckFailure[];
}

/** The longest propagation wait we accept, in seconds. */
const MAX_PROPAGATION_TIMEOUT = 3600;

/**
 * Validates and normalizes the inputs of a CorsPolicy. Returns normalized inputs
 * (so the engine's own input diff is semantic) and every failure with its path.
 * Unknown values (preview) are passed through, never validated as strings. No I/O.
 */
export function checkInputs(news: Record<string, unknown>): CheckOutcome {
  const failures: CheckFailure[] = [];
  const inputs: Record<string, unknown> = {};

  let target: Target | undefined;
  if (containsUnknown(news["target"])) inputs["target"] = news["target"];
  else {
    const checked = checkTarget(news["target"]);
    if (checked.ok) inputs["target"] = target = checked.target;
    else failures.push(...checked.issues.map(toFailure));
  }

  const rules = checkRulesOrDocument(news, target, failures);
  if (rules !== undefined) inputs["rules"] = rules;

  const onExisting = news["onExisting"] ?? "fail";
  if (onExisting !== UNKNOWN && !(ON_EXISTING as readonly unknown[]).includes(onExisting)) {
    failures.push({ property: "onExisting", reason: `onExisting: ${JSON.stringify(onExisting)} is not an option; allowed are ${ON_EXISTING.map((o) => `"${o}"`).join(", ")} — use "adopt" to take over a matching configuration, "overwrite" to replace it` });
  }
  inputs["onExisting"] = onExisting;

  const timeout = news["propagationTimeoutSeconds"];
  if (timeout !== undefined) {
    if (timeout !== UNKNOWN && (typeof timeout !== "number" || !Number.isFinite(timeout) || timeout < 0 || timeout > MAX_PROPAGATION_TIMEOUT)) {
      failures.push({ property: "propagationTimeoutSeconds", reason: `propagationTimeoutSeconds: ${JSON.stringify(timeout)} is not a number of seconds between 0 and ${MAX_PROPAGATION_TIMEOUT} — use e.g. 60, or omit it for the vendor's default` });
    }
    inputs["propagationTimeoutSeconds"] = timeout;
  }
  return { inputs, failures };
}

function checkRulesOrDocument(news: Record<string, unknown>, target: Target | undefined, failures: CheckFailure[]): CorsRule[] | string | undefined {
  const rules = news["rules"];
  const document = news["document"];
  if (rules !== undefined && document !== undefined) {
    failures.push({ property: "document", reason: "document: is set together with rules; a CorsPolicy takes exactly one of them — remove one" });
    return undefined;
  }
  if (rules === undefined && document === undefined) {
    failures.push({ property: "rules", reason: "rules: is missing; a CorsPolicy needs rules (or a document in any supported format) — add rules: [{ allowedOrigins: [...], allowedMethods: [...] }]" });
    return undefined;
  }
  if (containsUnknown(rules ?? document)) return UNKNOWN;
  const profile = target?.profile ?? "s3";
  if (rules !== undefined) {
    const shape = checkShape({ rules });
    if (!shape.ok) {
      failures.push(...shape.issues.map(toFailure));
      return undefined;
    }
    const issues = validate(shape.value, { profile }).filter((i) => i.severity === "error");
    failures.push(...issues.map(toFailure));
    return issues.length === 0 ? normalize(shape.value).rules : undefined;
  }
  const parsed = parsePolicy(document);
  const issues: Issue[] = [...parsed.issues.filter((i) => i.severity === "error")];
  if (parsed.config !== undefined) issues.push(...validate(parsed.config, { profile }).filter((i) => i.severity === "error"));
  failures.push(...issues.map((i) => ({ property: "document", reason: `document: ${i.message}` })));
  return issues.length === 0 && parsed.config !== undefined ? parsed.config.rules : undefined;
}

function toFailure(issue: Issue): CheckFailure {
  return { property: issue.path === "" ? "rules" : issue.path, reason: issue.message };
}
