import { checkInputs } from "../../provider/lifecycle/check";
import { diff } from "../../provider/lifecycle";
import type { PolicyOutputs } from "../../provider/lifecycle/types";
import { fixed, servedPerFile } from "../backends/loopback";

/*
 * Issue 11, item 1: a vstorage target with and without `projectId` names one container; only
 * the Keystone catalog says where the one without it is. A Keystone stand-in on loopback gives
 * the catalog VNG Cloud's would (object-store endpoint https://{region}.vstorage.vngcloud.vn/v1/AUTH_{project}).
 */
const serve = servedPerFile();
const rules = [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"], allowedHeaders: ["*"] }];
const UPDATE = { changes: false, replaces: [], deleteBeforeReplace: false };
const REPLACE = { changes: true, replaces: ["target"], deleteBeforeReplace: true };

function checked(target: Record<string, unknown>) {
  const { inputs, failures } = checkInputs({ target: { profile: "vstorage", bucket: "media", region: "hcm03", ...target }, rules });
  expect(failures).toEqual([]);
  return inputs!;
}

function outputs(target: Record<string, unknown>, location?: string): PolicyOutputs {
  return { ...checked(target), resourceId: "vstorage:hcm03/media", fingerprint: "sha256:0", ...(location === undefined ? {} : { location }) };
}

function catalog(project: string): string {
  const endpoints = [{ interface: "public", region: "hcm03", url: `https://hcm03.vstorage.vngcloud.vn/v1/AUTH_${project}` }];
  return JSON.stringify({ token: { catalog: [{ type: "object-store", endpoints }] } });
}

async function keystone(project: string, status = 201): Promise<void> {
  const server = await serve(fixed(status, { "X-Subject-Token": `tok-${project}-${status}`, "Content-Type": "application/json" }, catalog(project)));
  Object.assign(process.env, { OS_AUTH_URL: `${server.url}/v3`, OS_USERNAME: "demo", OS_PASSWORD: `pw-${project}-${status}`, OS_PROJECT_NAME: "demo" });
}

describe("diff: one Swift container however its target is written (vstorage projectId, storage URL)", () => {
  afterEach(() => {
    for (const name of ["OS_AUTH_URL", "OS_USERNAME", "OS_PASSWORD", "OS_PROJECT_NAME"]) delete process.env[name];
  });

  test("projectId filled in, where the login recorded that project's storage URL, is the same container (no login needed)", async () => {
    const olds = outputs({}, "swift://hcm03.vstorage.vngcloud.vn/v1/AUTH_p1/media");
    expect(await diff("vstorage:hcm03/media", olds, checked({ projectId: "p1" }))).toEqual({ ...UPDATE, changes: true });
    expect(await diff("vstorage:hcm03/media", olds, checked({ projectId: "p2" }))).toEqual(REPLACE);
  });

  test("projectId left out again: the login's catalog says whether it is the same project", async () => {
    await keystone("p1");
    expect(await diff("vstorage:hcm03/media", outputs({ projectId: "p1" }), checked({}))).toEqual({ ...UPDATE, changes: true });
    await keystone("p2");
    expect(await diff("vstorage:hcm03/media", outputs({ projectId: "p1" }), checked({}))).toEqual(REPLACE);
  });

  test("a login that fails is a replace, which deletes first: never an update onto a container it could not locate", async () => {
    await keystone("p1", 401);
    expect(await diff("vstorage:hcm03/media", outputs({ projectId: "p1" }), checked({}))).toEqual(REPLACE);
  });

  test("both without projectId and no recorded location (a state from before): the same spelling is the same container, no login", async () => {
    expect(await diff("vstorage:hcm03/media", outputs({}), checked({}))).toEqual(UPDATE);
  });
});
