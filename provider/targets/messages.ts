import { type Issue, type IssuePath, issueFrom, type MessageTable, type ParamsOf, show } from "../model/issue";
import { PROFILE_NAMES, unknownProfileFix } from "../profiles";
import { endpointProblemText, type EndpointProblem } from "./endpoint-url";

/** Every code the target check reports. */
export const TARGET_CODES = ["target-invalid", "bucket-name-invalid"] as const;

/** One of {@link TARGET_CODES}. */
export type TargetCode = (typeof TARGET_CODES)[number];

/** An issue the target check reports. */
export type TargetIssue = Issue<TargetCode>;

/** The target fields an endpoint template puts into the URL (host-parts.ts). */
export type HostPart = "region" | "accountId" | "projectId";

/** What is wrong with a target: a field the schema refuses, or an R2 target without its account. */
export type TargetProblem =
  | { readonly kind: "schema"; readonly found: unknown; readonly problem: string }
  /** A `profile` string that names no profile: the fix names the nearest one (profiles/suggest.ts). */
  | { readonly kind: "unknown-profile"; readonly found: string }
  | { readonly kind: "r2-account"; readonly bucket: string }
  /** Fields a target does not take: only their names are shown (one may be a misplaced secret). */
  | { readonly kind: "unknown-fields"; readonly keys: readonly string[] }
  /** Something under `credentials` that is not a variable name: never shown, in case it is the secret itself. */
  | { readonly kind: "secret-shaped" }
  /** `credentials` that is not an object of variable names: not shown either. */
  | { readonly kind: "credentials-shape" }
  /** An endpoint with `user:password@` in it: not shown, since the password would be. */
  | { readonly kind: "endpoint-credentials" }
  /** An endpoint that is not an http(s) URL of a host and port (targets/endpoint-url.ts). */
  | { readonly kind: "endpoint"; readonly problem: EndpointProblem }
  /** A `version` that names no Ceph release. */
  | { readonly kind: "ceph-version"; readonly found: string; readonly releases: readonly string[] }
  /** A region, account id or project id with characters that could move the request to another host (host-parts.ts). */
  | { readonly kind: "host-part"; readonly field: HostPart; readonly found: string }
  /** A `version` on a target whose profile is not `ceph`. */
  | { readonly kind: "version-not-ceph"; readonly profile: string };

/** What is wrong with a bucket (container) name. */
export type BucketNameProblem =
  | { readonly kind: "dots"; readonly name: string; readonly noun: string }
  | { readonly kind: "length"; readonly name: string; readonly noun: string; readonly max: number }
  | { readonly kind: "s3-character" | "swift-character"; readonly name: string; readonly character: string; readonly suggestion: string };

