import { checkTarget, endpointOf } from "../../provider/targets";

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const REGION_TEXT =
  'is not a region; a region is letters, digits and "-", with "." only between parts (e.g. "eu-west-1", "nyc3", "ch-gva-2"), since it becomes part of the endpoint\'s host — set region to the vendor\'s name for it, or give endpoint';
const ACCOUNT_TEXT =
  "is not a Cloudflare account id; an account id is 32 hex digits, and it becomes part of the endpoint's host — set accountId to the Account ID of the Cloudflare dashboard, or give endpoint";
const PROJECT_TEXT =
  'is not a project id; a project id is letters, digits, "-" and "_", with "." only between them (Keystone\'s are 32 hex digits), since it becomes part of the storage URL — set projectId to the project\'s id from the Keystone catalog, or give endpoint';

/** What checking the target gives: its issues as `code message`, or "ok". */
function checked(target: Record<string, unknown>): string[] | "ok" {
  const result = checkTarget(target);
  return result.ok ? "ok" : result.issues.map((i) => `${i.code} ${i.message}`);
}

// Issue 23, item B: region, accountId and projectId went into the endpoint template as given, so
// `region: "evil.example/x#"` sent the request (and a Swift X-Auth-Token) to evil.example.
describe("checkTarget: the fields that build a host take only what the vendor's values are made of", () => {
  test.each<[string, Record<string, unknown>, string[]]>([
    [
      "fails when a vStorage region carries a path and a fragment",
      { profile: "vstorage", bucket: "media", region: "evil.example/x#", projectId: ACCOUNT },
      [`target-invalid target.region: "evil.example/x#" ${REGION_TEXT}`],
    ],
    [
      "fails when an R2 account id carries a host",
      { profile: "r2", bucket: "assets", accountId: "evil.example/#" },
      [`target-invalid target.accountId: "evil.example/#" ${ACCOUNT_TEXT}`],
    ],
    [
      "fails when a Spaces region ends in a fragment",
      { profile: "spaces", bucket: "assets", region: "evil.example#" },
      [`target-invalid target.region: "evil.example#" ${REGION_TEXT}`],
    ],
    [
      "fails when a region carries userinfo and a port",
      { profile: "wasabi", bucket: "assets", region: "user@127.0.0.1:9000" },
      [`target-invalid target.region: "user@127.0.0.1:9000" ${REGION_TEXT}`],
    ],
    [
      "fails when an R2 account id is not 32 hex digits",
      { profile: "r2", bucket: "assets", accountId: "acct" },
      [`target-invalid target.accountId: "acct" ${ACCOUNT_TEXT}`],
    ],
    [
      "fails when a project id climbs out of its path segment, and reports the region too",
      { profile: "ovh-swift", bucket: "media", region: "gra ", projectId: "p/../x?" },
      [`target-invalid target.region: "gra " ${REGION_TEXT}`, `target-invalid target.projectId: "p/../x?" ${PROJECT_TEXT}`],
    ],
  ])("%s", (_name, target, expected) => {
    expect(checked(target)).toEqual(expected);
  });

  test.each<[string, Record<string, unknown>]>([
    ["an AWS region", { profile: "aws", bucket: "assets", region: "eu-west-1" }],
    ["a Spaces region", { profile: "spaces", bucket: "assets", region: "nyc3" }],
    ["an Exoscale zone", { profile: "exoscale", bucket: "assets", region: "ch-gva-2" }],
    ["a Swift catalog region", { profile: "swift", bucket: "media", region: "RegionOne", endpoint: "http://127.0.0.1:8080/v1/AUTH_test" }],
    ["an R2 account id", { profile: "r2", bucket: "assets", accountId: ACCOUNT.toUpperCase() }],
    ["a vStorage project id", { profile: "vstorage", bucket: "media", region: "hcm03", projectId: ACCOUNT }],
  ])("accepts %s", (_name, target) => {
    expect(checked(target)).toBe("ok");
  });
});

describe("endpointOf: the URL a template builds must be one the template makes, before anything is sent", () => {
  test("fails when an unchecked target's region moves the host (a state edited by hand)", () => {
    expect(() => endpointOf({ profile: "vstorage", bucket: "media", region: "127.0.0.1:9/x#", projectId: "p" })).toThrow(
      'target: the endpoint built from VNG Cloud vStorage\'s https://{region}.vstorage.vngcloud.vn/v1/AUTH_{projectId} has the host "127.0.0.1:9", which that template does not make; nothing was sent — check region, accountId and projectId, or give endpoint',
    );
    expect(() => endpointOf({ profile: "r2", bucket: "assets", accountId: "evil.example/#" })).toThrow(
      'target: the endpoint built from Cloudflare R2\'s https://{accountId}.r2.cloudflarestorage.com has the host "evil.example", which that template does not make; nothing was sent — check region, accountId and projectId, or give endpoint',
    );
  });

  test("builds the vendor's own host from checked values", () => {
    expect(endpointOf({ profile: "vstorage", bucket: "media", region: "hcm03", projectId: ACCOUNT })).toBe(
      `https://hcm03.vstorage.vngcloud.vn/v1/AUTH_${ACCOUNT}`,
    );
    expect(endpointOf({ profile: "r2", bucket: "assets", accountId: ACCOUNT, jurisdiction: "eu" })).toBe(`https://${ACCOUNT}.eu.r2.cloudflarestorage.com`);
  });
});
