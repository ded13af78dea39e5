import type { DoctorPreflight } from "./preflights";
import type { DoctorRead } from "./read";

/** Whether the server's preflight answers follow the bucket's rules, and whether it answers CORS with none set; null: not known. */
export interface Findings {
  /** Every preflight was answered as the evaluator predicts from the live rules. */
  readonly followsRules: boolean | null;
  /** With no configuration set, a preflight was still answered with Access-Control-Allow-Origin. */
  readonly corsWithoutConfiguration: boolean | null;
}

/**
 * What the answers show. With no configuration a preflight must be denied; a server that still
 * answers Access-Control-Allow-Origin then applies some other CORS setting (ceph/ceph#70697 for RGW;
 * community MinIO's server-wide cors_allow_origin), which no per-bucket rule changes. Nothing is known when the configuration could not be read.
 */
export function findingsOf(read: DoctorRead, preflights: readonly DoctorPreflight[]): Findings {
  const predicted = preflights.filter((p) => p.predicted !== null);
  if (read.kind === "refused" || read.kind === "unreadable" || predicted.length === 0) return { followsRules: null, corsWithoutConfiguration: null };
  const followsRules = predicted.every((p) => p.predicted === p.allowed);
  const corsWithoutConfiguration = read.kind === "none" ? preflights.some((p) => p.headers["access-control-allow-origin"] !== undefined) : null;
  return { followsRules, corsWithoutConfiguration };
}
