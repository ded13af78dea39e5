import { findChrome } from "../../cli/browser/find";
import { openBrowser, type BrowserSession } from "../../cli/browser/session";

/** The page origins the browser tests load pages from; both resolve to 127.0.0.1 in the browser. */
export const PAGE_HOSTS = ["app.example.test", "other.example.test"] as const;

/** REQUIRE_BROWSER=1 (CI) turns a missing Chromium or playwright-core into a failure instead of a skip. */
export function browserRequired(): boolean {
  return process.env["REQUIRE_BROWSER"] === "1";
}

/** Why no browser can run here, or undefined when Chromium and playwright-core are both present. */
export function browserUnavailable(): string | undefined {
  try {
    require.resolve("playwright-core");
  } catch {
    return "playwright-core is not installed (npm install --include=optional)";
  }
  try {
    findChrome(undefined);
  } catch (error) {
    return `${(error as Error).message} (bash scripts/browser/install.sh)`;
  }
  return undefined;
}

/**
 * `describe` that runs with a headless Chromium whose pages load from {@link PAGE_HOSTS}. Without
 * one it skips, naming why in the title; with REQUIRE_BROWSER=1 it fails instead.
 * `fn` gets an accessor, valid inside hooks and tests.
 */
export function describeWithBrowser(name: string, fn: (browser: () => BrowserSession) => void): void {
  const reason = browserUnavailable();
  if (reason === undefined) {
    describe(name, () => {
      let session: BrowserSession | undefined;
      beforeAll(async () => {
        session = await openBrowser(findChrome(undefined), PAGE_HOSTS);
      });
      afterAll(async () => {
        await session?.close();
      });
      fn(() => {
        if (session === undefined) throw new Error("the browser is not open yet: use it inside hooks and tests");
        return session;
      });
    });
    return;
  }
  if (browserRequired()) {
    describe(name, () => {
      test("fails when Chromium or playwright-core is unavailable", () => {
        throw new Error(`REQUIRE_BROWSER is set: ${reason}`);
      });
    });
    return;
  }
  console.log(`${name}: skipped, ${reason}`);
  describe.skip(`${name} [skipped: ${reason}]`, () =>
    fn(() => {
      throw new Error(reason);
    }));
}
