/**
 * What to say when a live check finds expectations denied by the rules but allowed by the
 * endpoint: the symptom of CORS answered by a server-wide setting rather than the bucket's rules.
 * Ceph RGW's global CORS rule answers preflights whatever the bucket holds (ceph/ceph#66500 added it;
 * ceph/ceph#70697 is open on how it and bucket rules combine), and community MinIO has only the
 * server-wide MINIO_API_CORS_ALLOW_ORIGIN (minio/minio#21332). No bucket rule takes such an origin
 * away, so rewriting the rules or waiting longer cannot fix it. `indexes` are the `expect` entries
 * concerned; undefined when there are none. Never throws.
 */
export function serverWideHint(indexes: readonly number[]): string | undefined {
  if (indexes.length === 0) return undefined;
  const which = indexes.map((i) => `expect[${i}]`).join(", ");
  const [was, it, origin] = indexes.length === 1 ? ["was", "it", "origin"] : ["were", "them", "origins"];
  return `${which} ${was} allowed although the rules deny ${it}: if the endpoint answers CORS from a server-wide setting (Ceph RGW's global CORS rule, ceph/ceph#70697; community MinIO's MINIO_API_CORS_ALLOW_ORIGIN), that setting decides whatever the bucket's rules say — remove the ${origin} from the server's setting, or expect ${it} allowed; \`bucket-cors doctor\` shows whether the endpoint answers CORS with no configuration set`;
}
