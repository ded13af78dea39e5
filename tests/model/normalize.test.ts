import { normalize } from "../../provider/model/normalize";

describe("normalize", () => {
  test("upper-cases, de-duplicates and orders methods canonically", () => {
    expect(normalize({ rules: [{ allowedOrigins: ["*"], allowedMethods: ["head", "put", "GET", "get"] }] })).toEqual({
      rules: [{ allowedOrigins: ["*"], allowedMethods: ["GET", "PUT", "HEAD"] }],
    });
  });

  test("sorts and de-duplicates origins, lower-cases and sorts headers, drops empty lists", () => {
    expect(
      normalize({
        rules: [
          {
            id: "a",
            allowedOrigins: ["https://b.example", "https://a.example", "https://b.example"],
            allowedMethods: ["GET"],
            allowedHeaders: ["X-Amz-*", "content-type", "Content-Type"],
            exposeHeaders: [],
            maxAgeSeconds: 0,
          },
        ],
      }),
    ).toEqual({
      rules: [
        {
          id: "a",
          allowedOrigins: ["https://a.example", "https://b.example"],
          allowedMethods: ["GET"],
          allowedHeaders: ["content-type", "x-amz-*"],
          maxAgeSeconds: 0,
        },
      ],
    });
  });

  test("keeps rule order, since the first matching rule wins", () => {
    const rules = [
      { allowedOrigins: ["*"], allowedMethods: ["GET"] },
      { allowedOrigins: ["https://a.example"], allowedMethods: ["PUT"] },
    ];
    expect(normalize({ rules }).rules.map((r) => r.allowedOrigins[0])).toEqual(["*", "https://a.example"]);
  });

  test("two policies Ceph RGW stores the same normalize the same (RGW sorts origins and headers, re-orders methods)", () => {
    const sent = {
      rules: [{ allowedOrigins: ["https://z.example", "https://a.example"], allowedMethods: ["PUT", "GET", "GET"], allowedHeaders: ["x-b", "X-A"] }],
    };
    const readBack = {
      rules: [{ allowedOrigins: ["https://a.example", "https://z.example"], allowedMethods: ["GET", "PUT"], allowedHeaders: ["X-A", "x-b"] }],
    };
    expect(normalize(sent)).toEqual(normalize(readBack));
  });

  test("keeps unknown methods upper-cased for validation to report", () => {
    expect(normalize({ rules: [{ allowedOrigins: ["*"], allowedMethods: ["patch", "get"] }] }).rules[0]!.allowedMethods).toEqual(["GET", "PATCH"]);
  });
});
