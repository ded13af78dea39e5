import { z } from "zod";
import type { LintCode } from "../evaluate/lint/messages";
import { checkLintSuppress } from "../evaluate/lint/options";
import { formatPath, issueText, show, type Issue } from "../model/issue";
import { corsRuleSchema } from "../model/schema";
import { checkTarget, endpointProblem, endpointProblemText, hasUserInfo, targetSchema } from "../targets";
import { expectationProblem, expectationSchema } from "./expectation-schema";
import type { Expectation } from "../operations/expectations";
import { MAX_PROPAGATION_TIMEOUT, ON_EXISTING, VERIFY_MODES, type VerifySetting } from "../operations/options";
import { containsUnknown } from "./unknown";
import { onWire, wireShapeOf } from "./wire";

/*
 * The schemas of the CorsPolicy's fields, one by one, each failing with the words check
 * reports (pinned by tests/lifecycle). Every issue raised here is a `custom` issue whose
 * message is the failure's reason; `params.property` names the property when it is not
 * the issue's own path (a nested rule path, a document's issue).
 */

type TargetSchema = ReturnType<typeof targetSchema>;

/**
 * Most characters of a refused field's value a reason shows: a whole expect entry fits, a
 * 10 MB value does not (issue 23, item A); `show` hides what looks like a secret.
 */
const SHOWN = 400;
type CorsRuleSchema = ReturnType<typeof corsRuleSchema>;

/** Raises one failure: `reason` at `path` (inside the field), reported as `property` when given. */
export function fail(ctx: z.core.$RefinementCtx, reason: string, path: PropertyKey[] = [], property?: string): void {
  ctx.addIssue({ code: "custom", message: reason, path, ...(property === undefined ? {} : { params: { property } }) });
}

/**
 * A failure as the engine should get it from an issue of the model: the engine prints the
 * property before the reason, so the reason drops the message's own path prefix.
 */
export function failIssue(ctx: z.core.$RefinementCtx, issue: Issue, path: PropertyKey[] = []): void {
  const at = formatPath(issue.path);
  fail(ctx, issueText(issue), path, at === "" ? "rules" : at);
}

/**
 * A value typed as the checked value it stands for, without a check. Two kinds: a value the
 * engine does not know yet (preview), which holds the unknown sentinel somewhere (Pulumi's
 * `ResourceProvider<Inputs, Outputs>` types do not model unknowns, and the engine calls
 * create and update only once every value is known); and the raw value of a field that
 * failed, which only the refinement across fields reads, as `unknown` (schema-across.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the type the value stands for
export function standingFor<T>(value: unknown): T {
  return value as T;
}

/**
 * `schema`, except that a value the engine does not know yet (preview: it is, or contains,
 * the unknown sentinel) passes through unchecked. When `reason` is given, a value that does
 * not parse fails once, worded from the whole value; otherwise with the schema's own failures.
 * A field that fails keeps its raw value, for the refinement across fields.
 */
export function field<S extends z.ZodType>(schema: S, reason?: (value: unknown) => string) {
  const checked = z.custom<z.input<S>>().transform((value, ctx): z.output<S> => {
    if (containsUnknown(value)) return standingFor<z.output<S>>(value);
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    if (reason !== undefined) fail(ctx, reason(value));
    else for (const issue of parsed.error.issues) reraise(ctx, issue);
    return standingFor<z.output<S>>(value);
  });
  return onWire(checked, () => wireShapeOf(schema) ?? schema);
}

/** Raises an issue of an inner schema again: its reason, its path and, when it names one, its property. */
function reraise(ctx: z.core.$RefinementCtx, issue: z.core.$ZodIssue): void {
  const property: unknown = issue.code === "custom" ? issue.params?.["property"] : undefined;
  fail(ctx, issue.message, issue.path, typeof property === "string" ? property : undefined);
}

/** The target: `checkTarget` parses it with the target schema, normalizes it and words its failures. */
export function targetField() {
  const target = z.custom<z.input<TargetSchema>>().transform((value, ctx): z.output<TargetSchema> => {
    const checked = checkTarget(value);
    if (checked.ok) return checked.target;
    for (const issue of checked.issues) failIssue(ctx, issue);
    return z.NEVER;
  });
  return onWire(target, targetSchema);
}

/**
 * The rules as written. Their shape (checked by the model's `checkShape`, which words its
 * failures) and what the target can hold are checked across fields, since neither is
 * checked when a document is given too.
 */
export function rulesField() {
  return onWire(z.custom<z.input<CorsRuleSchema>[]>(), () => z.array(corsRuleSchema()));
}

