import type { FormatName } from "./types";

/** One line of each format, quoted when a document is in none of them. */
export const FORMAT_EXAMPLES: Readonly<Record<FormatName, string>> = {
  "s3-xml": "<CORSConfiguration><CORSRule><AllowedOrigin>https://app.example</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>",
  "aws-json": '{"CORSRules": [{"AllowedOrigins": ["https://app.example"], "AllowedMethods": ["GET"]}]}',
  "rule-array": '[{"AllowedOrigins": ["https://app.example"], "AllowedMethods": ["GET"]}]',
  "cloudflare-api": '{"rules": [{"allowed": {"origins": ["https://app.example"], "methods": ["GET"]}}]}',
  "gcs-json": '[{"origin": ["https://app.example"], "method": ["GET"], "maxAgeSeconds": 3600}]',
  "swift-headers": "X-Container-Meta-Access-Control-Allow-Origin: https://app.example",
  "b2-json": '[{"corsRuleName": "app-get", "allowedOrigins": ["https://app.example"], "allowedOperations": ["s3_get"], "maxAgeSeconds": 3600}]',
};
