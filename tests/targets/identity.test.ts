import { locationOf, type Target } from "../../provider/targets";

const at = (target: Target) => locationOf(target);

// Issue 11, item 1: another spelling of the same bucket was a replace (which deleted the rules it had just written).
describe("locationOf knows one bucket from its spellings", () => {
  test.each<[string, Target, Target]>([
    [
      "ceph on 127.0.0.1 and localhost",
      { profile: "ceph", bucket: "b", endpoint: "http://127.0.0.1:7480" },
      { profile: "ceph", bucket: "b", endpoint: "http://localhost:7480" },
    ],
    [
      "aws with and without its regional endpoint",
      { profile: "aws", bucket: "b", region: "eu-west-1" },
      { profile: "aws", bucket: "b", region: "eu-west-1", endpoint: "https://s3.eu-west-1.amazonaws.com" },
    ],
    [
      "aws and s3 on the AWS endpoint",
      { profile: "aws", bucket: "b", region: "eu-west-1" },
      { profile: "s3", bucket: "b", endpoint: "https://s3.eu-west-1.amazonaws.com" },
    ],
    [
      "aws dual-stack and legacy endpoints",
      { profile: "aws", bucket: "b", endpoint: "https://s3.dualstack.us-east-2.amazonaws.com" },
      { profile: "aws", bucket: "b", endpoint: "https://s3-us-west-2.amazonaws.com" },
    ],
    [
      "default ports written out",
      { profile: "ceph", bucket: "b", endpoint: "https://rgw.example.com:443" },
      { profile: "ceph", bucket: "b", endpoint: "https://rgw.example.com" },
    ],
  ])("%s: the same location", (_name, a, b) => {
    expect(at(a)).toBe(at(b));
  });

  test.each<[string, Target, Target]>([
    [
      "another bucket",
      { profile: "ceph", bucket: "a", endpoint: "http://localhost:7480" },
      { profile: "ceph", bucket: "b", endpoint: "http://localhost:7480" },
    ],
    ["another port", { profile: "ceph", bucket: "b", endpoint: "http://localhost:7480" }, { profile: "ceph", bucket: "b", endpoint: "http://localhost:7481" }],
    ["another host", { profile: "ceph", bucket: "b", endpoint: "http://rgw-a.example" }, { profile: "ceph", bucket: "b", endpoint: "http://rgw-b.example" }],
    [
      "a lookalike of AWS",
      { profile: "s3", bucket: "b", endpoint: "https://s3.amazonaws.com.evil.example" },
      { profile: "aws", bucket: "b", region: "us-east-1" },
    ],
  ])("%s: another location", (_name, a, b) => {
    expect(at(a)).not.toBe(at(b));
  });
});
