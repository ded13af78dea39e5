import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketCorsCommand,
  GetBucketCorsCommand,
  PutBucketCorsCommand,
  S3Client,
  type CORSRule,
} from "@aws-sdk/client-s3";
import { describeWithRgw, describeWithSwift, describeWithVersitygw, type RgwInfo, type SwiftInfo, type VersitygwInfo } from "./real-servers";

// Proves the real servers global-setup started really serve CORS the way docs/test-servers.md
// and docs/cors-semantics.md record, so suites built on them test the product and not a broken fixture.

const ORIGIN = "https://app.example.com";
const OTHER_ORIGIN = "https://other.example.com";
const UNKNOWN_ORIGIN = "https://evil.example.net";

/** The CORS-relevant response headers, lower-cased names: exact-header assertions compare these. */
function corsHeaders(response: Response): Record<string, string> {
  const picked: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name.startsWith("access-control-") || name === "vary") picked[name] = value;
  });
  return picked;
}

function preflight(url: string, origin: string, method: string, headers?: string): Promise<Response> {
  const request: Record<string, string> = { Origin: origin, "Access-Control-Request-Method": method };
  if (headers !== undefined) request["Access-Control-Request-Headers"] = headers;
  return fetch(url, { method: "OPTIONS", headers: request });
}

function s3Client(rgw: RgwInfo | VersitygwInfo, secretAccessKey = rgw.secretAccessKey): S3Client {
  return new S3Client({
    endpoint: rgw.endpoint,
    region: rgw.region,
    forcePathStyle: true,
    credentials: { accessKeyId: rgw.accessKeyId, secretAccessKey },
    // RGW 16 predates the SDK's default CRC32 checksums (docs/test-servers.md, "Ceph RGW: pitfalls").
    requestChecksumCalculation: "WHEN_REQUIRED",
  });
}

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; status: number | undefined }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode };
  }
  throw new Error("expected the request to fail");
}

describeWithRgw("real Ceph RGW on loopback", (rgw) => {
  const bucket = "bcors-smoke";
  const rule: CORSRule = {
    AllowedOrigins: [OTHER_ORIGIN, ORIGIN],
    AllowedMethods: ["PUT", "GET", "GET"],
    AllowedHeaders: ["x-custom", "Content-Type"],
    ExposeHeaders: ["x-amz-request-id", "ETag"],
    MaxAgeSeconds: 600,
  };
  let s3: S3Client;

  beforeAll(async () => {
    s3 = s3Client(rgw());
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });

  afterAll(async () => {
    await s3?.send(new DeleteBucketCommand({ Bucket: bucket }));
    s3?.destroy();
  });

  test("PutBucketCors is stored and GetBucketCors returns it rewritten as RGW does", async () => {
    await s3.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: [rule] } }));
    const { CORSRules } = await s3.send(new GetBucketCorsCommand({ Bucket: bucket }));
    // Methods de-duplicated and re-ordered, origins sorted, headers sorted byte-wise, expose headers as sent.
    expect(CORSRules).toEqual([
      {
        AllowedOrigins: [ORIGIN, OTHER_ORIGIN],
        AllowedMethods: ["GET", "PUT"],
        AllowedHeaders: ["Content-Type", "x-custom"],
        ExposeHeaders: ["x-amz-request-id", "ETag"],
        MaxAgeSeconds: 600,
      },
    ]);
  });

  test("an allowed preflight answers 200 with the requested method only and the headers echoed", async () => {
    const response = await preflight(`${rgw().endpoint}/${bucket}/some/key`, ORIGIN, "PUT", "x-custom,content-type");
    expect(response.status).toBe(200);
    expect(corsHeaders(response)).toEqual({
      "access-control-allow-origin": ORIGIN,
      "access-control-allow-methods": "PUT",
      "access-control-allow-headers": "x-custom,content-type",
      "access-control-expose-headers": "x-amz-request-id,ETag",
      "access-control-max-age": "600",
      vary: "Origin",
    });
  });

  test("fails when the preflight origin is unknown: 403 and no CORS headers", async () => {
    const response = await preflight(`${rgw().endpoint}/${bucket}/some/key`, UNKNOWN_ORIGIN, "GET");
    expect(response.status).toBe(403);
    expect(corsHeaders(response)).toEqual({});
  });

  test("DeleteBucketCors answers 204, after which GetBucketCors fails with NoSuchCORSConfiguration", async () => {
    const deleted = await s3.send(new DeleteBucketCorsCommand({ Bucket: bucket }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(await errorOf(s3.send(new GetBucketCorsCommand({ Bucket: bucket })))).toEqual({ name: "NoSuchCORSConfiguration", status: 404 });
  });

  test("fails when the secret is wrong: SignatureDoesNotMatch", async () => {
    const wrong = s3Client(rgw(), `${rgw().secretAccessKey}-wrong`);
    try {
      expect(await errorOf(wrong.send(new GetBucketCorsCommand({ Bucket: bucket })))).toEqual({ name: "SignatureDoesNotMatch", status: 403 });
    } finally {
      wrong.destroy();
    }
  });
});

