import { lintPolicy, type EvaluableConfig } from "../../provider/evaluate";

/** The browser-side lint warnings: ETag for multipart uploads, credentialed requests a rule can never serve. */
const APP = "https://app.example.com";

function lint(config: EvaluableConfig, options: Parameters<typeof lintPolicy>[1]): [string, string][] {
  return lintPolicy(config, options).map((i) => [i.code, i.message]);
}

describe("lintPolicy: browser-side warnings, exact messages", () => {
  test("a rule allowing PUT without exposing ETag, when pages upload in parts", () => {
    const rules = [
      { allowedOrigins: [APP], allowedMethods: ["GET", "PUT"] },
      { allowedOrigins: ["https://cdn.example.com"], allowedMethods: ["PUT"], exposeHeaders: ["etag"] },
    ];
    const message =
      'rules[0].allowedMethods[1]: "PUT" is allowed but "ETag" is not exposed; a page reads only the response headers a rule exposes, and a multipart upload needs each part\'s ETag from its PUT response to complete — add "ETag" to exposeHeaders';
    expect(lint({ rules }, { multipartUploads: true })).toEqual([["etag-not-exposed", message]]);
    expect(lint({ rules }, {})).toEqual([]);
  });

  test("Swift exposes ETag on every answer: no warning", () => {
    expect(lint({ rules: [{ allowedOrigins: [APP], allowedMethods: ["PUT"] }] }, { multipartUploads: true, profile: "swift" })).toEqual([]);
  });

  test('a "*" rule can never serve a credentialed request from an origin it does not list', () => {
    const rules = [{ allowedOrigins: ["*"], allowedMethods: ["GET"] }];
    expect(lint({ rules }, { credentialedOrigins: [APP] })).toEqual([
      [
        "credentials-never-served",
        'rules[0].allowedOrigins[0]: "*" answers "https://app.example.com" with Access-Control-Allow-Origin: *, which browsers refuse to a request with credentials, and expect sends credentials from it — list "https://app.example.com" in this rule\'s allowedOrigins, so that it is echoed with Access-Control-Allow-Credentials: true',
      ],
    ]);
    expect(lint({ rules: [{ allowedOrigins: [APP], allowedMethods: ["GET"] }] }, { credentialedOrigins: [APP] })).toEqual([]);
  });

  // docs/cors-semantics.md, "16. versitygw": the first AllowedOrigin entry that matches decides.
  test('versitygw: a rule listing the origin after "*" answers *, one listing it before echoes it', () => {
    const starFirst = [{ allowedOrigins: ["*", APP], allowedMethods: ["GET"] }];
    expect(lint({ rules: starFirst }, { credentialedOrigins: [APP], profile: "versitygw" })).toEqual([
      [
        "credentials-never-served",
        'rules[0].allowedOrigins[0]: "*" answers "https://app.example.com" with Access-Control-Allow-Origin: *, which browsers refuse to a request with credentials, and expect sends credentials from it — list "https://app.example.com" in this rule\'s allowedOrigins before "*" (versitygw answers with the first entry that matches), so that it is echoed with Access-Control-Allow-Credentials: true',
      ],
    ]);
    expect(lint({ rules: [{ allowedOrigins: [APP, "*"], allowedMethods: ["GET"] }] }, { credentialedOrigins: [APP], profile: "versitygw" })).toEqual([]);
    expect(
      lint({ rules: [{ allowedOrigins: ["https://*.example.com", "*"], allowedMethods: ["GET"] }] }, { credentialedOrigins: [APP], profile: "versitygw" }),
    ).toEqual([]);
  });

  test("Ceph RGW never sends Access-Control-Allow-Credentials: every rule admitting the origin is warned about", () => {
    const rules = [{ allowedOrigins: ["https://*.example.com"], allowedMethods: ["GET"] }];
    expect(lint({ rules }, { credentialedOrigins: [APP, "https://evil.test"], profile: "ceph" })).toEqual([
      [
        "credentials-never-served",
        'rules[0].allowedOrigins[0]: admits "https://app.example.com", but Ceph RGW never sends Access-Control-Allow-Credentials: true, so browsers block every request with credentials, and expect sends credentials from it — send those requests without credentials (a presigned URL carries its own authorization)',
      ],
    ]);
  });
});
