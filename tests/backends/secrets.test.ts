import { resolveCredentials } from "../../provider/backends/credentials";
import { setProviderConfig } from "../../provider/backends/provider-config";
import { knownSecrets, maskHeader, scrubSecrets } from "../../provider/backends/secrets";
import { CorsPolicyError } from "../../provider/errors";
import type { Target } from "../../provider/targets";

describe("scrubSecrets", () => {
  test.each([
    { name: "a secret of one character", text: "key x in axe", secrets: ["x"], out: "key *** in a***e" },
    { name: "the longer of two overlapping secrets first", text: "token abc123, key abc", secrets: ["abc", "abc123"], out: "token ***, key ***" },
    {
      name: "userinfo of any URL",
      text: "GET https://u:p%40ss@host.example/x and s3://key@bucket",
      secrets: [],
      out: "GET https://***@host.example/x and s3://***@bucket",
    },
    { name: "nothing when there is no secret", text: "plain text", secrets: [""], out: "plain text" },
  ])("removes $name", ({ text, secrets, out }) => {
    expect(scrubSecrets(text, secrets)).toBe(out);
  });
});

describe("knownSecrets", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    setProviderConfig({});
  });

  test("collects the default chain's session token, the Swift variables, the target's named variables and the provider config", () => {
    Object.assign(process.env, {
      AWS_SECRET_ACCESS_KEY: "s1",
      AWS_SESSION_TOKEN: "t1",
      OS_PASSWORD: "p1",
      OS_AUTH_TOKEN: "o1",
      ST_KEY: "k1",
      MY_SECRET: "m1",
      MY_TOKEN: "m2",
    });
    setProviderConfig({ accessKeyId: "AKID", secretAccessKey: "c1", sessionToken: "c2" });
    const target: Target = {
      profile: "r2",
      bucket: "b",
      accountId: "0123456789abcdef0123456789abcdef",
      credentials: { accessKeyIdEnv: "MY_ID", secretAccessKeyEnv: "MY_SECRET", sessionTokenEnv: "MY_TOKEN" },
    };
    expect(knownSecrets(target)).toEqual(["s1", "t1", "p1", "o1", "k1", "m1", "m2", "c1", "c2"]);
  });
});

describe("resolveCredentials", () => {
  test("fails when a variable name field holds a value, without echoing it", () => {
    const target: Target = {
      profile: "r2",
      bucket: "b",
      accountId: "0123456789abcdef0123456789abcdef",
      credentials: { accessKeyIdEnv: "R2_KEY_ID", secretAccessKeyEnv: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
    };
    process.env["R2_KEY_ID"] = "id";
    let error: unknown;
    try {
      resolveCredentials(target);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CorsPolicyError);
    expect([(error as CorsPolicyError).code, (error as Error).message]).toEqual([
      "MissingCredentials",
      `target.credentials.secretAccessKeyEnv: is not an environment variable name (letters, digits and _, not starting with a digit); it is not shown, in case it is the secret itself — give the name of the variable that holds the value, e.g. "AWS_SECRET_ACCESS_KEY"`,
    ]);
  });

  // A secret that is only letters and digits (AWS's 40-character keys often are; RGW's random keys are) passes as a name.
  test.each([
    {
      name: "a name in lower or mixed case is not shown",
      variable: "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY",
      message:
        "target.credentials.secretAccessKeyEnv: names a variable (not shown: a name in lower or mixed case may be the secret itself) that is not set in the environment of the Pulumi program — export that variable (or give the name of the variable that holds the value), or remove target.credentials to use the bucket-cors: config (bucket-cors:accessKeyId and bucket-cors:secretAccessKey) or, without it, the AWS default chain",
    },
    {
      name: "an upper-case name is shown with the export to run",
      variable: "R2_SECRET_ACCESS_KEY_UNSET",
      message:
        'target.credentials.secretAccessKeyEnv: names "R2_SECRET_ACCESS_KEY_UNSET", which is not set in the environment of the Pulumi program — export R2_SECRET_ACCESS_KEY_UNSET, or remove target.credentials to use the bucket-cors: config (bucket-cors:accessKeyId and bucket-cors:secretAccessKey) or, without it, the AWS default chain',
    },
  ])("fails for an unset variable: $name", ({ variable, message }) => {
    process.env["R2_KEY_ID"] = "id";
    const target: Target = {
      profile: "r2",
      bucket: "b",
      accountId: "0123456789abcdef0123456789abcdef",
      credentials: { accessKeyIdEnv: "R2_KEY_ID", secretAccessKeyEnv: variable },
    };
    expect(() => resolveCredentials(target)).toThrow(new CorsPolicyError(message, { code: "MissingCredentials" }));
  });
});

// Issue 12, item 5: what --debug shows of each header.
describe("maskHeader", () => {
  test.each([
    ["X-Auth-Token", "AUTH_tk0123456789", "***"],
    ["x-auth-key", "testing", "***"],
    ["X-Subject-Token", "gAAAAAB-keystone", "***"],
    ["x-amz-security-token", "FwoGZXIvYXdzE", "***"],
    [
      "Authorization",
      "AWS4-HMAC-SHA256 Credential=AKID/20261129/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef",
      "AWS4-HMAC-SHA256 Credential=AKID/20261129/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=***",
    ],
    ["authorization", "Basic dXNlcjpwYXNz", "Basic ***"],
    ["x-storage-url", "http://admin:hunter2@swift.internal/v1/AUTH_test", "http://***@swift.internal/v1/AUTH_test"],
    ["content-type", "application/xml", "application/xml"],
  ])("%s is shown as the trace shows it", (name, value, shown) => {
    expect(maskHeader(name, value)).toBe(shown);
  });
});
