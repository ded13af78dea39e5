import { warning } from "../../model/issue";
import type { EvaluableRule } from "../types";
import type { RuleIssue } from "./types";

/**
 * Longest preflight cache browsers honour (MDN, Access-Control-Max-Age,
 * https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Max-Age):
 * Chromium caps it at 2 hours since v76 (`kMaxTimeout` in
 * services/network/public/cpp/cors/preflight_result.cc), Firefox at 24 hours
 * (`nsCORSPreflightListener::AddResultToCache`, netwerk/protocol/http/nsCORSListenerProxy.cpp).
 */
export const CHROME_MAX_AGE_SECONDS = 7200;
export const FIREFOX_MAX_AGE_SECONDS = 86400;

/** A max-age above what browsers cache: the extra time is silently ignored, so it promises nothing. */
export function maxAgeAboveBrowserCaps(rule: EvaluableRule, index: number): RuleIssue[] {
  const age = rule.maxAgeSeconds;
  if (age === undefined || age <= CHROME_MAX_AGE_SECONDS) return [];
  const beyond = age > FIREFOX_MAX_AGE_SECONDS ? "more than any browser honours" : "more than Chrome honours";
  const text = `${age} is ${beyond}; Chrome caches a preflight for at most ${CHROME_MAX_AGE_SECONDS} s (2 h) and Firefox for at most ${FIREFOX_MAX_AGE_SECONDS} s (24 h) — use ${CHROME_MAX_AGE_SECONDS}`;
  return [{ rule: index, issue: warning("max-age-above-browser-cap", `rules[${index}].maxAgeSeconds`, text) }];
}
