import type { LiveConfig } from "../../provider/backends/types";
import type { CorsRule } from "../../provider/model/schema";
import { droppedFields } from "../../provider/operations/rewrite";

const APP: CorsRule = {
  id: "app",
  allowedOrigins: ["https://app.example"],
  allowedMethods: ["GET", "PUT"],
  exposeHeaders: ["etag"],
  maxAgeSeconds: 4294967296,
};
const PUBLIC: CorsRule = { allowedOrigins: ["*"], allowedMethods: ["GET"], maxAgeSeconds: 600 };
const live = (...rules: CorsRule[]): LiveConfig => ({ kind: "config", config: { rules } });
const { maxAgeSeconds: _age, ...appWithoutMaxAge } = APP;
const { id: _id, exposeHeaders: _expose, ...appWithoutIdAndExpose } = APP;

// Issue 23, item 9: what tells a server's own rewrite of a write (RGW 16.2 drops a max-age of 2³²) from another writer's rules.
describe("droppedFields", () => {
  test.each<[string, LiveConfig, string[] | undefined]>([
    ["the write without one rule's max-age", live(appWithoutMaxAge, PUBLIC), ["rules[0].maxAgeSeconds"]],
    ["the write without an ID and expose headers", live(appWithoutIdAndExpose, PUBLIC), ["rules[0].id", "rules[0].exposeHeaders"]],
    ["the write itself", live(APP, PUBLIC), undefined],
    ["another origin, max-age dropped too", live({ ...appWithoutMaxAge, allowedOrigins: ["https://other.example"] }, PUBLIC), undefined],
    ["a rule missing", live(appWithoutMaxAge), undefined],
    ["another max-age (changed, not dropped)", live({ ...APP, maxAgeSeconds: 60 }, PUBLIC), undefined],
    ["no configuration", { kind: "none" }, undefined],
    ["a configuration this package cannot read", { kind: "unreadable", raw: "<CORSConfiguration/>", issues: [] }, undefined],
  ])("%s", (_name, read, expected) => {
    expect(droppedFields(read, { rules: [APP, PUBLIC] })).toEqual(expected);
  });

  test("a removal (desired: no configuration) is never a rewrite", () => {
    expect(droppedFields(live(PUBLIC), null)).toBeUndefined();
  });
});
