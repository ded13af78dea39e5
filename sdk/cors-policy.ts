import * as pulumi from "@pulumi/pulumi";
import { corsPolicyProvider } from "../provider/provider";
import type { Expectation } from "../provider/operations/expectations";
import type { OnExisting, VerifySetting } from "../provider/operations/options";
import type { CorsRule } from "../provider/model/types";
import type { Target } from "../provider/targets/types";
import type { CorsPolicyArgs } from "./args";
import { claimBucket } from "./one-per-bucket";
import { BUCKET_CLAIM } from "../provider/lifecycle/claims";
import { warnAtPreview } from "./preview-warnings";
import { refuseLoneSurrogates } from "./lone-surrogates";
import { policyInputs, type DeclaresPolicyOutputs } from "./policy-inputs";

/**
 * The CORS policy of one bucket or Swift container, on any supported service.
 * Preview refuses a policy the target cannot hold (with the property path and
 * the fix) and shows a semantic diff; `up` applies it and waits until it is served.
 * Type token: `pulumi-nodejs:dynamic/bucket-cors:CorsPolicy`.
 */
export class CorsPolicy extends pulumi.dynamic.Resource {
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
    const props: pulumi.Inputs = {
      ...policyInputs(args),
      // Resolves once the bucket is known and no other CorsPolicy claims it (or to the refusal naming them all).
      [BUCKET_CLAIM]: claimBucket(name, opts?.parent, args.target),
    };
    super(corsPolicyProvider, name, props, opts, "bucket-cors", "CorsPolicy");
    warnAtPreview(this, args);
  }
}

/**
 * Compile-time proof that the outputs declared above are what the provider's schema says the
 * outputs are: when one changes without the other, this stops compiling.
 * @internal
 */
export const OUTPUTS_MATCH_SCHEMA: DeclaresPolicyOutputs<CorsPolicy> = true;
