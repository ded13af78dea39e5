import { targetOfImportId } from "../../plugin/import-id";
import { checkConfig } from "../../plugin/config";

const HOW =
  "an import ID is <profile>:<bucket>, <profile>:<region>/<bucket>, r2:<accountId>/<bucket> or <profile>:<endpoint URL>/<bucket>, e.g. s3:http://127.0.0.1:4568/assets";
const ACCOUNT = "0123456789abcdef0123456789abcdef";

describe("targetOfImportId", () => {
  test.each([
    ["aws:assets", { profile: "aws", bucket: "assets" }],
    [`r2:${ACCOUNT}/assets`, { profile: "r2", bucket: "assets", accountId: ACCOUNT }],
    [`r2:${ACCOUNT}.eu/assets`, { profile: "r2", bucket: "assets", accountId: ACCOUNT, jurisdiction: "eu" }],
    ["ceph:us-east-1/assets", { profile: "ceph", bucket: "assets", region: "us-east-1" }],
    ["s3:http://127.0.0.1:4568/assets", { profile: "s3", bucket: "assets", endpoint: "http://127.0.0.1:4568" }],
    ["minio:minio.example.com:9000/assets", { profile: "minio", bucket: "assets", endpoint: "https://minio.example.com:9000" }],
  ])("%s names %j", (id, target) => {
    expect(targetOfImportId(id)).toEqual(target);
  });

  test.each([
    ["assets", `import of "assets": it names no profile — ${HOW}`],
    [
      "gcs:assets",
      `import of "gcs:assets": "gcs" is not a profile (aws, r2, spaces, ovh, exoscale, ceph, b2, wasabi, minio, s3, swift, vstorage, ovh-swift) — ${HOW}`,
    ],
  ])("fails when the ID is %s", (id, message) => {
    expect(() => targetOfImportId(id)).toThrow(message);
  });

  test("fails when the ID names no bucket", () => {
    expect(() => targetOfImportId("s3:http://127.0.0.1:4568/")).toThrow(`import of "s3:http://127.0.0.1:4568/": it names no bucket after the last / — ${HOW}`);
  });

  test("fails when the target it names is refused, in the target's own words", () => {
    expect(() => targetOfImportId("s3:ftp://127.0.0.1:4568/assets")).toThrow(/^import of "s3:ftp:\/\/127\.0\.0\.1:4568\/assets": target\.endpoint/);
  });
});

describe("checkConfig", () => {
  test("accepts the provider's keys and the ones the engine adds", () => {
    expect(checkConfig({ accessKeyId: "AKIA", secretAccessKey: "s", sessionToken: "t", version: "0.1.0" })).toEqual([]);
  });

  test("fails when a key is not a setting, naming the allowed ones and never the value", () => {
    expect(checkConfig({ secretKey: "wJalrXUtnFEMI" })).toEqual([
      {
        property: "secretKey",
        reason:
          "bucket-cors:secretKey is not a setting of the bucket-cors provider; allowed are accessKeyId, secretAccessKey, sessionToken — rename it, e.g. pulumi config set --secret bucket-cors:secretAccessKey <key>",
      },
    ]);
  });
});
