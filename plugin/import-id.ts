import { CorsPolicyError } from "../provider/errors";
import { isProfileName, PROFILE_NAMES } from "../provider/profiles";
import { checkTarget, type Target } from "../provider/targets";

/*
 * The ID `pulumi import bucket-cors:index:CorsPolicy <name> <id>` takes: the resource id
 * `bucket-cors get` prints (`<profile>:<scope><bucket>`, provider/targets/identity.ts), with the
 * endpoint's scheme written out when it is not https:
 *   aws:assets                              profile and bucket (names global on AWS)
 *   r2:<accountId>[.<jurisdiction>]/assets  an R2 account (and jurisdiction)
 *   ceph:us-east-1/assets                   a region
 *   s3:http://127.0.0.1:4568/assets         an endpoint URL (https:// when no scheme is written)
 * The target it gives is the one the program must declare for the next preview to show no change.
 */

const HOW =
  "an import ID is <profile>:<bucket>, <profile>:<region>/<bucket>, r2:<accountId>/<bucket> or <profile>:<endpoint URL>/<bucket>, e.g. s3:http://127.0.0.1:4568/assets";

/** The target an import ID names; refuses an ID that names none, saying why and the format. */
export function targetOfImportId(id: string): Target {
  const colon = id.indexOf(":");
  const profile = colon < 0 ? "" : id.slice(0, colon);
  if (!isProfileName(profile)) {
    const names = PROFILE_NAMES.join(", ");
    throw refusal(id, colon < 0 ? `it names no profile` : `"${profile}" is not a profile (${names})`);
  }
  const rest = id.slice(colon + 1);
  const slash = rest.lastIndexOf("/");
  const bucket = rest.slice(slash + 1);
  const scope = slash < 0 ? "" : rest.slice(0, slash);
  if (bucket === "") throw refusal(id, "it names no bucket after the last /");
  const checked = checkTarget({ profile, bucket, ...scopeFields(profile, scope) });
  // A target's messages start with their path (target.endpoint: …) and name the fix.
  if (!checked.ok) throw refusal(id, checked.issues.map((i) => i.message).join("; "));
  return checked.target;
}

/** What the part between profile and bucket says: an endpoint, an R2 account, or a region. */
function scopeFields(profile: string, scope: string): Record<string, string> {
  if (scope === "") return {};
  if (/^https?:\/\//.test(scope)) return { endpoint: scope };
  if (profile === "r2") {
    const [accountId = "", jurisdiction] = scope.split(".");
    return jurisdiction === undefined ? { accountId } : { accountId, jurisdiction };
  }
  // A host (it has a dot, a port or is localhost) is an endpoint; anything else a region.
  if (/[.:]/.test(scope) || scope.startsWith("localhost")) return { endpoint: `https://${scope}` };
  return { region: scope };
}

function refusal(id: string, why: string): CorsPolicyError {
  return new CorsPolicyError(`import of "${id}": ${why} — ${HOW}`, { code: "InvalidArgument" });
}
