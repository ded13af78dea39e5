import * as z from "zod";
import type { LintCode } from "../evaluate/lint/messages";
import { checkLintSuppress } from "../evaluate/lint/options";
import { corsRuleSchema, normalizedCorsRuleSchema, type CorsRuleInput } from "../model/schema";
import { show } from "../model/issue";
import { checkShape } from "../model/structure";
import { checkTarget, endpointProblem, endpointProblemText, hasUserInfo, targetSchema, type TargetInput } from "../targets";
import { ON_EXISTING, VERIFY_MODES, MAX_PROPAGATION_TIMEOUT } from "../operations/options";
import { expectationProblem, expectationSchema } from "./expectation-schema";
import { checkAcrossFields, rulesHeldFor } from "./schema-across";
import { fail, failIssue, failWithin } from "./failures";
import {
  documentMessage,
  expectEntryMessage,
  expectListMessage,
  lintMessage,
  MAX_TIMEOUT_SECONDS,
  onExistingMessage,
  propagationTimeoutMessage,
  swiftMessage,
  timeoutsMessage,
  verifyKeyProblem,
  verifyMessage,
  VIA_USERINFO,
} from "./field-messages";
import { known } from "./known";

/*
 * The one schema of a CorsPolicy's inputs. Its input type is what a program gives (the SDK's
 * args, resolved: sdk/args.ts proves it at compile time); its output is the checked,
 * normalized inputs every later call receives (`PolicyInputs`, types.ts). `check` is this
 * schema's safeParse; the plugin's package schema is its JSON Schema (plugin/schema.ts). Each
 * field is a zod schema declaring its words with zod's `error` parameter (field-messages.ts),
 * inside the one wrapper for values the engine does not know yet (known.ts). The target and the
 * rules are worded by their own areas (targets/messages.ts, model/shape-messages.ts, shared with
 * the CLI and the SDK), whose checks run before the schema. Factories, not constants: no zod
 * schema may be reachable from the serialized provider (pulumi/pulumi#5294). All `@internal`:
 * no public declaration file mentions zod (see ../model/types.ts).
 */

/** The target: `checkTarget` checks and normalizes it (R2's `default` jurisdiction dropped) and words its failures. */
function targetField() {
  return z.preprocess((value: TargetInput, ctx) => {
    const checked = checkTarget(value);
    if (checked.ok) return checked.target;
    failWithin(ctx, checked.issues);
    return z.NEVER;
  }, targetSchema());
}

/**
 * The rules as written, worded by the model's shape check. What the target can hold is checked
 * across fields (schema-across.ts), since it depends on the target and the swift option.
 */
function rulesField() {
  return z.preprocess((value: CorsRuleInput[], ctx) => {
    const shape = checkShape({ rules: value });
    if (shape.ok) return shape.value.rules;
    failWithin(ctx, shape.issues);
    return z.NEVER;
  }, z.array(corsRuleSchema()));
}

/** A document in any supported format, as text: `parsePolicy` reads it across fields, with the target's profile. */
function documentField() {
  return z.string({ error: documentMessage });
}

/** The `expect` list; an entry that is not an expectation fails at its index. */
function expectField() {
  const entry = z.strictObject(expectationSchema().shape, { error: expectEntryMessage(expectationProblem) });
  return z.array(known(entry), { error: expectListMessage });
}

/** `verify` as checked inputs hold it: a mode, or `{ via, key? }`. */
function verifySettingSchema() {
  return z.union([z.enum(VERIFY_MODES), z.strictObject({ via: z.string(), key: z.string().optional() })], { error: verifyMessage });
}

/**
 * `verify`: what is checked after writing, a mode or `{ via, key? }`. The fronting URL is an http(s) URL without a
 * user name or password (it would be stored in the state; the front is only ever sent what a browser sends).
 */
function verifyField() {
  return verifySettingSchema().superRefine((setting, ctx) => {
    if (typeof setting === "string") return;
    const problem = hasUserInfo(setting.via) ? undefined : endpointProblem(setting.via, true);
    if (hasUserInfo(setting.via)) fail(ctx, VIA_USERINFO, ["via"]);
    else if (problem !== undefined)
      fail(
        ctx,
        endpointProblemText(problem, (url) => `write ${show(url)}`),
        ["via"],
      );
    const keyProblem = setting.key === undefined ? undefined : verifyKeyProblem(setting.key);
    if (keyProblem !== undefined) fail(ctx, keyProblem, ["key"]);
  });
}

/**
 * What the provider plugin's package schema (plugin/schema.ts) says `verify` takes: the modes only, for now. Its
 * generator names a union's enum and object members alike (`VerifyModeOptions`) and has no docs for `{ via, key }`
 * yet, so the plugin does not offer `verify: { via }`; the dynamic provider and the CLI do.
 */
function verifyOnTheWire() {
  return z.enum(VERIFY_MODES);
}

/** `onExisting`: what `create` does with a configuration it finds. */
function onExistingField() {
  return z.enum(ON_EXISTING, { error: onExistingMessage });
}

/** `propagationTimeoutSeconds`: a finite number of seconds (zod refuses NaN and infinities), at most {@link MAX_PROPAGATION_TIMEOUT}. */
function propagationTimeoutField() {
  return z.number({ error: propagationTimeoutMessage }).min(0).max(MAX_PROPAGATION_TIMEOUT);
}

/**
 * `timeouts`: overall deadlines in seconds, like Terraform's `timeouts` block: `operationSeconds`
 * for each read, write or removal of the configuration (login, retries and back-offs included),
 * `probeSeconds` for each request verification sends as a browser would, and `totalSeconds` for
 * the whole of one create, update, delete or read: every call and every wait between them.
 * @internal
 */