/** TempAuth v1 login: the token and storage URL, or the failing status. */
async function swiftLogin(swift: SwiftInfo, key = swift.key): Promise<{ status: number; token: string | null; storageUrl: string | null }> {
  const response = await fetch(swift.authUrl, { headers: { "X-Auth-User": swift.user, "X-Auth-Key": key } });
  await response.arrayBuffer();
  return { status: response.status, token: response.headers.get("x-auth-token"), storageUrl: response.headers.get("x-storage-url") };
}

describeWithSwift("real OpenStack Swift on loopback", (swift) => {
  const container = "bcors-smoke";
  let token: string;
  let containerUrl: string;

  const request = async (method: string, headers: Record<string, string> = {}): Promise<Response> => {
    const response = await fetch(containerUrl, { method, headers: { "X-Auth-Token": token, ...headers } });
    await response.arrayBuffer();
    return response;
  };

  beforeAll(async () => {
    const login = await swiftLogin(swift());
    expect(login.status).toBe(200);
    token = login.token!;
    containerUrl = `${login.storageUrl}/${container}`;
    expect((await request("PUT")).status).toBe(201);
  });

  afterAll(async () => {
    if (containerUrl) await request("DELETE");
  });

  test("TempAuth login returns a token and the storage URL the env file names", async () => {
    const login = await swiftLogin(swift());
    expect(login.status).toBe(200);
    expect(login.storageUrl).toBe(swift().storageUrl);
    expect(login.token).toMatch(/^AUTH_tk[0-9a-f]+$/);
  });

  test("fails when the key is wrong: login answers 401", async () => {
    expect((await swiftLogin(swift(), `${swift().key}x`)).status).toBe(401);
  });

  test("container CORS metadata set by POST reads back from HEAD", async () => {
    const posted = await request("POST", {
      "X-Container-Meta-Access-Control-Allow-Origin": `${ORIGIN} ${OTHER_ORIGIN}`,
      "X-Container-Meta-Access-Control-Max-Age": "600",
      "X-Container-Meta-Access-Control-Expose-Headers": "X-Custom",
    });
    expect(posted.status).toBe(204);
    const head = await request("HEAD");
    expect(head.status).toBe(204);
    expect({
      origin: head.headers.get("x-container-meta-access-control-allow-origin"),
      maxAge: head.headers.get("x-container-meta-access-control-max-age"),
      expose: head.headers.get("x-container-meta-access-control-expose-headers"),
    }).toEqual({ origin: `${ORIGIN} ${OTHER_ORIGIN}`, maxAge: "600", expose: "X-Custom" });
  });

  test("an allowed preflight answers 200 with the exact origin, every object method and the headers echoed", async () => {
    const response = await preflight(`${containerUrl}/not/yet/uploaded`, OTHER_ORIGIN, "PUT", "content-type");
    expect(response.status).toBe(200);
    const headers = corsHeaders(response);
    expect(headers["access-control-allow-origin"]).toBe(OTHER_ORIGIN);
    expect(headers["access-control-max-age"]).toBe("600");
    // Found here, not in the original server notes (now in docs/cors-semantics.md, "15. OpenStack
    // Swift"): Swift adds Vary, naming Access-Control-Request-Headers when the preflight sent it.
    expect(headers["vary"]).toBe("Origin, Access-Control-Request-Headers");
    // Order and case of these lists change between proxy restarts (docs/test-servers.md, "Swift: container CORS"): compare as sets.
    const set = (value: string | undefined) => new Set((value ?? "").split(",").map((item) => item.trim().toUpperCase()));
    expect(set(headers["access-control-allow-methods"])).toEqual(new Set(["POST", "OPTIONS", "PUT", "HEAD", "GET", "DELETE", "COPY"]));
    expect(set(headers["access-control-allow-headers"])).toEqual(new Set(["CONTENT-TYPE"]));
    expect(Object.keys(headers).sort()).toEqual([
      "access-control-allow-headers",
      "access-control-allow-methods",
      "access-control-allow-origin",
      "access-control-max-age",
      "vary",
    ]);
  });

  test("fails when the preflight origin is unknown: 401 and no CORS headers", async () => {
    const response = await preflight(`${containerUrl}/not/yet/uploaded`, UNKNOWN_ORIGIN, "GET");
    expect(response.status).toBe(401);
    expect(corsHeaders(response)).toEqual({});
  });
});

