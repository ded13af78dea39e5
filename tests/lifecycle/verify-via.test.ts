import { checkInputs } from "../../provider/lifecycle/check";
import { diffPolicy } from "../../provider/lifecycle/diff";
import type { PolicyOutputs } from "../../provider/lifecycle/types";

/** `verify: { via, key? }` at check and diff: the fronting URL refused with the property, the value and the fix (issue 22, item 4). */
const aws = { profile: "aws", bucket: "assets", region: "eu-west-1" };
const rules = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] }];
const expect_ = [{ origin: "https://app.example.com", method: "GET", allowed: true }];

describe("verify: { via }", () => {
  test("is kept as written, beside the expect entries it sends", () => {
    const { inputs, failures } = checkInputs({ target: aws, rules, expect: expect_, verify: { via: "https://cdn.example.com/assets", key: "logo.png" } });
    expect(failures).toEqual([]);
    expect(inputs?.verify).toEqual({ via: "https://cdn.example.com/assets", key: "logo.png" });
  });

  test("fails when the URL has a user name or password, without showing it", () => {
    const { failures } = checkInputs({ target: aws, rules, expect: expect_, verify: { via: "https://user:hunter2@cdn.example.com" } });
    expect(failures).toEqual([
      {
        property: "verify.via",
        reason:
          "has a user name or password in it (user:password@host); it is not shown, and it would be stored in the state — a front is sent only what a browser sends, never credentials: give its URL without them",
      },
    ]);
    expect(JSON.stringify(failures)).not.toContain("hunter2");
  });

  test("fails when the URL has no scheme, and names the URL to write", () => {
    expect(checkInputs({ target: aws, rules, expect: expect_, verify: { via: "cdn.example.com" } }).failures).toEqual([
      { property: "verify.via", reason: '"cdn.example.com" has no scheme — write "https://cdn.example.com"' },
    ]);
  });

  test("fails when the key leaves the bucket", () => {
    expect(checkInputs({ target: aws, rules, expect: expect_, verify: { via: "https://cdn.example.com", key: "a/../b" } }).failures).toEqual([
      { property: "verify.key", reason: '"a/../b" has a "." or ".." segment, which would leave the bucket — give the key as stored' },
    ]);
  });

  test("fails when there is nothing to send through the front", () => {
    expect(checkInputs({ target: aws, rules, verify: { via: "https://cdn.example.com" } }).failures).toEqual([
      {
        property: "verify",
        reason: 'has nothing to send through the front; its requests are the expect entries — add expect: [{ origin, method, allowed }], or use verify: "read"',
      },
    ]);
  });

  test("fails when the object has other fields", () => {
    expect(checkInputs({ target: aws, rules, expect: expect_, verify: { url: "https://cdn.example.com" } }).failures).toEqual([
      {
        property: "verify",
        reason:
          '{"url":"https://cdn.example.com"} is not valid; it takes { via: string, key?: string } — e.g. verify: { via: "https://cdn.example.com", key: "index.html" } to send the expect entries through the CDN in front of the bucket too',
      },
    ]);
  });

  test("diff: another front is a change, the same one written again is not", async () => {
    const checked = (verify: unknown) => checkInputs({ target: aws, rules, expect: expect_, verify }).inputs!;
    const olds = { ...checked({ via: "https://cdn.example.com" }), resourceId: "aws:assets", fingerprint: "sha256:x" } as PolicyOutputs;
    expect((await diffPolicy(olds, checked({ via: "https://cdn.example.com" }))).changes).toBe(false);
    expect((await diffPolicy(olds, checked({ via: "https://cdn2.example.com" }))).changes).toBe(true);
    expect((await diffPolicy(olds, checked("preflight"))).changes).toBe(true);
  });
});
