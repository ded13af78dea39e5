import { z } from "zod";
import { normalizedCorsRuleSchema } from "../model/schema";
import { targetSchema } from "../targets";
import { expectationSchema } from "./expectation-schema";
import { ON_EXISTING } from "../operations/options";
import { checkAcrossFields, rulesHeldFor } from "./schema-across";
import {
  documentField,
  expectField,
  field,
  lintField,
  onExistingField,
  onExistingReason,
  propagationTimeoutField,
  propagationTimeoutReason,
  rulesField,
  swiftField,
  swiftReason,
  targetField,
  timeoutsField,
  timeoutsReason,
  verifyField,
  verifySettingSchema,
  verifyWireShape,
} from "./schema-fields";
import { onWire } from "./wire";

/*
 * The one schema of a CorsPolicy's inputs. Its input type is what a program gives (the SDK's
 * args, resolved: sdk/args.ts proves it at compile time); its output is the checked,
 * normalized inputs every later call receives (`PolicyInputs`, types.ts). `check` is this
 * schema's safeParse. Factories, not constants: no zod schema may be reachable from the
 * serialized provider (pulumi/pulumi#5294). All `@internal`: no public declaration file
 * mentions zod (see ../model/types.ts).
 */

/**
 * The fields as a program gives them, each checked on its own. Keys it does not know are
 * dropped, not refused: the host adds `__provider` to every call's inputs.
 * @internal
 */
export function policyFieldsSchema() {
  return z.object({
    target: field(targetField()),
    swift: field(swiftField(), swiftReason).optional(),
    rules: field(rulesField()).optional(),
    document: field(documentField()).optional(),
    expect: field(expectField()).optional(),
    verify: field(verifyField()).default("read"),
    onExisting: field(onExistingField(), onExistingReason).default("fail"),
    propagationTimeoutSeconds: field(propagationTimeoutField(), propagationTimeoutReason).optional(),
    timeouts: field(timeoutsField(), timeoutsReason).optional(),
    lint: lintField().optional(),
  });
}

/**
 * The checked, normalized inputs: what `check` returns and create/update receive. Not
 * `lint` (the SDK's concern) nor `document` (stored as the rules it holds).
 * @internal
 */
export function checkedInputsSchema() {
  return z.object({
    target: field(targetSchema()),
    rules: field(z.array(normalizedCorsRuleSchema())),
    onExisting: field(z.enum(ON_EXISTING)),
    verify: field(onWire(verifySettingSchema(), verifyWireShape)),
    propagationTimeoutSeconds: field(propagationTimeoutField()).optional(),
    /** Overall deadlines of each call, in seconds (defaults: backends/limits.ts). */
    timeouts: field(timeoutsField()).optional(),
    /** Swift targets: whether a wider policy than written was accepted (the rules are already widened). */
    swift: field(z.strictObject({ allowWidening: z.boolean() })).optional(),
    /** Expectations checked at preview against the rules, and live after apply with `verify: "preflight"`. */
    expect: field(z.array(expectationSchema())).optional(),
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
  });
}
