import { readFileSync } from "fs";
import { join } from "path";
import { codecFor, detect, parseDocument } from "../../provider/formats";
import type { FormatName } from "../../provider/formats/types";
import type { CorsConfiguration } from "../../provider/model/schema";

function fixture(name: string): string {
  return readFileSync(join(__dirname, "golden", name), "utf8");
}

/** What the upload-from-a-web-app policy means, whichever format writes it. */
const UPLOAD: CorsConfiguration = {
  rules: [
    {
      allowedOrigins: ["http://localhost:3000", "https://app.example.com"],
      allowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"],
      allowedHeaders: ["*"],
      exposeHeaders: ["etag"],
      maxAgeSeconds: 3000,
    },
  ],
};

/** The same policy without allowed headers: all GCS can say. */
const UPLOAD_WITHOUT_ALLOWED_HEADERS: CorsConfiguration = {
  rules: [
    {
      allowedOrigins: ["http://localhost:3000", "https://app.example.com"],
      allowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"],
      exposeHeaders: ["etag"],
      maxAgeSeconds: 3000,
    },
  ],
};

/** Exoscale's documented example: every method (`*`, kept for validation to judge) with `Content-*` headers, then GET/HEAD for anyone. */
const EXOSCALE: CorsConfiguration = {
  rules: [
    { allowedOrigins: ["https://shop.example.org"], allowedMethods: ["*" as "GET"], allowedHeaders: ["content-*"] },
    { allowedOrigins: ["*"], allowedMethods: ["GET", "HEAD"] },
  ],
};

describe("golden documents", () => {
  test.each<[string, FormatName, CorsConfiguration]>([
    ["exoscale-doc.xml", "s3-xml", EXOSCALE],
    ["exoscale-portal.json", "aws-json", EXOSCALE],
    ["digitalocean-doc.xml", "s3-xml", UPLOAD],
    ["prefixed-namespace.xml", "s3-xml", UPLOAD],
    ["ovh-doc-cli.json", "aws-json", UPLOAD],
    ["r2-dashboard.json", "rule-array", UPLOAD],
    ["cloudflare-api.json", "cloudflare-api", UPLOAD],
    ["swift-head.txt", "swift-headers", UPLOAD],
    ["gcs-doc.json", "gcs-json", UPLOAD_WITHOUT_ALLOWED_HEADERS],
  ])("%s is detected as %s and decodes to the exact canonical model", (file, format, expected) => {
    const text = fixture(file);
    expect(detect(text)).toBe(format);
    expect(parseDocument(text)).toEqual({ format, config: expected, issues: [] });
  });

  test("the parsed JSON value decodes the same as its text", () => {
    expect(codecFor("cloudflare-api").decode(JSON.parse(fixture("cloudflare-api.json")))).toEqual({ config: UPLOAD, issues: [] });
  });

  test("bytes with a UTF-8 byte-order mark decode the same as the text", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fixture("digitalocean-doc.xml"), "utf8")]);
    expect(parseDocument(new Uint8Array(bytes))).toEqual({ format: "s3-xml", config: UPLOAD, issues: [] });
  });

  test("a Swift header object in any header-name case decodes like the HEAD response", () => {
    const headers = {
      "content-length": "0",
      "x-container-meta-access-control-allow-origin": "https://app.example.com http://localhost:3000",
      "X-CONTAINER-META-ACCESS-CONTROL-MAX-AGE": "3000",
      "X-Container-Meta-Access-Control-Expose-Headers": "ETag",
    };
    expect(detect(headers)).toBe("swift-headers");
    expect(parseDocument(headers)).toEqual({ format: "swift-headers", config: UPLOAD, issues: [] });
  });

  test('ids survive, and an XML id keeps its leading zeros (s3rver turns "007" into 7)', () => {
    const xml = "<CORSConfiguration><CORSRule><ID>007</ID><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>";
    expect(parseDocument(xml)).toEqual({ format: "s3-xml", config: { rules: [{ id: "007", allowedOrigins: ["*"], allowedMethods: ["GET"] }] }, issues: [] });
  });

  test("decoding does not judge meaning: PATCH and an origin with a path reach the config", () => {
    const doc = '[{"AllowedOrigins": ["https://app.example.com/path"], "AllowedMethods": ["patch", "get"]}]';
    expect(parseDocument(doc)).toEqual({
      format: "rule-array",
      config: { rules: [{ allowedOrigins: ["https://app.example.com/path"], allowedMethods: ["GET", "PATCH"] }] },
      issues: [],
    });
  });

  test("XML references and CDATA are decoded exactly once", () => {
    const xml =
      "<CORSConfiguration><CORSRule><AllowedOrigin>https://a.example?x=1&amp;y=&#x32;&#51;</AllowedOrigin><AllowedOrigin><![CDATA[&amp;]]></AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>";
    expect(codecFor("s3-xml").decode(xml)).toEqual({
      config: { rules: [{ allowedOrigins: ["&amp;", "https://a.example?x=1&y=23"], allowedMethods: ["GET"] }] },
      issues: [],
    });
  });
});
