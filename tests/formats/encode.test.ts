import { codecFor, renderDocument } from "../../provider/formats";
import { s3XmlBody } from "../../provider/formats/s3-xml";
import type { CorsConfiguration } from "../../provider/model/schema";

/** Not normalized on purpose: encoders render the normalized form (sorted origins, canonical methods, lower-case headers). */
const POLICY = {
  rules: [
    {
      id: "uploads",
      allowedOrigins: ["https://app.example.com", "http://localhost:3000"],
      allowedMethods: ["PUT", "GET"],
      allowedHeaders: ["Content-Type", "x-amz-*"],
      exposeHeaders: ["ETag"],
      maxAgeSeconds: 3000,
    },
    { allowedOrigins: ["*"], allowedMethods: ["GET"], exposeHeaders: [] },
  ],
} as CorsConfiguration;

const SWIFT_POLICY: CorsConfiguration = {
  rules: [
    {
      allowedOrigins: ["https://b.example", "https://a.example"],
      allowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"],
      allowedHeaders: ["*"],
      exposeHeaders: ["ETag", "X-Request-Id"],
      maxAgeSeconds: 600,
    },
  ],
};

describe("encoders render exact documents", () => {
  test("s3-xml: namespace, S3's element order, one element per value", () => {
    expect(renderDocument(POLICY, "s3-xml")).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">',
        "  <CORSRule>",
        "    <ID>uploads</ID>",
        "    <AllowedOrigin>http://localhost:3000</AllowedOrigin>",
        "    <AllowedOrigin>https://app.example.com</AllowedOrigin>",
        "    <AllowedMethod>GET</AllowedMethod>",
        "    <AllowedMethod>PUT</AllowedMethod>",
        "    <AllowedHeader>content-type</AllowedHeader>",
        "    <AllowedHeader>x-amz-*</AllowedHeader>",
        "    <ExposeHeader>etag</ExposeHeader>",
        "    <MaxAgeSeconds>3000</MaxAgeSeconds>",
        "  </CORSRule>",
        "  <CORSRule>",
        "    <AllowedOrigin>*</AllowedOrigin>",
        "    <AllowedMethod>GET</AllowedMethod>",
        "  </CORSRule>",
        "</CORSConfiguration>",
        "",
      ].join("\n"),
    );
  });

  test("s3-xml escapes markup, and whitespace the reader would trim", () => {
    const config: CorsConfiguration = { rules: [{ id: " <a & b>\t", allowedOrigins: ["*"], allowedMethods: ["GET"], maxAgeSeconds: 1e21 }] };
    const xml = renderDocument(config, "s3-xml") as string;
    expect(xml.split("\n").filter((line) => line.includes("<ID>") || line.includes("<MaxAgeSeconds>"))).toEqual([
      "    <ID>&#32;&lt;a &amp; b&gt;&#9;</ID>",
      "    <MaxAgeSeconds>1000000000000000000000</MaxAgeSeconds>",
    ]);
    expect(codecFor("s3-xml").decode(xml)).toEqual({ config, issues: [] });
  });

  test("aws-json: the AWS CLI's key order, absent fields left out", () => {
    expect(JSON.parse(renderDocument(POLICY, "aws-json") as string)).toEqual({
      CORSRules: [
        {
          ID: "uploads",
          AllowedHeaders: ["content-type", "x-amz-*"],
          AllowedMethods: ["GET", "PUT"],
          AllowedOrigins: ["http://localhost:3000", "https://app.example.com"],
          ExposeHeaders: ["etag"],
          MaxAgeSeconds: 3000,
        },
        { AllowedMethods: ["GET"], AllowedOrigins: ["*"] },
      ],
    });
    expect(Object.keys((JSON.parse(renderDocument(POLICY, "aws-json") as string) as { CORSRules: object[] }).CORSRules[0] ?? {})).toEqual([
      "ID",
      "AllowedHeaders",
      "AllowedMethods",
      "AllowedOrigins",
      "ExposeHeaders",
      "MaxAgeSeconds",
    ]);
  });

  test("rule-array: the bare list, pretty-printed", () => {
    const single: CorsConfiguration = { rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET"] }] };
    expect(renderDocument(single, "rule-array")).toBe(
      '[\n  {\n    "AllowedMethods": [\n      "GET"\n    ],\n    "AllowedOrigins": [\n      "*"\n    ]\n  }\n]',
    );
  });

  test("cloudflare-api: rules nest origins, methods and headers under allowed", () => {
    expect(JSON.parse(renderDocument(POLICY, "cloudflare-api") as string)).toEqual({
      rules: [
        {
          id: "uploads",
          allowed: { origins: ["http://localhost:3000", "https://app.example.com"], methods: ["GET", "PUT"], headers: ["content-type", "x-amz-*"] },
          exposeHeaders: ["etag"],
          maxAgeSeconds: 3000,
        },
        { allowed: { origins: ["*"], methods: ["GET"] } },
      ],
    });
  });

  test("gcs-json: origin, method, responseHeader, maxAgeSeconds", () => {
    const config: CorsConfiguration = {
      rules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "HEAD"], exposeHeaders: ["ETag"], maxAgeSeconds: 3600 }],
    };
    expect(JSON.parse(renderDocument(config, "gcs-json") as string)).toEqual([
      { origin: ["https://app.example.com"], method: ["GET", "HEAD"], responseHeader: ["etag"], maxAgeSeconds: 3600 },
    ]);
  });

  test("swift-headers: exactly the headers that have values", () => {
    expect(renderDocument(SWIFT_POLICY, "swift-headers")).toEqual({
      "X-Container-Meta-Access-Control-Allow-Origin": "https://a.example https://b.example",
      "X-Container-Meta-Access-Control-Max-Age": "600",
      "X-Container-Meta-Access-Control-Expose-Headers": "etag x-request-id",
    });
    expect(
      renderDocument({ rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"], allowedHeaders: ["*"] }] }, "swift-headers"),
    ).toEqual({
      "X-Container-Meta-Access-Control-Allow-Origin": "*",
    });
  });

  test("swift-headers merges rules that differ only in their origins", () => {
    const split: CorsConfiguration = {
      rules: [
        { allowedOrigins: ["https://b.example"], allowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"], allowedHeaders: ["*"], maxAgeSeconds: 600 },
        {
          allowedOrigins: ["https://c.example", "https://a.example"],
          allowedMethods: ["HEAD", "DELETE", "POST", "PUT", "GET"],
          allowedHeaders: ["*"],
          maxAgeSeconds: 600,
        },
      ],
    };
    expect(renderDocument(split, "swift-headers")).toEqual({
      "X-Container-Meta-Access-Control-Allow-Origin": "https://a.example https://b.example https://c.example",
      "X-Container-Meta-Access-Control-Max-Age": "600",
    });
  });
});

describe("compact S3 XML body", () => {
  test("has no whitespace between elements (what SDKs send, for byte limits) and decodes the same", () => {
    const config: CorsConfiguration = { rules: [{ id: "a", allowedOrigins: ["*"], allowedMethods: ["GET"], maxAgeSeconds: 60 }] };
    const body = s3XmlBody(config, false);
    expect(body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><CORSRule><ID>a</ID><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><MaxAgeSeconds>60</MaxAgeSeconds></CORSRule></CORSConfiguration>',
    );
    expect(codecFor("s3-xml").decode(body)).toEqual({ config, issues: [] });
  });
});
