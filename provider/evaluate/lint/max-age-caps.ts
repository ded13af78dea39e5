/**
 * Longest preflight cache browsers honour (MDN, Access-Control-Max-Age,
 * https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Max-Age):
 * Chromium caps it at 2 hours since v76 (`kMaxTimeout` in
 * services/network/public/cpp/cors/preflight_result.cc), Firefox at 24 hours
 * (`nsCORSPreflightListener::AddResultToCache`, netwerk/protocol/http/nsCORSListenerProxy.cpp).
 */
export const CHROME_MAX_AGE_SECONDS = 7200;
export const FIREFOX_MAX_AGE_SECONDS = 86400;
