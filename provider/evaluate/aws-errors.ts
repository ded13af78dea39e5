/**
 * The errors AWS S3 answers to a refused preflight, exactly as recorded by
 * LocalStack's AWS-validated snapshots (localstack/localstack@8b9a79f0
 * `tests/aws/services/s3/test_s3_cors.snapshot.json`;
 * docs/cors-semantics.md, "9. Refused preflights").
 * "evalution" is AWS's own typo.
 */
export const AWS_PREFLIGHT_ERRORS = {
  noOrigin: { status: 400, code: "BadRequest", message: "Insufficient information. Origin request header needed." },
  noBucket: { status: 403, code: "AccessForbidden", message: "CORSResponse: Bucket not found" },
  noConfig: { status: 403, code: "AccessForbidden", message: "CORSResponse: CORS is not enabled for this bucket." },
  noMatch: {
    status: 403,
    code: "AccessForbidden",
    message:
      "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
  },
  /**
   * Not recorded on AWS (docs/cors-semantics.md, "9. Refused preflights"): OPTIONS with Origin but no
   * Access-Control-Request-Method on a bucket that has a config. Scality
   * Arsenal (`routeOPTIONS`, written against AWS) and s3rver answer this text
   * with 400; Ceph answers 400 too. We place the check after the config
   * lookup because AWS answered 403 "CORS is not enabled" without the header.
   */
  noRequestMethod: { status: 400, code: "BadRequest", message: "Invalid Access-Control-Request-Method: null" },
} as const;

/** AWS's `Vary` on every response where a rule matched, preflight or not, `*` rule or not (docs/cors-semantics.md, "8. Vary"). */
export const AWS_VARY = "Origin, Access-Control-Request-Headers, Access-Control-Request-Method";