/** A document in any supported format: text, which `parsePolicy` reads (across fields, with the target's profile) and words. */
export function documentField() {
  return onWire(z.custom<string>(), () => z.string());
}

/** The `expect` list; each entry that is not an expectation fails at its index, worded by {@link expectationProblem}. */
export function expectField() {
  const checked = z.custom<Expectation[]>().transform((value, ctx): Expectation[] => {
    if (!Array.isArray(value)) {
      fail(ctx, `${show(value, SHOWN)} is not a list; it takes [{ origin, method, headers?, allowed, exposes? }] — wrap the entry in [ ]`);
      return z.NEVER;
    }
    const entries: Expectation[] = [];
    value.forEach((entry: unknown, index) => {
      const parsed = expectationSchema().safeParse(entry);
      if (parsed.success) entries.push(parsed.data);
      else
        fail(
          ctx,
          `${show(entry, SHOWN)} ${expectationProblem(entry, parsed.error)}; an expectation is { origin: string, method: string, headers?: string[], allowed: boolean, exposes?: string[], credentials?: boolean, reads?: string[] } — fix the entry`,
          [index],
        );
    });
    return entries;
  });
  return onWire(checked, () => z.array(expectationSchema()));
}

/** `verify` as checked inputs hold it: a mode, or `{ via, key? }` already checked by {@link verifyField}. */
export function verifySettingSchema() {
  return z.union([z.enum(VERIFY_MODES), z.strictObject({ via: z.string(), key: z.string().optional() })]);
}

/**
 * `verify`: what is checked after writing, a mode or `{ via, key? }`. The fronting URL is an http(s) URL without a
 * user name or password (it would be stored in the state; the front is only ever sent what a browser sends).
 */
export function verifyField() {
  const checked = z.custom<VerifySetting>().transform((value, ctx): VerifySetting => {
    const parsed = verifySettingSchema().safeParse(value);
    if (!parsed.success) {
      fail(ctx, verifyReason(value));
      return z.NEVER;
    }
    const setting = parsed.data;
    if (typeof setting === "string") return setting;
    const problem = hasUserInfo(setting.via) ? undefined : endpointProblem(setting.via, true);
    if (hasUserInfo(setting.via)) {
      fail(ctx, VIA_USERINFO, ["via"]);
    } else if (problem !== undefined) {
      fail(
        ctx,
        endpointProblemText(problem, (url) => `write ${show(url)}`),
        ["via"],
      );
    }
    const keyProblem = setting.key === undefined ? undefined : verifyKeyProblem(setting.key);
    if (keyProblem !== undefined) fail(ctx, keyProblem, ["key"]);
    return setting.key === undefined ? { via: setting.via } : { via: setting.via, key: setting.key };
  });
  return onWire(checked, verifyWireShape);
}

/**
 * What the provider plugin's package schema (plugin/schema.ts) says `verify` takes: the modes only, for now. Its
 * generator names a union's enum and object members alike (`VerifyModeOptions`) and has no docs for `{ via, key }`
 * yet, so the plugin does not offer `verify: { via }`; the dynamic provider and the CLI do.
 */
export function verifyWireShape() {
  return z.enum(VERIFY_MODES);
}

const VIA_USERINFO =
  "has a user name or password in it (user:password@host); it is not shown, and it would be stored in the state — a front is sent only what a browser sends, never credentials: give its URL without them";

/** Why an object key is refused, in the words of `--key` (cli/options.ts, objectKey): it must name an object inside the bucket. */
function verifyKeyProblem(key: string): string | undefined {
  if (key === "") return 'is empty — give an object key such as "index.html", or leave key out';
  if (key.startsWith("/")) return `${show(key)} starts with "/" — give the key without it, e.g. ${show(key.replace(/^\/+/, ""))}`;
  if (key.split("/").some((segment) => segment === "." || segment === ".."))
    return `${show(key)} has a "." or ".." segment, which would leave the bucket — give the key as stored`;
  return undefined;
}

/** Why a `verify` value is refused: an object is read as `{ via, key? }`, anything else as a mode. */
function verifyReason(value: unknown): string {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    return `${show(value, SHOWN)} is not valid; it takes { via: string, key?: string } — e.g. verify: { via: "https://cdn.example.com", key: "index.html" } to send the expect entries through the CDN in front of the bucket too`;
  }
  return `${show(value, SHOWN)} is not an option; allowed are ${VERIFY_MODES.map((o) => `"${o}"`).join(", ")} — use "preflight" to send real preflights for every expect entry after apply`;
}

