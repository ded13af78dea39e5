/** The browser's verdict: the Fetch standard's CORS protocol on top of the server's answer. */
export { predictBrowser, planFetch, judgeAnswers, type FetchPlan, type SeenAnswer } from "./predict";
export type { BrowserOptions, BrowserRequest, BrowserVerdict, PreflightCache } from "./types";
