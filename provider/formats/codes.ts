import type { Issue } from "../model/issue";

/** Every code the format codecs report while decoding, detecting or checking what a format can hold. */
export const FORMAT_CODES = [
  "allowed-headers-not-expressible",
  "b2-native-operations",
  "b2-unknown-operation",
  "character-not-expressible",
  "decode-failed",
  "document-too-deep",
  "document-too-large",
  "duplicate-field",
  "duplicate-key",
  "field-spelling",
  "forbidden-key",
  "gcs-unknown-method",
  "gcs-wildcard-method",
  "id-not-expressible",
  "ignored-header",
  "malformed-json",
  "malformed-xml",
  "methods-not-expressible",
  "missing-field",
  "missing-wrapper",
  "no-cors-metadata",
  "no-rules",
  "not-integer",
  "number-too-large",
  "rules-merged",
  "s3-rules-in-cloudflare",
  "unknown-field",
  "unknown-format",
  "value-not-expressible",
  "wrong-root",
  "wrong-type",
  "xml-doctype",
] as const;

/** One of {@link FORMAT_CODES}. */
export type FormatCode = (typeof FORMAT_CODES)[number];

/** An issue a codec reports. */
export type FormatIssue = Issue<FormatCode>;