/** The wording of every target issue: the text after `<path>: `, from the issue's params. */
export const TARGET_MESSAGES = {
  "target-invalid": (p: TargetProblem) => {
    switch (p.kind) {
      case "r2-account":
        return `is missing; an R2 target needs the Cloudflare account id (or an endpoint) — set accountId, e.g. targets.r2({ accountId: "…", bucket: ${show(p.bucket)} })`;
      case "unknown-fields":
        return `has unknown field${p.keys.length === 1 ? "" : "s"} ${p.keys.map((k) => show(k)).join(", ")}; a target takes profile, bucket, endpoint, region, accountId, jurisdiction, projectId, forcePathStyle, credentials, expectedBucketOwner and version — remove ${p.keys.length === 1 ? "it" : "them"}; credentials are never target fields: name the environment variables that hold them in credentials: { accessKeyIdEnv, secretAccessKeyEnv }`;
      case "secret-shaped":
        return `is not an environment variable name (letters, digits and _, not starting with a digit); it is not shown, in case it is the secret itself — give the name of the variable that holds the value, e.g. "AWS_SECRET_ACCESS_KEY"`;
      case "credentials-shape":
        return `is not valid; it takes { accessKeyIdEnv, secretAccessKeyEnv, sessionTokenEnv? }, the names of the environment variables that hold the credentials; it is not shown, in case it is a secret — e.g. credentials: { accessKeyIdEnv: "R2_ACCESS_KEY_ID", secretAccessKeyEnv: "R2_SECRET_ACCESS_KEY" }`;
      case "endpoint-credentials":
        return `has a user name or password in it (user:password@host); it is not shown, and it would be stored in the state and sent to the service in every URL — remove it from the endpoint and name the environment variables that hold the credentials in credentials: { accessKeyIdEnv, secretAccessKeyEnv }`;
      case "endpoint":
        return endpointProblemText(p.problem, (url) => `write ${show(url)}`);
      case "ceph-version":
        return `${show(p.found)} is not a Ceph release; give a release name (${p.releases.join(", ")}) or a version number such as "18.2.4" — it picks how RGW chooses the CORS rule (by origin alone before ceph/ceph#69190), so leave it out for a current release`;
      case "version-not-ceph":
        return `is only for Ceph RGW targets; the ${show(p.profile)} profile has one behaviour — remove version`;
      case "unknown-profile":
        return `${show(p.found)} is not a known profile; allowed are ${PROFILE_NAMES.join(", ")} — ${unknownProfileFix(p.found)}`;
      case "host-part":
        return HOST_PART_TEXT[p.field](show(p.found));
      case "schema":
        return `${p.found === undefined ? "is missing" : `${show(p.found)} is not valid`}; ${p.problem} — fix the target, or build it with a preset such as targets.aws({ bucket, region })`;
    }
  },
  "bucket-name-invalid": (p: BucketNameProblem) => {
    switch (p.kind) {
      case "dots":
        return `${show(p.name)} is not a ${p.noun} name; "." and ".." address the account or the service root in a URL path — give the ${p.noun}'s name`;
      case "length":
        return `${show(p.name)} is ${p.name.length} characters; a ${p.noun} name has at most ${p.max} — shorten it`;
      case "s3-character":
        return `${show(p.name)} has ${show(p.character)}; an S3 bucket name holds only letters, digits, ".", "-" and "_", or requests would go to another URL — ${fixName(p.suggestion, "bucket")}`;
      case "swift-character":
        return `${show(p.name)} has ${show(p.character)}; a Swift container name holds no "/", spaces or control characters, or requests would go to another URL — ${fixName(p.suggestion, "container")}`;
    }
  },
} as const satisfies MessageTable<TargetCode> & Record<TargetCode, unknown>;

/** Why each host part is refused: what it takes, and the fix; the value is shown through `show`, which hides what looks like a secret. */
const HOST_PART_TEXT: Readonly<Record<HostPart, (found: string) => string>> = {
  region: (found) =>
    `${found} is not a region; a region is letters, digits and "-", with "." only between parts (e.g. "eu-west-1", "nyc3", "ch-gva-2"), since it becomes part of the endpoint's host — set region to the vendor's name for it, or give endpoint`,
  accountId: (found) =>
    `${found} is not a Cloudflare account id; an account id is 32 hex digits, and it becomes part of the endpoint's host — set accountId to the Account ID of the Cloudflare dashboard, or give endpoint`,
  projectId: (found) =>
    `${found} is not a project id; a project id is letters, digits, "-" and "_", with "." only between them (Keystone's are 32 hex digits), since it becomes part of the storage URL — set projectId to the project's id from the Keystone catalog, or give endpoint`,
};

/** Builds a target issue, its message rendered from {@link TARGET_MESSAGES}. */
export function targetIssue<C extends TargetCode>(code: C, path: IssuePath, params: ParamsOf<typeof TARGET_MESSAGES, C>): TargetIssue {
  return issueFrom(TARGET_MESSAGES, code, path, params);
}

function fixName(suggestion: string, noun: string): string {
  return suggestion === "" ? `give the ${noun}'s name` : `use ${show(suggestion)}`;
}
