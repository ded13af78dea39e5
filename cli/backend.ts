import type { Backend } from "../provider/backends/types";
import type { Target } from "../provider/targets";

/**
 * The backend for a target, loaded on first use: the S3 backend pulls in the
 * AWS SDK, which the offline commands (convert, lint, explain) never need and
 * should not pay for at start-up.
 */
export async function backendOf(target: Target): Promise<Backend> {
  const { backendFor } = await import("../provider/backends/for-target");
  return backendFor(target);
}
