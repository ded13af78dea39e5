import { checkTarget } from "../../provider/targets";

/** What a user may paste where a variable's name belongs: the value itself. */
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const NOT_SHOWN =
  'is not an environment variable name (letters, digits and _, not starting with a digit); it is not shown, in case it is the secret itself — give the name of the variable that holds the value, e.g. "AWS_SECRET_ACCESS_KEY"';

const messagesOf = (target: unknown): string[] => {
  const checked = checkTarget(target);
  return checked.ok ? [] : checked.issues.map((i) => i.message);
};

// Issue 11, item 6: a secret given where a variable name belongs was printed in full; a secret key
// placed in the target was echoed (40 characters of it).
describe("a target never shows a secret given in the wrong place", () => {
  test("a value where a variable name belongs is refused without being shown", () => {
    expect(
      messagesOf({
        profile: "r2",
        accountId: "0123456789abcdef0123456789abcdef",
        bucket: "b",
        credentials: { accessKeyIdEnv: "R2_KEY", secretAccessKeyEnv: SECRET },
      }),
    ).toEqual([`target.credentials.secretAccessKeyEnv: ${NOT_SHOWN}`]);
  });

  test("a secret placed in the target as a field of its own is named by its key only", () => {
    const messages = messagesOf({ profile: "aws", bucket: "b", secretAccessKey: SECRET });
    expect(messages).toEqual([
      'target: has unknown field "secretAccessKey"; a target takes profile, bucket, endpoint, region, accountId, jurisdiction, projectId, forcePathStyle, credentials, expectedBucketOwner and version — remove it; credentials are never target fields: name the environment variables that hold them in credentials: { accessKeyIdEnv, secretAccessKeyEnv }',
    ]);
  });

  test("credentials given as a string are refused without being shown", () => {
    expect(messagesOf({ profile: "aws", bucket: "b", credentials: SECRET })).toEqual([
      'target.credentials: is not valid; it takes { accessKeyIdEnv, secretAccessKeyEnv, sessionTokenEnv? }, the names of the environment variables that hold the credentials; it is not shown, in case it is a secret — e.g. credentials: { accessKeyIdEnv: "R2_ACCESS_KEY_ID", secretAccessKeyEnv: "R2_SECRET_ACCESS_KEY" }',
    ]);
  });

  test("a variable name passes", () => {
    expect(messagesOf({ profile: "aws", bucket: "b", credentials: { accessKeyIdEnv: "AWS_KEY_1", secretAccessKeyEnv: "_SECRET" } })).toEqual([]);
  });

  test("no message of any of these holds a piece of the secret", () => {
    const all = [
      ...messagesOf({ profile: "aws", bucket: "b", credentials: { secretAccessKeyEnv: SECRET, accessKeyIdEnv: SECRET } }),
      ...messagesOf({ profile: "aws", bucket: "b", secretAccessKey: SECRET, credentials: SECRET }),
    ].join("\n");
    for (const piece of [SECRET, SECRET.slice(0, 8), "wJalr"]) expect(all).not.toContain(piece);
  });
});

// Issue 11, item 8: `user:pass@` in an endpoint showed in errors and in the state.
describe("an endpoint with credentials in it", () => {
  test.each(["http://leakuser:LEAKPASS99@127.0.0.1:7480", "https://:LEAKPASS99@s3.example.com", "http://leakuser:LEAKPASS99@[not a host"])(
    "%s is refused without being shown",
    (endpoint) => {
      const messages = messagesOf({ profile: "ceph", bucket: "b", endpoint });
      expect(messages).toEqual([
        "target.endpoint: has a user name or password in it (user:password@host); it is not shown, and it would be stored in the state and sent to the service in every URL — remove it from the endpoint and name the environment variables that hold the credentials in credentials: { accessKeyIdEnv, secretAccessKeyEnv }",
      ]);
      expect(messages.join("\n")).not.toContain("LEAKPASS");
    },
  );
});
