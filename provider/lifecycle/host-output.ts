/*
 * The dynamic provider host prints every error a provider's check, diff, read or delete throws
 * as `console.error(`${e}: ${e.stack}`)` before handing it to the engine
 * (@pulumi/pulumi cmd/dynamic-provider/index.js, the catch blocks of those four methods; create
 * and update go through grpcResponseFromError, which prints nothing). The engine shows that line,
 * stack frames and all, under the stack's diagnostics, and the message again as the resource's
 * error: a failed refresh or destroy printed the message twice and a stack trace (issue 23).
 * The resource's error line is the one the user needs, so the host's copy of it is dropped:
 * only the exact line the host writes for an error this package threw, once, and nothing else.
 * BUCKET_CORS_DEBUG=1 keeps it (the stack is for whoever debugs this package).
 */

/** The lines the host is about to print for errors this package threw, not yet seen. */
const expected = new Set<string>();
/** More would mean the host no longer prints them (another host, a test calling in-process): stop remembering. */
const MOST_EXPECTED = 64;
let installed = false;

/** Runs `work`; an error it throws is rethrown, and the host's console copy of it is not printed. */
export async function quietInHost<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (process.env["BUCKET_CORS_DEBUG"] === undefined && error instanceof Error && expected.size < MOST_EXPECTED) {
      install();
      expected.add(`${String(error)}: ${String(error.stack)}`);
    }
    throw error;
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  const original = console.error.bind(console);
  console.error = (...args: unknown[]): void => {
    if (args.length === 1 && typeof args[0] === "string" && expected.delete(args[0])) return;
    original(...args);
  };
}
