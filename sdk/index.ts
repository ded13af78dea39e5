/**
 * pulumi-bucket-cors: declare, validate, convert and apply bucket CORS policies.
 * This is the package's only public entry point; everything is a named export.
 */
export { CORS_METHODS, type CorsMethod } from "../provider/model/methods";
export type { CorsConfiguration, CorsConfigurationInput, CorsRule, CorsRuleInput } from "../provider/model/types";
export type { Issue } from "../provider/model/issue";
export type { ValidateOptions } from "../provider/validate/validate";
export { FORMAT_NAMES, type FormatName, type Encoded, type SwiftHeaders } from "../provider/formats/types";
export { PROFILES } from "../provider/profiles/table";
export { PROFILE_NAMES, type Profile, type ProfileName, type Fact } from "../provider/profiles/types";
export { parsePolicy, type ParsedPolicy, type ParseOptions, type PolicySource } from "../provider/api/parse";
export { validatePolicy, renderPolicy, normalizePolicy, detectFormat } from "../provider/api/policy";
export { CorsPolicyError, CorsValidationError } from "../provider/errors";
// Not exported: codecs and validators one by one (use parsePolicy/renderPolicy/validatePolicy),
// and the provider's lifecycle functions (reached only through "pulumi-bucket-cors/provider").
export { CorsPolicy } from "./cors-policy";
export type {
  CorsPolicyArgs,
  CorsPolicyCommonArgs,
  CorsPolicyRulesArgs,
  CorsPolicyDocumentArgs,
  LintArgs,
  SwiftArgs,
  TimeoutsArgs,
  VerifyThroughArgs,
} from "./args";
export {
  targets,
  type CredentialEnvNames,
  type S3PresetArgs,
  type RegionalPresetArgs,
  type AwsPresetArgs,
  type SwiftPresetArgs,
  type KeystoneSwiftPresetArgs,
  type TargetArgs,
} from "./targets";
export { rules } from "./rules";
export { ON_EXISTING, type OnExisting } from "../provider/operations/options";
export type { Target, TargetInput, R2Jurisdiction } from "../provider/targets/types";
export { BackendError } from "../provider/errors";
export { CorsPolicySet, type CorsPolicySetArgs } from "./cors-policy-set";
export { VERIFY_MODES, type VerifyMode, type VerifySetting, type VerifyThrough } from "../provider/operations/options";
export type { Expectation } from "../provider/operations/expectations";
export { evaluate, lintPolicy, type CorsRequest, type EvaluableConfig, type EvaluateOptions, type Evaluation, type LintOptions } from "../provider/evaluate";
export { predictBrowser, type BrowserOptions, type BrowserRequest, type BrowserVerdict, type PreflightCache } from "../provider/browser";
export { LINT_CODES, type LintCode } from "../provider/evaluate/lint/messages";
export { checkLintSuppress } from "../provider/evaluate/lint/options";
