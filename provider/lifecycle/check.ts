import { parsePolicy } from "../api/parse";
import { formatPath, issueText, type Issue } from "../model/issue";
import { checkShape } from "../model/structure";
import { validate } from "../validate/validate";
import { normalize } from "../model/normalize";
import type { CorsConfigurationInput, CorsRule } from "../model/schema";
import { widen } from "../validate/expressible";
import { getProfile, isProfileName } from "../profiles";
import type { ProfileName } from "../profiles/types";
import { checkTarget, type Target } from "../targets";
import { checkExpectations } from "./expectations";
import { containsUnknown, ON_EXISTING, UNKNOWN, VERIFY_MODES } from "./types";

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

  // A target with unknown fields (bucket: someBucket.id in preview) still names its profile.
  const profile = target?.profile ?? knownProfileOf(news["target"]) ?? "s3";
  const swift = checkSwiftOptions(news["swift"], failures);
  if (swift !== undefined) inputs["swift"] = swift;
  const rules = checkRulesOrDocument(news, profile, swift?.allowWidening === true, failures);
  if (rules !== undefined) inputs["rules"] = rules;

  const expectations = news["expect"];
  if (containsUnknown(expectations)) inputs["expect"] = expectations;
  else {
    const dialect = getProfile(profile).dialect.value;
    const checked = checkExpectations(expectations, Array.isArray(rules) ? rules : undefined, dialect, failures);
    if (checked !== undefined) inputs["expect"] = checked;
  }

  const verify = news["verify"] ?? "read";
  if (verify !== UNKNOWN && !(VERIFY_MODES as readonly unknown[]).includes(verify)) {
    failures.push({ property: "verify", reason: `${JSON.stringify(verify)} is not an option; allowed are ${VERIFY_MODES.map((o) => `"${o}"`).join(", ")} — use "preflight" to send real preflights for every expect entry after apply` });
  }
  if (verify === "preflight" && (news["expect"] === undefined || (Array.isArray(news["expect"]) && news["expect"].length === 0))) {
    failures.push({ property: "verify", reason: '"preflight" has nothing to send; preflights are sent for expect entries — add expect: [{ origin, method, allowed }], or use verify: "read"' });
  }
  inputs["verify"] = verify;

  const onExisting = news["onExisting"] ?? "fail";
  if (onExisting !== UNKNOWN && !(ON_EXISTING as readonly unknown[]).includes(onExisting)) {
    failures.push({ property: "onExisting", reason: `${JSON.stringify(onExisting)} is not an option; allowed are ${ON_EXISTING.map((o) => `"${o}"`).join(", ")} — use "adopt" to take over a matching configuration, "overwrite" to replace it` });
  }
  inputs["onExisting"] = onExisting;

  const timeout = news["propagationTimeoutSeconds"];
  if (timeout !== undefined) {
    if (timeout !== UNKNOWN && (typeof timeout !== "number" || !Number.isFinite(timeout) || timeout < 0 || timeout > MAX_PROPAGATION_TIMEOUT)) {
      failures.push({ property: "propagationTimeoutSeconds", reason: `${JSON.stringify(timeout)} is not a number of seconds between 0 and ${MAX_PROPAGATION_TIMEOUT} — use e.g. 60, or omit it for the vendor's default` });
    }
    inputs["propagationTimeoutSeconds"] = timeout;
  }
  return { inputs, failures };
}

/** `swift: { allowWidening }`: accept a policy a Swift container can only hold in a wider form. */
function checkSwiftOptions(value: unknown, failures: CheckFailure[]): { allowWidening: boolean } | undefined {
  if (value === undefined || value === UNKNOWN) return undefined;
  const allow = (value as { allowWidening?: unknown } | null)?.allowWidening;
  const keys = value !== null && typeof value === "object" ? Object.keys(value) : [];
  if (typeof value !== "object" || value === null || keys.some((k) => k !== "allowWidening") || (allow !== undefined && typeof allow !== "boolean")) {
    failures.push({ property: "swift", reason: `${JSON.stringify(value)} is not valid; it takes { allowWidening?: boolean } — e.g. swift: { allowWidening: true }` });
    return undefined;
  }
  return { allowWidening: allow === true };
}

/** The profile a (partly unknown) target names, when it names a known one. */
function knownProfileOf(target: unknown): ProfileName | undefined {
  const profile = (target as { profile?: unknown } | null)?.profile;
  return isProfileName(profile) ? profile : undefined;
}

function checkRulesOrDocument(news: Record<string, unknown>, profile: ProfileName, allowWidening: boolean, failures: CheckFailure[]): CorsRule[] | string | undefined {
  const rules = news["rules"];
  const document = news["document"];
  if (rules !== undefined && document !== undefined) {
    failures.push({ property: "document", reason: "is set together with rules; a CorsPolicy takes exactly one of them — remove one" });
    return undefined;
  }
  if (rules === undefined && document === undefined) {
    failures.push({ property: "rules", reason: "is missing; a CorsPolicy needs rules (or a document in any supported format) — add rules: [{ allowedOrigins: [...], allowedMethods: [...] }]" });
    return undefined;
  }
  if (containsUnknown(rules ?? document)) return UNKNOWN;
  if (rules !== undefined) {
    const shape = checkShape({ rules });
    if (!shape.ok) {
      failures.push(...shape.issues.map(toFailure));
      return undefined;
    }
    const issues = validate(shape.value, { profile, allowWidening }).filter((i) => i.severity === "error");
    failures.push(...issues.map(toFailure));
    return issues.length === 0 ? held(shape.value, profile, allowWidening) : undefined;
  }
  const parsed = parsePolicy(document);
  const issues: Issue[] = [...parsed.issues.filter((i) => i.severity === "error")];
  if (parsed.config !== undefined) issues.push(...validate(parsed.config, { profile, allowWidening }).filter((i) => i.severity === "error"));
  failures.push(...issues.map((i) => ({ property: "document", reason: `${i.message}` })));
  return issues.length === 0 && parsed.config !== undefined ? held(parsed.config, profile, allowWidening) : undefined;
}

/** The normalized rules the target will really hold: widened first when the user accepted widening. */
function held(config: CorsConfigurationInput, profile: ProfileName, allowWidening: boolean): CorsRule[] {
  return normalize(allowWidening ? widen(config, getProfile(profile)) : config).rules;
}

/**
 * A failure as the engine should get it. The engine prints `property <p> value {<v>} has a
 * problem: <reason>`, looking `p` up as a top-level input (pulumi/pulumi
 * pkg/resource/deploy/step_generator.go, issueCheckErrors), so a nested path such as
 * `rules[0].allowedOrigins[0]` prints `value {<nil>}`. A nested path therefore goes into the
 * reason with no property, which the engine prints as `resource '<name>' has a problem: <path>: <reason>`.
 */
export function forEngine(failure: CheckFailure): CheckFailure {
  return /[.[]/.test(failure.property) ? { property: "", reason: `${failure.property}: ${failure.reason}` } : failure;
}

function toFailure(issue: Issue): CheckFailure {
  // The engine prints the property before the reason, so the reason drops the message's own path prefix.
  const at = formatPath(issue.path);
  return { property: at === "" ? "rules" : at, reason: issueText(issue) };
}
