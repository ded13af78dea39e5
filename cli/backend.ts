import type { Budget } from "../provider/backends/budget";
import { DEFAULT_DEADLINES_MS } from "../provider/backends/limits";
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

/**
 * The backend for a target with every call spent from one overall deadline, which starts now:
 * what `apply` and `delete` use for each bucket, as the resource's create and delete do.
 */
export async function budgetedBackendOf(target: Target, budget: Budget): Promise<Backend> {
  const { startBudget, withBudget } = await import("../provider/backends/budget");
  return withBudget(await backendOf(target), startBudget(budget));
}

/**
 * A command's budget for one bucket: `--deadline`, else what the resource allows by default
 * (lifecycle/deadlines.ts): twice the call deadline plus twice the wait until the change is served.
 */
export function commandBudget(command: "apply" | "delete", deadlineSeconds: number | undefined, waitSeconds: number): Budget {
  const totalMs = deadlineSeconds === undefined ? 2 * DEFAULT_DEADLINES_MS.operation + 2 * waitSeconds * 1000 : deadlineSeconds * 1000;
  return { operation: `bucket-cors ${command}`, totalMs, setting: "--deadline" };
}