/** `onExisting`: what `create` does with a configuration it finds. */
export function onExistingField() {
  return z.enum(ON_EXISTING);
}

/** Why an `onExisting` value is refused. */
export function onExistingReason(value: unknown): string {
  return `${show(value, SHOWN)} is not an option; allowed are ${ON_EXISTING.map((o) => `"${o}"`).join(", ")} — use "adopt" to take over a matching configuration, "overwrite" to replace it`;
}

/** `propagationTimeoutSeconds`: a finite number of seconds (zod refuses NaN and infinities), at most {@link MAX_PROPAGATION_TIMEOUT}. */
export function propagationTimeoutField() {
  return z.number().min(0).max(MAX_PROPAGATION_TIMEOUT);
}

/** Why a `propagationTimeoutSeconds` value is refused. */
export function propagationTimeoutReason(value: unknown): string {
  return `${show(value, SHOWN)} is not a number of seconds between 0 and ${MAX_PROPAGATION_TIMEOUT} — use e.g. 60, or omit it for the vendor's default`;
}

/** Most seconds a `timeouts` deadline may be: one hour, like {@link MAX_PROPAGATION_TIMEOUT}. */
export const MAX_TIMEOUT_SECONDS = 3600;

/**
 * `timeouts`: overall deadlines in seconds, like Terraform's `timeouts` block: `operationSeconds`
 * for each read, write or removal of the configuration (login, retries and back-offs included),
 * `probeSeconds` for each request verification sends as a browser would, and `totalSeconds` for
 * the whole of one create, update, delete or read: every call and every wait between them.
 */
export function timeoutsField() {
  const seconds = z.number().gt(0).max(MAX_TIMEOUT_SECONDS);
  return z.strictObject({ operationSeconds: seconds.optional(), probeSeconds: seconds.optional(), totalSeconds: seconds.optional() });
}

/** Why a `timeouts` value is refused. */
export function timeoutsReason(value: unknown): string {
  return `${show(value, SHOWN)} is not valid; it takes { operationSeconds?: number, probeSeconds?: number, totalSeconds?: number }, each more than 0 and at most ${MAX_TIMEOUT_SECONDS} — e.g. timeouts: { operationSeconds: 120 }, or omit it for 60 s, 10 s and, for the whole operation, twice operationSeconds plus twice the propagation timeout`;
}

/** `swift: { allowWidening }`: accept a policy a Swift container can only hold in a wider form. Normalized to a boolean. */
export function swiftField() {
  return z.strictObject({ allowWidening: z.boolean().optional() }).transform((swift) => ({ allowWidening: swift.allowWidening === true }));
}

/** Why a `swift` value is refused. */
export function swiftReason(value: unknown): string {
  return `${show(value, SHOWN)} is not valid; it takes { allowWidening?: boolean } — e.g. swift: { allowWidening: true }`;
}

/**
 * `lint`: preview warnings, which the SDK logs itself (sdk/warnings.ts); the SDK sends the
 * option so that check refuses a suppression naming no lint code (a typo would otherwise
 * silence nothing, silently). Not kept in the outputs.
 */
export function lintField() {
  const shape = z.union([z.literal(false), z.strictObject({ suppress: z.record(z.string(), z.array(lintCode()).readonly()).readonly().optional() })]);
  const checked = z.custom<z.input<typeof shape>>().transform((value, ctx): z.output<typeof shape> => {
    if (containsUnknown(value)) return standingFor<z.output<typeof shape>>(value);
    const parsed = shape.safeParse(value);
    if (!parsed.success) fail(ctx, lintReason(value));
    else if (parsed.data !== false) for (const issue of checkLintSuppress(parsed.data.suppress)) failIssue(ctx, issue);
    return parsed.success ? parsed.data : z.NEVER;
  });
  // On the wire a lint code is a string: checkLintSuppress names the codes it takes.
  return onWire(checked, () => z.union([z.literal(false), z.strictObject({ suppress: z.record(z.string(), z.array(z.string())).optional() })]));
}

/** A lint code as the SDK types it; any string passes here, so that `checkLintSuppress` words the refusal of an unknown one. */
function lintCode() {
  return z.custom<LintCode>((value) => typeof value === "string");
}

/** Why a `lint` value is refused. */
export function lintReason(value: unknown): string {
  return `${show(value, SHOWN)} is not valid; it takes false or { suppress?: { [ruleId]: codes[] } } — e.g. lint: { suppress: { "public-read": ["wildcard-origin-write"] } }`;
}