describeWithVersitygw("real versitygw on loopback", (versitygw) => {
  const bucket = "bcors-smoke";
  const rule: CORSRule = { AllowedOrigins: [ORIGIN], AllowedMethods: ["PUT", "GET"], AllowedHeaders: ["x-custom"], MaxAgeSeconds: 600 };
  let s3: S3Client;

  beforeAll(async () => {
    s3 = s3Client(versitygw());
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });

  afterAll(async () => {
    await s3?.send(new DeleteBucketCommand({ Bucket: bucket }));
    s3?.destroy();
  });

  test("PutBucketCors is stored and GetBucketCors returns it as sent", async () => {
    await s3.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: [rule] } }));
    expect((await s3.send(new GetBucketCorsCommand({ Bucket: bucket }))).CORSRules).toEqual([rule]);
  });

  // docs/cors-semantics.md, "16. versitygw": credentials "true" with an echoed origin, ETag always exposed.
  test("an allowed preflight answers 200 with the rule's methods, the headers echoed lower-case and ETag exposed", async () => {
    const response = await preflight(`${versitygw().endpoint}/${bucket}/some/key`, ORIGIN, "PUT", "X-Custom");
    expect(response.status).toBe(200);
    expect(corsHeaders(response)).toEqual({
      "access-control-allow-origin": ORIGIN,
      "access-control-allow-credentials": "true",
      "access-control-allow-methods": "PUT, GET",
      "access-control-allow-headers": "x-custom",
      "access-control-expose-headers": "ETag",
      "access-control-max-age": "600",
      vary: "Origin, Access-Control-Request-Headers, Access-Control-Request-Method",
    });
  });

  test("fails when the preflight origin is unknown: 403 and no CORS headers", async () => {
    const response = await preflight(`${versitygw().endpoint}/${bucket}/some/key`, UNKNOWN_ORIGIN, "GET");
    expect(response.status).toBe(403);
    expect(corsHeaders(response)).toEqual({});
  });

  test("DeleteBucketCors answers 204, after which GetBucketCors fails with NoSuchCORSConfiguration", async () => {
    const deleted = await s3.send(new DeleteBucketCorsCommand({ Bucket: bucket }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(await errorOf(s3.send(new GetBucketCorsCommand({ Bucket: bucket })))).toEqual({ name: "NoSuchCORSConfiguration", status: 404 });
  });

  test("fails when the secret is wrong: SignatureDoesNotMatch", async () => {
    const wrong = s3Client(versitygw(), `${versitygw().secretAccessKey}-wrong`);
    try {
      expect(await errorOf(wrong.send(new GetBucketCorsCommand({ Bucket: bucket })))).toEqual({ name: "SignatureDoesNotMatch", status: 403 });
    } finally {
      wrong.destroy();
    }
  });
});
