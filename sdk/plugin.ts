import * as pulumi from "@pulumi/pulumi";
import type { Expectation } from "../provider/operations/expectations";
import type { OnExisting, VerifySetting } from "../provider/operations/options";
import type { CorsRule } from "../provider/model/types";
import type { Target } from "../provider/targets/types";
import type { CorsPolicyArgs } from "./args";
import type { CorsPolicySetArgs } from "./cors-policy-set";
import { warnAtPreview } from "./preview-warnings";
import { refuseLoneSurrogates } from "./lone-surrogates";
import { policyInputs, type DeclaresPolicyOutputs } from "./policy-inputs";

/*
 * The provider plugin's resources for TypeScript programs (`pulumi-bucket-cors/plugin`), over the
 * same argument types as the dynamic `CorsPolicy` and `CorsPolicySet`: a program chooses its route
 * by its import. These register the plugin's type tokens, so the engine runs
 * `pulumi-resource-bucket-cors` (installed from its archive, or a `plugins:` path; docs/plugin.md)
 * and the state holds no serialized provider. Checking and the set's children are the plugin's; the
 * policy's preview warnings are logged here, as the dynamic CorsPolicy logs them. Not the place for a generated SDK: Pulumi's nodejs codegen
 * writes a package of its own (docs/plugin.md, "TypeScript").
 */

/** The plugin's type token of a policy. */
export const POLICY_TOKEN = "bucket-cors:index:CorsPolicy";
/** The plugin's type token of a set. */
export const POLICY_SET_TOKEN = "bucket-cors:index:CorsPolicySet";

/**
 * The CORS policy of one bucket or Swift container, served by the provider plugin: the same
 * arguments, checks, diffs and outputs as the dynamic `CorsPolicy`, and `pulumi import` works.
 * Type token: `bucket-cors:index:CorsPolicy`.
 */
export class CorsPolicy extends pulumi.CustomResource {
  /** The rules as applied, normalized (methods upper-case and in canonical order, origins and headers sorted). */
  declare readonly rules: pulumi.Output<CorsRule[]>;
  /** The target, normalized. */
  declare readonly target: pulumi.Output<Target>;
  /** The `onExisting` option in effect (what `create` does with a configuration it finds). */
  declare readonly onExisting: pulumi.Output<OnExisting>;
  /** What `up` checks after writing. */
  declare readonly verify: pulumi.Output<VerifySetting>;
  /** The expectations checked at preview (and live with `verify: "preflight"`). */
  declare readonly expect: pulumi.Output<Expectation[] | undefined>;
  /** The propagation timeout in effect, when one was given. */
  declare readonly propagationTimeoutSeconds: pulumi.Output<number | undefined>;
  /** A stable id naming the bucket, e.g. `r2:acct/assets` (also the resource's `id`). */
  declare readonly resourceId: pulumi.Output<string>;
  /** `sha256:` + 16 hex digits of the applied rules' meaning; changes exactly when the policy's meaning does. */
  declare readonly fingerprint: pulumi.Output<string>;

  constructor(name: string, args: CorsPolicyArgs, opts?: pulumi.CustomResourceOptions) {
    refuseLoneSurrogates(`CorsPolicy "${name}"`, { ...args });
    super(POLICY_TOKEN, name, policyInputs(args), opts);
    warnAtPreview(this, args);
  }
}

/**
 * Compile-time proof that the outputs declared above are the schema's, as for the dynamic class.
 * @internal
 */
export const PLUGIN_OUTPUTS_MATCH_SCHEMA: DeclaresPolicyOutputs<CorsPolicy> = true;

/**
 * One rule set applied to many buckets, constructed by the provider plugin: its children are the
 * plugin's `CorsPolicy` resources, named `<name>-<profile>-<bucket>` as the dynamic set names them.
 * Type token: `bucket-cors:index:CorsPolicySet`.
 */
export class CorsPolicySet extends pulumi.ComponentResource {
  /** Resource ids of the children (`r2:acct/assets`...), in the order of `targets`. */
  declare readonly resourceIds: pulumi.Output<string[]>;

  constructor(name: string, args: CorsPolicySetArgs, opts?: pulumi.ComponentResourceOptions) {
    super(POLICY_SET_TOKEN, name, { ...args, resourceIds: undefined }, opts, true);
  }
}
