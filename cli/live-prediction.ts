import type { CorsConfiguration } from "../provider/model/schema";
import type { Dialect } from "../provider/profiles";
import { targetDialect, type Target } from "../provider/targets";
import { backendOf } from "./backend";
import { describeError } from "./run";

/** What a prediction of the live answer starts from: the live configuration and the dialect, or why there is none. */
export type LiveBasis = { readonly config: CorsConfiguration | null; readonly bucketExists: boolean; readonly dialect: Dialect } | { readonly error: string };

/**
 * Reads the live configuration once for `verify`'s predictions (the server's answer, and with
 * `--browser` the browser's verdict): `--dialect`, else the target's (a Ceph `version` picks it).
 */
export async function liveBasis(target: Target, dialectFlag: Dialect | undefined): Promise<LiveBasis> {
  let read;
  try {
    read = await (await backendOf(target)).get(target);
  } catch (error) {
    return { error: `the live configuration could not be read, so there is no prediction: ${describeError(error).message}` };
  }
  if (read.kind === "unreadable") return { error: `the live configuration cannot be read by this package (${read.raw}), so there is no prediction` };
  return { config: read.kind === "config" ? read.config : null, bucketExists: read.kind !== "no-bucket", dialect: dialectFlag ?? targetDialect(target) };
}
