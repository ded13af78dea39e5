import type { IncomingMessage, ServerResponse } from "node:http";
import { rejection } from "./rejection";
import { s3Backend } from "../../provider/backends/s3/backend";
import { checkTarget } from "../../provider/targets";
import { fixed, loopbackS3Target, servedPerFile } from "./loopback";

/* Issue 12, item 5: a bucket in another region (301 + x-amz-bucket-region), and --expected-bucket-owner. */

process.env["BCT_ACCESS_KEY"] = "AKIDBCT";
process.env["BCT_SECRET_KEY"] = "refusals-secret";
const RULES = { rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET" as const] }] };
const CORS_XML = `<?xml version="1.0" encoding="UTF-8"?><CORSConfiguration><CORSRule><AllowedOrigin>https://app.example.com</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>`;
const OWNER = "111122223333";

const target = loopbackS3Target;

/** The region a SigV4 Authorization header was signed for (its credential scope). */
function signedRegion(req: IncomingMessage): string | undefined {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\/s3\/aws4_request/.exec(req.headers.authorization ?? "")?.[1];
}

/** S3's answer to a request signed for another region than the bucket's. */
function permanentRedirect(res: ServerResponse, region: string): void {
  res.writeHead(301, { "Content-Type": "application/xml", "x-amz-bucket-region": region });
  res.end(
    `<Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed using the specified endpoint.</Message></Error>`,
  );
}

const serve = servedPerFile();

describe("a bucket in another region", () => {
  test("a 301 PermanentRedirect with x-amz-bucket-region is followed once, signed for that region, at the same endpoint", async () => {
    const server = await serve((req, res) => {
      if (signedRegion(req) === "eu-west-2") fixed(200, { "Content-Type": "application/xml" }, CORS_XML)(req, res);
      else permanentRedirect(res, "eu-west-2");
    });
    expect(await s3Backend.get(target(server, "moved"))).toEqual({
      kind: "config",
      config: { rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] }] },
    });
    expect(server.received.map((r) => [r.method, r.url, /\/([a-z0-9-]+)\/s3\/aws4_request/.exec(r.headers.authorization ?? "")?.[1]])).toEqual([
      ["GET", "/moved/?cors=", "us-east-1"],
      ["GET", "/moved/?cors=", "eu-west-2"],
    ]);
  });

  test("fails when the redirect cannot be resolved: the message names the bucket's region and what to set", async () => {
    const server = await serve((_req, res) => permanentRedirect(res, "ap-south-1"));
    const error = await rejection(s3Backend.put(target(server, "elsewhere"), RULES));
    expect([error.code, error.status, error.message]).toEqual([
      "RedirectRefused",
      301,
      `PutBucketCors on S3-compatible storage bucket "elsewhere" failed (301 PermanentRedirect): the bucket is in region "ap-south-1", not "us-east-1" (x-amz-bucket-region), and the request signed for that region was redirected too — set region to "ap-south-1", and the endpoint to that region's if you gave one`,
    ]);
    expect(server.received.length).toBe(2);
  });
});

describe("expected bucket owner", () => {
  test("ExpectedBucketOwner reaches the server on get, put and delete; without it, no header", async () => {
    const server = await serve((req, res) => (req.method === "GET" ? fixed(200, { "Content-Type": "application/xml" }, CORS_XML) : fixed(204, {}))(req, res));
    await s3Backend.get(target(server, "owned", { expectedBucketOwner: OWNER }));
    await s3Backend.put(target(server, "owned", { expectedBucketOwner: OWNER }), RULES);
    await s3Backend.delete(target(server, "owned", { expectedBucketOwner: OWNER }));
    await s3Backend.get(target(server, "owned"));
    expect(server.received.map((r) => [r.method, r.headers["x-amz-expected-bucket-owner"]])).toEqual([
      ["GET", OWNER],
      ["PUT", OWNER],
      ["DELETE", OWNER],
      ["GET", undefined],
    ]);
  });

  test("fails with a message naming the account when the owner check answers 403 AccessDenied", async () => {
    const server = await serve(
      fixed(403, { "Content-Type": "application/xml", "x-amz-request-id": "OWN1" }, `<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>`),
    );
    const error = await rejection(s3Backend.get(target(server, "not-mine", { expectedBucketOwner: OWNER })));
    expect([error.code, error.message]).toEqual([
      "ServiceError",
      `GetBucketCors on S3-compatible storage bucket "not-mine" failed (403 AccessDenied): access denied, and the request asked that the bucket belong to account ${OWNER} (expected bucket owner): either another account owns it, or the keys lack permission — check the account id, then the keys' policy (request id OWN1)`,
    ]);
  });

  test("fails when expectedBucketOwner is not a 12-digit account id", () => {
    const checked = checkTarget({ profile: "aws", bucket: "assets", expectedBucketOwner: "1111-2222-3333" });
    expect(checked.ok ? [] : checked.issues.map((i) => [i.code, i.message])).toEqual([
      [
        "target-invalid",
        `target.expectedBucketOwner: "1111-2222-3333" is not valid; an AWS account id is 12 digits, e.g. "111122223333" — fix the target, or build it with a preset such as targets.aws({ bucket, region })`,
      ],
    ]);
  });
});
