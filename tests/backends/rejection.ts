import { BackendError } from "../../provider/errors";

/** The BackendError a promise rejected with; fails when it resolved or rejected with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackendError) return error;
    throw error;
  }
  throw new Error("resolved, but a failure was expected");
}
