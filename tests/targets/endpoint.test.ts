import { checkTarget } from "../../provider/targets";

/** What checking a target with this endpoint gives: its messages, or "ok". */
function checked(profile: "ceph" | "swift", endpoint: string): string {
  const result = checkTarget({ profile, bucket: "media", endpoint });
  return result.ok ? "ok" : result.issues.map((i) => `${i.code} ${i.message}`).join("\n");
}

// Issue 19, item 8: these passed preview and failed at up with the AWS SDK's rewritten value ("localhost://17480").
describe("checkTarget: an endpoint is an http(s) URL of a host and port, checked before any call", () => {
  test.each<[string, "ceph" | "swift", string, string]>([
    [
      "fails when the scheme is missing (a loopback host gets http://)",
      "ceph",
      "localhost:17480",
      'target-invalid target.endpoint: "localhost:17480" has no scheme — write "http://localhost:17480"',
    ],
    [
      "fails when the scheme is missing (an IP address)",
      "ceph",
      "127.0.0.1:17480",
      'target-invalid target.endpoint: "127.0.0.1:17480" has no scheme — write "http://127.0.0.1:17480"',
    ],
    [
      "fails when the scheme is missing (a public host gets https://)",
      "ceph",
      "rgw.example.com",
      'target-invalid target.endpoint: "rgw.example.com" has no scheme — write "https://rgw.example.com"',
    ],
    [
      "fails when the scheme is not http or https",
      "ceph",
      "s3://rgw.example.com",
      'target-invalid target.endpoint: "s3://rgw.example.com" has the scheme s3://; an endpoint is an http:// or https:// URL — write "https://rgw.example.com"',
    ],
    ["fails when there is no host", "ceph", "http://", 'target-invalid target.endpoint: "http://" has no host — write "http://HOST:PORT"'],
    [
      "fails when the port is out of range",
      "ceph",
      "http://127.0.0.1:65536",
      'target-invalid target.endpoint: "http://127.0.0.1:65536" has the port "65536"; a port is a number from 1 to 65535 — give the port the server listens on',
    ],
    [
      "fails when the port is 0",
      "ceph",
      "http://127.0.0.1:0",
      'target-invalid target.endpoint: "http://127.0.0.1:0" has the port "0"; a port is a number from 1 to 65535 — give the port the server listens on',
    ],
    [
      "fails when an S3 endpoint has a path (the bucket is its own field)",
      "ceph",
      "http://127.0.0.1:7480/media",
      'target-invalid target.endpoint: "http://127.0.0.1:7480/media" has a path ("/media"); an S3 endpoint is the service\'s address alone, the bucket is given separately — write "http://127.0.0.1:7480"',
    ],
    [
      "fails when an endpoint has a query",
      "swift",
      "http://127.0.0.1:8080/v1/AUTH_test?x=1",
      'target-invalid target.endpoint: "http://127.0.0.1:8080/v1/AUTH_test?x=1" has a query or fragment ("?x=1"), which requests would carry — write "http://127.0.0.1:8080/v1/AUTH_test"',
    ],
    [
      "fails when it is not a URL at all",
      "ceph",
      "http//rgw",
      'target-invalid target.endpoint: "http//rgw" is not a URL — write "http://HOST:PORT", e.g. "http://127.0.0.1:7480"',
    ],
    ["accepts a Swift storage URL, whose path names the account", "swift", "http://127.0.0.1:8080/v1/AUTH_test", "ok"],
    ["accepts an S3 endpoint with a trailing slash", "ceph", "http://127.0.0.1:7480/", "ok"],
    ["accepts an IPv6 loopback with a port", "ceph", "http://[::1]:7480", "ok"],
    ["accepts https without a port", "ceph", "https://rgw.example.com", "ok"],
  ])("%s", (_name, profile, endpoint, expected) => {
    expect(checked(profile, endpoint)).toBe(expected);
  });

  test("fails when an endpoint holds user:password@, without showing it (checked before the URL's form)", () => {
    expect(checked("ceph", "localhost:hunter2@rgw:7480")).toBe(
      "target-invalid target.endpoint: has a user name or password in it (user:password@host); it is not shown, and it would be stored in the state and sent to the service in every URL — remove it from the endpoint and name the environment variables that hold the credentials in credentials: { accessKeyIdEnv, secretAccessKeyEnv }",
    );
  });
});
