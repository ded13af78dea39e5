import { settingsKey, swiftContainerOf, swiftRuleOf } from "../../provider/model/swift-container";

describe("the Swift container model", () => {
  const rules = [
    { id: "a", allowedOrigins: ["https://b.example", "https://a.example"], allowedMethods: ["GET"], exposeHeaders: ["ETag"], maxAgeSeconds: 60 },
    { allowedOrigins: ["https://a.example", "https://c.example"], allowedMethods: ["PUT"], exposeHeaders: ["ETag", "x-id"], maxAgeSeconds: 600 },
    { allowedOrigins: ["*"], allowedMethods: ["GET"] },
  ];

  test("a container holds every origin and expose header once, in the order written, and the longest max-age", () => {
    expect(swiftContainerOf({ rules })).toEqual({
      origins: ["https://b.example", "https://a.example", "https://c.example", "*"],
      exposeHeaders: ["ETag", "x-id"],
      maxAgeSeconds: 600,
    });
  });

  test("a container without max-age or expose headers holds none", () => {
    expect(swiftContainerOf({ rules: [{ allowedOrigins: ["*"] }] })).toEqual({ origins: ["*"], exposeHeaders: [], maxAgeSeconds: undefined });
  });

  test("its one rule allows every method and every requested header", () => {
    expect(swiftRuleOf(swiftContainerOf({ rules }))).toEqual({
      allowedOrigins: ["https://b.example", "https://a.example", "https://c.example", "*"],
      allowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"],
      allowedHeaders: ["*"],
      exposeHeaders: ["ETag", "x-id"],
      maxAgeSeconds: 600,
    });
    expect(swiftRuleOf({ origins: ["*"], exposeHeaders: [], maxAgeSeconds: undefined })).toEqual({
      allowedOrigins: ["*"],
      allowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"],
      allowedHeaders: ["*"],
    });
  });

  test("settingsKey ignores origins and IDs and compares normalized settings", () => {
    const rule = { id: "x", allowedOrigins: ["https://a.example"], allowedMethods: ["get", "PUT"], allowedHeaders: ["Content-Type"], maxAgeSeconds: 5 };
    expect(settingsKey(rule)).toBe(settingsKey({ allowedOrigins: ["*"], allowedMethods: ["PUT", "GET"], allowedHeaders: ["content-type"], maxAgeSeconds: 5 }));
    expect(settingsKey(rule)).not.toBe(settingsKey({ ...rule, maxAgeSeconds: 6 }));
    expect(settingsKey(rule)).toBe('{"allowedMethods":["GET","PUT"],"allowedHeaders":["content-type"],"maxAgeSeconds":5}');
  });
});
