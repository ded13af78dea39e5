import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { CorsPolicyError } from "../../provider/errors";
import { launchChromium } from "./driver";
import { fetchesScript, type BrowserFetch, type BrowserOutcome } from "./page";

/** A headless Chromium that runs a page's fetches from any origin. */
export interface BrowserSession {
  /**
   * Runs `fetches` from a page of `origin`. One page per origin serves every call of the session:
   * preflights and responses cached by earlier calls stay cached, so callers that need a fresh
   * verdict use a URL not fetched before.
   */
  fetchFrom(origin: string, fetches: readonly BrowserFetch[], concurrency?: number): Promise<BrowserOutcome[]>;
  /** `http://HOST:PORT` of the loopback page server for one of the hosts given to {@link openBrowser}. */
  loopbackOrigin(host: string): string;
  close(): Promise<void>;
}

/** An empty page; the fetches are evaluated in it. */
const PAGE = "<!doctype html><title>bucket-cors</title>";

/**
 * Launches Chromium. Each of `loopbackHosts` resolves to 127.0.0.1, where a page server
 * answers, so `loopbackOrigin(host)` pages are real loopback pages (their fetches to loopback
 * buckets pass Chromium's Local Network Access checks as same-space requests). Any other origin's
 * page is served by request interception, which is switched off again before the fetches run
 * (Playwright answers preflights itself while it intercepts).
 */
export async function openBrowser(executablePath: string, loopbackHosts: readonly string[] = []): Promise<BrowserSession> {
  const server = loopbackHosts.length > 0 ? await pageServer() : undefined;
  let browser: Browser;
  try {
    browser = await launchChromium(executablePath, loopbackHosts);
  } catch (error) {
    server?.close();
    throw error;
  }
  const port = server === undefined ? undefined : (server.address() as AddressInfo).port;
  const context = await browser.newContext();
  const pages = new Map<string, Page>();
  const served = new Set(loopbackHosts.map((host) => `http://${host}:${port}`));
  return {
    loopbackOrigin(host) {
      if (!loopbackHosts.includes(host))
        throw new CorsPolicyError(
          `${JSON.stringify(host)} is not one of the loopback hosts this browser was opened with (${loopbackHosts.join(", ") || "none"}) — add it to openBrowser's loopbackHosts`,
          { code: "InvalidArgument" },
        );
      return `http://${host}:${port}`;
    },
    async fetchFrom(origin, fetches, concurrency = 6) {
      let page = pages.get(origin);
      if (page === undefined) {
        page = await context.newPage();
        if (served.has(origin)) await page.goto(`${origin}/`);
        else await interceptedPage(context, origin, page);
        pages.set(origin, page);
      }
      return page.evaluate<BrowserOutcome[]>(fetchesScript({ fetches, concurrency }));
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
    },
  };
}

async function interceptedPage(context: BrowserContext, origin: string, page: Page): Promise<void> {
  // Chromium 142+ asks before a public page reaches a private address (Local Network Access);
  // the user's grant is not part of the bucket's CORS. Older browsers know no such permission.
  await context.grantPermissions(["local-network-access"], { origin }).catch(() => undefined);
  await page.route(`${origin}/`, (route) => route.fulfill({ status: 200, contentType: "text/html", body: PAGE }));
  await page.goto(`${origin}/`);
  await page.unrouteAll();
}

async function pageServer(): Promise<Server> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end(PAGE);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return server;
}
