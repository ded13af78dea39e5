import { CHROME_MAX_AGE_SECONDS, FIREFOX_MAX_AGE_SECONDS } from "../evaluate/lint/max-age-caps";
import type { PreflightCache } from "./types";

/** How long a preflight is cached without Access-Control-Max-Age (https://fetch.spec.whatwg.org/#cors-preflight-fetch, step 9). */
export const DEFAULT_PREFLIGHT_CACHE_SECONDS = 5;

/**
 * How long browsers cache an allowed preflight: Access-Control-Max-Age when it is a whole
 * number, else {@link DEFAULT_PREFLIGHT_CACHE_SECONDS}; capped at 7200 s by Chromium and
 * 86400 s by Firefox (evaluate/lint/max-age-caps.ts gives the sources).
 */
export function preflightCache(maxAge: string | undefined): { cache: PreflightCache; text: string } {
  const parsed = maxAge !== undefined && /^\d+$/.test(maxAge.trim()) ? Number(maxAge.trim()) : undefined;
  const seconds = parsed ?? DEFAULT_PREFLIGHT_CACHE_SECONDS;
  const cache = { chromium: Math.min(seconds, CHROME_MAX_AGE_SECONDS), firefox: Math.min(seconds, FIREFOX_MAX_AGE_SECONDS) };
  const source =
    parsed === undefined ? `no usable Access-Control-Max-Age, so the default ${DEFAULT_PREFLIGHT_CACHE_SECONDS} s` : `Access-Control-Max-Age ${seconds}`;
  return { cache, text: `preflight cached for ${cache.chromium} s by Chromium and ${cache.firefox} s by Firefox (${source})` };
}
