import type { Issue } from "../../provider/model/issue";

/** The flag that sets each target field, for messages about a target given by flags. */
const FLAG_OF: Readonly<Record<string, string>> = {
  bucket: "--bucket",
  endpoint: "--endpoint-url",
  region: "--region",
  accountId: "--account-id",
  jurisdiction: "--jurisdiction",
  projectId: "--project-id",
  expectedBucketOwner: "--expected-bucket-owner",
  version: "--ceph-version",
  "credentials.accessKeyIdEnv": "--access-key-id-env",
  "credentials.secretAccessKeyEnv": "--secret-access-key-env",
  "credentials.sessionTokenEnv": "--session-token-env",
};

/**
 * The SDK's words for a fix, and the CLI's, where a target check message gives one. The dashes in
 * the patterns are escaped: esbuild escapes non-ASCII in strings but not in regular expressions, and
 * one such character makes V8 hold the whole CLI bundle as a two-byte string at every start.
 */
const FIXES: readonly (readonly [RegExp, string])[] = [
  [/\u2014 set accountId, e\.g\. targets\.r2\(\{[^)]*\}\)$/, "— give --account-id ACCOUNT (or --endpoint-url)"],
  [/\u2014 set (\w+), or give endpoint$/, "— give $1 (or --endpoint-url)"],
  [/\u2014 set (\w+) to (.+), or give endpoint$/, "— give $1 $2 (or --endpoint-url)"],
  [/so leave it out for a current release$/, "so leave out --ceph-version for a current release"],
  [/\u2014 remove version$/, "— remove --ceph-version"],
];

/**
 * A target issue in the words of the flags that gave the target: `--account-id: is missing; … —
 * give --account-id ACCOUNT` instead of `target.accountId: … — set accountId, e.g. targets.r2({…})`.
 * Issues about fields no flag sets keep their wording.
 */
export function inFlagWords(issue: Issue): Issue {
  const field = issue.path.slice(1).join(".");
  const flag = FLAG_OF[field];
  if (issue.path[0] !== "target" || flag === undefined) return issue;
  let message = issue.message.replace(/^target\.[\w.]+: /, `${flag}: `);
  for (const [sdk, cli] of FIXES) {
    message = message.replace(sdk, (...groups: string[]) => cli.replace("$1", FLAG_OF[groups[1] ?? ""] ?? groups[1] ?? "").replace("$2", groups[2] ?? ""));
  }
  return { ...issue, message };
}

/**
 * A target-file issue in the file's words: a JSON file has no presets, so the SDK's fix for an
 * unknown profile (`use profile: "spaces" for …, e.g. targets.spaces({ … })`) becomes the JSON field
 * (`use "profile": "spaces" for …`). Other issues keep their wording.
 */
export function inTargetFileWords(issue: Issue): Issue {
  if (issue.path.join(".") !== "target.profile") return issue;
  const message = issue.message.replace(/\u2014 use profile: ("[^"]*")/, '— use "profile": $1').replace(/, e\.g\. targets\.\w+\(\{ \u2026 \}\)$/, "");
  return { ...issue, message };
}
