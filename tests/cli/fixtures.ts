import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** An app rule and a public GET rule, in the AWS CLI shape, with mixed case and order to be normalized. */
export const APP_AWS_JSON = JSON.stringify({
  CORSRules: [
    {
      ID: "app",
      AllowedOrigins: ["https://app.example.com"],
      AllowedMethods: ["PUT", "GET"],
      AllowedHeaders: ["Content-Type", "x-amz-*"],
      ExposeHeaders: ["ETag"],
      MaxAgeSeconds: 3600,
    },
    { AllowedOrigins: ["*"], AllowedMethods: ["GET"] },
  ],
});

/** The same policy normalized, as the model (and `--json`) spells it. */
export const APP_RULES = [
  {
    id: "app",
    allowedOrigins: ["https://app.example.com"],
    allowedMethods: ["GET", "PUT"],
    allowedHeaders: ["content-type", "x-amz-*"],
    exposeHeaders: ["etag"],
    maxAgeSeconds: 3600,
  },
  { allowedOrigins: ["*"], allowedMethods: ["GET"] },
];

/** The same policy as S3 XML, exactly as the s3-xml codec renders it. */
export const APP_S3_XML = `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <CORSRule>
    <ID>app</ID>
    <AllowedOrigin>https://app.example.com</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedHeader>content-type</AllowedHeader>
    <AllowedHeader>x-amz-*</AllowedHeader>
    <ExposeHeader>etag</ExposeHeader>
    <MaxAgeSeconds>3600</MaxAgeSeconds>
  </CORSRule>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
  </CORSRule>
</CORSConfiguration>
`;

/** A policy no server accepts: an origin with a trailing slash and PATCH. */
export const BAD_AWS_JSON = JSON.stringify({ CORSRules: [{ AllowedOrigins: ["https://app.example.com/"], AllowedMethods: ["GET", "PATCH"] }] });

/** The validator's messages for {@link BAD_AWS_JSON} (pinned: path, value, rule, fix). */
export const BAD_MESSAGES = [
  `rules[0].allowedOrigins[0]: "https://app.example.com/" has a path; an origin is "*" or scheme://host[:port] — use "https://app.example.com"`,
  `rules[0].allowedMethods[1]: "PATCH" is not a method S3-compatible storage allows in a CORS rule; allowed are GET, PUT, POST, DELETE, HEAD — remove it`,
];

/** Writes `files` (name → text) into a fresh temporary directory and returns its path. */
export function fixtureDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "bcors-cli-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
