import { readLiveBasis, type LiveBasis as Read } from "../provider/operations/prediction";
import type { Dialect } from "../provider/profiles";
import type { Target } from "../provider/targets";
import { backendOf } from "./backend";
import { describeError } from "./run";

/** What a prediction of the live answer starts from, or why there is none, in the CLI's words. */
export type LiveBasis = Extract<Read, { kind: "basis" }> | { readonly error: string };

/**
 * Reads the live configuration once for `verify`'s predictions (the server's answer, and with
 * `--browser` the browser's verdict): `--dialect`, else the target's (a Ceph `version` picks it).
 */
export async function liveBasis(target: Target, dialectFlag: Dialect | undefined): Promise<LiveBasis> {
  let read: Read;
  try {
    read = await readLiveBasis(await backendOf(target), target, dialectFlag);
  } catch (error) {
    read = { kind: "failed", error };
  }
  if (read.kind === "failed") return { error: `the live configuration could not be read, so there is no prediction: ${describeError(read.error).message}` };
  if (read.kind === "unreadable") return { error: `the live configuration cannot be read by this package (${read.raw}), so there is no prediction` };
  return read;
}