export function timeoutsSchema() {
  const seconds = z.number().gt(0).max(MAX_TIMEOUT_SECONDS);
  return z.strictObject(
    { operationSeconds: seconds.optional(), probeSeconds: seconds.optional(), totalSeconds: seconds.optional() },
    { error: timeoutsMessage },
  );
}

/** `swift: { allowWidening }`: accept a policy a Swift container can only hold in a wider form. Normalized to a boolean. */
function swiftField() {
  return z
    .strictObject({ allowWidening: z.boolean().optional() }, { error: swiftMessage })
    .transform((swift) => ({ allowWidening: swift.allowWidening === true }));
}

/**
 * `lint`: preview warnings, which the SDK logs itself (sdk/warnings.ts); the SDK sends the
 * option so that check refuses a suppression naming no lint code (a typo would otherwise
 * silence nothing, silently). Not kept in the outputs.
 */
function lintField() {
  const options = z.strictObject({ suppress: z.record(z.string(), z.array(lintCode()).readonly()).readonly().optional() });
  return z.union([z.literal(false), options], { error: lintMessage }).superRefine((lint, ctx) => {
    if (lint !== false) for (const issue of checkLintSuppress(lint.suppress)) failIssue(ctx, issue);
  });
}

/**
 * A lint code as the SDK types it: any string passes here, so that `checkLintSuppress` words the
 * refusal of an unknown one. (A transform's input is what the pipe's JSON Schema leaves out.)
 */
function lintCode() {
  return z.preprocess((code: LintCode) => code, z.string());
}

/**
 * The fields as a program gives them, each checked on its own. Keys it does not know are
 * dropped, not refused: the host adds `__provider` to every call's inputs.
 * @internal
 */
export function policyFieldsSchema() {
  return z.object({
    target: known(targetField()),
    swift: known(swiftField()).optional(),
    rules: known(rulesField()).optional(),
    document: known(documentField()).optional(),
    expect: known(expectField()).optional(),
    verify: known(verifyField(), verifyOnTheWire()).default("read"),
    onExisting: known(onExistingField()).default("fail"),
    propagationTimeoutSeconds: known(propagationTimeoutField()).optional(),
    timeouts: known(timeoutsSchema()).optional(),
    lint: known(lintField()).optional(),
  });
}

/**
 * The checked, normalized inputs: what `check` returns and create/update receive. Not
 * `lint` (the SDK's concern) nor `document` (stored as the rules it holds).
 * @internal
 */
export function checkedInputsSchema() {
  return z.object({
    target: known(targetSchema()),
    rules: known(z.array(normalizedCorsRuleSchema())),
    onExisting: known(z.enum(ON_EXISTING)),
    verify: known(verifySettingSchema(), verifyOnTheWire()),
    propagationTimeoutSeconds: known(propagationTimeoutField()).optional(),
    /** Overall deadlines of each call, in seconds (defaults: backends/limits.ts). */
    timeouts: known(timeoutsSchema()).optional(),
    /** Swift targets: whether a wider policy than written was accepted (the rules are already widened). */
    swift: known(z.strictObject({ allowWidening: z.boolean() })).optional(),
    /** Expectations checked at preview against the rules, and live after apply with `verify: "preflight"`. */
    expect: known(z.array(expectationSchema())).optional(),
  });
}

/**
 * The whole CorsPolicy input: every field, then what they say together, then the
 * normalized form.
 * @internal
 */
export function policyInputsSchema() {
  return policyFieldsSchema()
    .superRefine(checkAcrossFields, { when: () => true })
    .transform((fields, ctx): z.input<ReturnType<typeof checkedInputsSchema>> => {
      const rules = rulesHeldFor(fields, ctx) ?? z.NEVER;
      const swift = fields.swift === undefined ? {} : { swift: fields.swift };
      const timeout = fields.propagationTimeoutSeconds === undefined ? {} : { propagationTimeoutSeconds: fields.propagationTimeoutSeconds };
      const expect = fields.expect === undefined ? {} : { expect: fields.expect };
      const timeouts = fields.timeouts === undefined ? {} : { timeouts: fields.timeouts };
      return { target: fields.target, rules, onExisting: fields.onExisting, verify: fields.verify, ...swift, ...timeout, ...timeouts, ...expect };
    })
    .pipe(checkedInputsSchema());
}

/**
 * Outputs: the checked inputs (the host hands old outputs to `diff`) plus what was applied.
 * @internal
 */
export function policyOutputsSchema() {
  return checkedInputsSchema().extend({
    /** Stable id naming the bucket, e.g. `r2:acct/assets`. */
    resourceId: z.string(),
    /** `sha256:` + 16 hex digits of the normalized rules that were applied. */
    fingerprint: z.string(),
    /** Set by refresh when the bucket holds a configuration this package cannot decode: its raw text (the rules read as none, so the next up rewrites them). */
    liveUnreadable: z.string().optional(),
    /** Where the bucket was when the policy was applied (`locateBucket`): a Swift storage URL only a login gives, so a later target that writes it out is known as the same container. */
    location: z.string().optional(),
    /**
     * Set by an update that failed after a write that may have reached the bucket (and was not undone): what the
     * bucket may hold. `diff` then reports a change and `update` writes the program's rules whatever the state says,
     * so a program reverted to the old rules is not taken for "no change"; refresh and a successful update clear it.
     */
    unconfirmed: z.string().optional(),
    /**
     * Set with `unconfirmed`: the rules this resource wrote before the update that may not have landed, newest first.
     * The bucket may still hold any of them instead of `rules`, so delete removes a configuration that means the same
     * as `rules` or one of these, and leaves anything else; refresh and a successful update clear it.
     */
    replacedRules: z.array(z.array(normalizedCorsRuleSchema())).optional(),
  });
}
