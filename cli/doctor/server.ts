/**
 * Response headers that name the server or carry its request id, in the order they are printed:
 * what to quote to a vendor's support, and what tells one S3-compatible server from another.
 */
const SERVER_HEADERS = ["server", "x-amz-request-id", "x-amz-id-2", "x-trans-id", "x-openstack-request-id", "cf-ray", "x-minio-deployment-id"];

/** Which server a header gives away; the first that matches wins. */
const SIGNS: readonly { readonly what: string; readonly test: (h: Readonly<Record<string, string>>) => boolean }[] = [
  // RGW's default Server header (rgw_service_provider_name unset): "Ceph Object Gateway (<release>)", src/rgw/rgw_rest.cc.
  { what: "Ceph RGW", test: (h) => /ceph/i.test(h["server"] ?? "") },
  // RGW's request ids: "tx", 21 hex digits, "-", the time in 10 hex digits, then the zone id and zonegroup
  // (RGWSI_ZoneUtils::unique_trans_id, src/rgw/services/svc_zone_utils.cc); RGW 16.2 sends no Server header on a preflight.
  { what: "Ceph RGW", test: (h) => /^tx[0-9a-f]{21}-[0-9a-f]{10}-[0-9a-f]+-./.test(h["x-amz-request-id"] ?? "") },
  // Swift's catch_errors middleware stamps X-Trans-Id on every answer (https://docs.openstack.org/swift/latest/logs.html).
  { what: "OpenStack Swift", test: (h) => h["x-trans-id"] !== undefined },
  // "Server: AmazonS3" on every S3 answer (https://docs.aws.amazon.com/AmazonS3/latest/API/RESTCommonResponseHeaders.html).
  { what: "AWS S3", test: (h) => h["server"] === "AmazonS3" },
  // MinIO answers "Server: MinIO" (minio/minio cmd/generic-handlers.go, addCustomHeadersMiddleware).
  { what: "MinIO", test: (h) => /^minio/i.test(h["server"] ?? "") },
  // versitygw's S3 server is a fiber app with ServerHeader "VERSITYGW" (versity/versitygw v1.8.0, s3api/server.go).
  { what: "versitygw", test: (h) => h["server"] === "VERSITYGW" },
  // R2 is served through Cloudflare's edge: "Server: cloudflare" and a CF-Ray id.
  { what: "Cloudflare (R2)", test: (h) => (h["server"] ?? "").toLowerCase() === "cloudflare" },
];

/** What step (3) of `doctor` reports: the server's own headers, and which server they point to. */
export interface ServerSigns {
  readonly headers: Record<string, string>;
  /** The server the headers point to; null when they name none this table knows. */
  readonly looksLike: string | null;
}

/** The server's own headers from an answer (names lower-case, as backends give them). Never throws. */
export function serverSigns(headers: Readonly<Record<string, string>>): ServerSigns {
  const picked = SERVER_HEADERS.filter((name) => headers[name] !== undefined).map((name) => [name, headers[name] ?? ""] as const);
  return { headers: Object.fromEntries(picked), looksLike: SIGNS.find((s) => s.test(headers))?.what ?? null };
}
