import { checkTarget } from "../../provider/targets";

/** The messages checking a target with this bucket (container) name gives. */
function messagesFor(profile: string, bucket: string): string[] {
  const target = profile === "ceph" ? { profile, bucket, endpoint: "http://127.0.0.1:7480" } : { profile, bucket };
  const result = checkTarget(target);
  return result.ok ? [] : result.issues.map((i) => `${i.code} ${i.message}`);
}

describe("checkTarget: bucket and container names can only address their bucket", () => {
  test.each<[string, string, string, string]>([
    [
      "fails when an S3 bucket name holds a slash (the virtual-hosted host would change)",
      "aws",
      "evil.example/",
      'bucket-name-invalid target.bucket: "evil.example/" has "/"; an S3 bucket name holds only letters, digits, ".", "-" and "_", or requests would go to another URL — use "evil.example"',
    ],
    [
      "fails when an S3 bucket name holds a query mark",
      "ceph",
      "media?x=1",
      'bucket-name-invalid target.bucket: "media?x=1" has "?"; an S3 bucket name holds only letters, digits, ".", "-" and "_", or requests would go to another URL — use "mediax1"',
    ],
    [
      "fails when a bucket name holds CR/LF, never echoing them raw",
      "aws",
      "assets\r\nX-Evil: 1",
      'bucket-name-invalid target.bucket: "assets\\r\\nX-Evil: 1" has "\\r"; an S3 bucket name holds only letters, digits, ".", "-" and "_", or requests would go to another URL — use "assetsX-Evil1"',
    ],
    [
      "fails when an S3 bucket name is ..",
      "ceph",
      "..",
      'bucket-name-invalid target.bucket: ".." is not a bucket name; "." and ".." address the account or the service root in a URL path — give the bucket\'s name',
    ],
    [
      "fails when a Swift container is .",
      "swift",
      ".",
      'bucket-name-invalid target.bucket: "." is not a container name; "." and ".." address the account or the service root in a URL path — give the container\'s name',
    ],
    [
      "fails when a Swift container is ..",
      "swift",
      "..",
      'bucket-name-invalid target.bucket: ".." is not a container name; "." and ".." address the account or the service root in a URL path — give the container\'s name',
    ],
    [
      "fails when a Swift container name holds a slash",
      "swift",
      "media/../../v1",
      'bucket-name-invalid target.bucket: "media/../../v1" has "/"; a Swift container name holds no "/", spaces or control characters, or requests would go to another URL — use "media....v1"',
    ],
    [
      "fails when a Swift container name holds a line break",
      "swift",
      "media\n",
      'bucket-name-invalid target.bucket: "media\\n" has "\\n"; a Swift container name holds no "/", spaces or control characters, or requests would go to another URL — use "media"',
    ],
    [
      "fails when a Swift container name is longer than 256 characters",
      "swift",
      "c".repeat(257),
      `bucket-name-invalid target.bucket: "${"c".repeat(76)}... is 257 characters; a container name has at most 256 — shorten it`,
    ],
    [
      "fails when an S3 bucket name is longer than 255 characters",
      "aws",
      "b".repeat(256),
      `bucket-name-invalid target.bucket: "${"b".repeat(76)}... is 256 characters; a bucket name has at most 255 — shorten it`,
    ],
  ])("%s", (_name, profile, bucket, message) => {
    expect(messagesFor(profile, bucket)).toEqual([message]);
  });

  test.each<[string, string]>([
    ["aws", "assets.example-1"],
    ["ceph", "Legacy_Bucket"],
    ["swift", "media files ünïcode".replace(/ /g, "-")],
  ])("accepts %s bucket %s", (profile, bucket) => {
    expect(messagesFor(profile, bucket)).toEqual([]);
  });
});
