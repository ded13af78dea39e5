/**
 * The host harness against its fixture provider (testkit/host/fixtures/file-provider.ts), through
 * the real provider host from @pulumi/pulumi. One host for the whole file.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import {
  createHarness,
  DeploymentError,
  groupAlive,
  groupMembers,
  runProgram,
  secret,
  UNKNOWN,
  withoutProvider,
  type Harness,
  type Json,
  type JsonObject,
  type Step,
} from "../../testkit/host";
import { repoRoot } from "../../testkit/host/paths";

const FILE = "pulumi-nodejs:dynamic/files:ManagedFile";
const BROKEN = "pulumi-nodejs:dynamic/files:BrokenFile";
const IDLESS = "pulumi-nodejs:dynamic/files:IdlessFile";
const DIFFLESS = "pulumi-nodejs:dynamic/files:DifflessFile";
const SDK_VERSION = (JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8")) as { version: string }).version;

let h: Harness;
let root: string;

beforeAll(async () => {
  // A fresh clone has no .tmp yet.
  fs.mkdirSync(path.join(repoRoot(), ".tmp"), { recursive: true });
  root = fs.mkdtempSync(path.join(repoRoot(), ".tmp", "harness-test-"));
  h = await createHarness({
    useFixture: true,
    config: { "fixture:root": root, token: secret("tok-123"), "pulumi-nodejs:id": "abc" },
  });
}, 120_000);

afterAll(async () => {
  await h?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
  h.engine.loadState({ resources: [] });
  fs.rmSync(path.join(root, "calls.log"), { force: true });
});

const urn = (type: string, name: string) => `urn:pulumi:dev::harness::${type}::${name}`;
const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");
const program = (body: string) => `const pulumi = require("@pulumi/pulumi");\nconst f = require("harness-fixture");\n${body}`;
const fileText = (name: string) => fs.readFileSync(path.join(root, `${name}.txt`), "utf8");
const fileExists = (name: string) => fs.existsSync(path.join(root, `${name}.txt`));

function outs(name: string, content: string): JsonObject {
  return { content, name, path: `${root}/${name}.txt`, sha256: sha256(content), size: Buffer.byteLength(content) };
}

/** The fixture's journal: every call the host made into the provider, in order. */
function journal(): JsonObject[] {
  const file = path.join(root, "calls.log");
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as JsonObject);
}

/** A journal value as the text the assertions name (strings as they are). */
function text(value: Json | undefined): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? "undefined");
}

/** One line per provider call: the method and the resource it was about. */
function calls(): string[] {
  return journal().map((c) => {
    const about = c["op"] === "check" ? (c["news"] as JsonObject)["name"] : c["op"] === "create" ? (c["inputs"] as JsonObject)["name"] : c["id"];
    return `${text(c["op"])} ${text(about)}`;
  });
}

/** A step without the kilobytes of `__provider` code. */
function view(step: Step): Record<string, unknown> {
  const result: Record<string, unknown> = { ...step };
  for (const key of ["inputs", "outputs", "oldInputs", "oldOutputs"] as const) {
    if (step[key] !== undefined) result[key] = withoutProvider(step[key]);
  }
  return result;
}

function stateView(): Record<string, unknown>[] {
  return h.state().resources.map((r) => ({ ...r, inputs: withoutProvider(r.inputs), outputs: withoutProvider(r.outputs) }));
}

async function failure(operation: Promise<unknown>): Promise<DeploymentError> {
  const error = await operation.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DeploymentError)) throw new Error(`expected a DeploymentError, got ${String(error)}`);
  return error;
}

describe("start-up", () => {
  test("runs the engine's sequence: Handshake and CheckConfig unimplemented, then Configure", () => {
    const { port, portMs, totalMs, ...rest } = h.host.startup;
    expect(rest).toEqual({
      handshakeCode: 12,
      version: SDK_VERSION,
      checkConfigCode: 12,
      configure: {
        acceptSecrets: false,
        supportsPreview: false,
        acceptResources: false,
        acceptOutputs: false,
        supportsAutonamingConfiguration: false,
      },
    });
    expect(port).toBeGreaterThan(0);
    expect(totalMs).toBeGreaterThanOrEqual(portMs);
  });

  test("configure() receives the secret config value in plain form, with the engine's env and cwd", async () => {
    await h.preview(program(`new f.ManagedFile("cfg", { name: "cfg", content: "x" });`));
    expect(JSON.parse(fs.readFileSync(path.join(root, "configure.json"), "utf8"))).toEqual({
      token: "tok-123",
      pulumiConfigEnv: '{"id":"abc"}',
      project: "harness",
      cwd: h.dir,
    });
  });
});

describe("check", () => {
  test("fails when check reports failures, listing each one, before anything else is called", async () => {
    const error = await failure(h.up(program(`new f.ManagedFile("bad", { name: "Bad Name!", content: 42 });`)));
    expect(error.message).toBe(
      `up failed: check failed for ${urn(FILE, "bad")}:\n` + "  name: must be lower-case letters, digits and dashes\n" + "  content: must be a string",
    );
    expect(error.steps).toEqual([]);
    expect(h.state()).toEqual({ resources: [] });
    expect(calls()).toEqual(["check Bad Name!"]);
  });
});

describe("up", () => {
  test("creates, then no-ops, updates, replaces create-first and replaces delete-first", async () => {
    const doc = (name: string, content: string, extra = "") => program(`new f.ManagedFile("doc", { name: "${name}", content: "${content}"${extra} });`);

    const created = await h.up(doc("doc-v1", "one"));
    expect(created.steps.map(view)).toEqual([
      { urn: urn(FILE, "doc"), type: FILE, op: "create", id: "doc-v1", inputs: { content: "one", name: "doc-v1" }, outputs: outs("doc-v1", "one") },
    ]);
    expect(stateView()).toEqual([
      { urn: urn(FILE, "doc"), custom: true, type: FILE, id: "doc-v1", inputs: { content: "one", name: "doc-v1" }, outputs: outs("doc-v1", "one") },
    ]);
    const stored = h.state().resources[0]!;
    expect(stored.inputs["__provider"]).toBe(stored.outputs["__provider"]);
    expect(stored.inputs["__provider"]).toMatch(/^exports\.handler = __f0;/);
    expect(calls()).toEqual(["check doc-v1", "create doc-v1"]);

    fs.rmSync(path.join(root, "calls.log"));
    const same = await h.up(doc("doc-v1", "one"));
    expect(same.steps.map((s) => [s.op, s.diff])).toEqual([["same", { changes: "none", replaces: [], deleteBeforeReplace: false, keys: [] }]]);
    expect(calls()).toEqual(["check doc-v1", "diff doc-v1"]);
    // Check gets the stored inputs as olds; Diff gets the old *outputs* (docs/provider-host.md, "What the host forwards").
    const [check, diff] = journal();
    expect(withoutProvider(check!["olds"] as JsonObject)).toEqual({ content: "one", name: "doc-v1" });
    expect(withoutProvider(diff!["olds"] as JsonObject)).toEqual(outs("doc-v1", "one"));

    fs.rmSync(path.join(root, "calls.log"));
    const updated = await h.up(doc("doc-v1", "two"));
    expect(updated.steps.map(view)).toEqual([
      {
        urn: urn(FILE, "doc"),
        type: FILE,
        op: "update",
        id: "doc-v1",
        inputs: { content: "two", name: "doc-v1" },
        outputs: outs("doc-v1", "two"),
        oldInputs: { content: "one", name: "doc-v1" },
        oldOutputs: outs("doc-v1", "one"),
        diff: { changes: "some", replaces: [], deleteBeforeReplace: false, keys: ["content"] },
      },
    ]);
    expect(calls()).toEqual(["check doc-v1", "diff doc-v1", "update doc-v1"]);
    expect(fileText("doc-v1")).toBe("two");

    fs.rmSync(path.join(root, "calls.log"));
    const replaced = await h.up(doc("doc-v2", "two"));
    expect(replaced.steps.map((s) => [s.op, s.oldId, s.id, s.diff])).toEqual([
      ["replace", "doc-v1", "doc-v2", { changes: "some", replaces: ["name"], deleteBeforeReplace: false, keys: ["name"] }],
    ]);
    // Check again without olds, create the new one, delete the old one at the end.
    expect(calls()).toEqual(["check doc-v2", "diff doc-v1", "check doc-v2", "create doc-v2", "delete doc-v1"]);
    expect(stateView()).toEqual([
      { urn: urn(FILE, "doc"), custom: true, type: FILE, id: "doc-v2", inputs: { content: "two", name: "doc-v2" }, outputs: outs("doc-v2", "two") },
    ]);
    expect([fileExists("doc-v1"), fileText("doc-v2")]).toEqual([false, "two"]);

    fs.rmSync(path.join(root, "calls.log"));
    const exclusive = await h.up(doc("doc-v3", "two", ", exclusive: true"));
    expect(exclusive.steps.map((s) => [s.op, s.oldId, s.id, s.diff?.deleteBeforeReplace])).toEqual([["replace", "doc-v2", "doc-v3", true]]);
    expect(calls()).toEqual(["check doc-v3", "diff doc-v2", "check doc-v3", "delete doc-v2", "create doc-v3"]);
    expect(stateView().map((r) => r["id"])).toEqual(["doc-v3"]);
  });

  test("deletes what the program no longer declares; preview only plans that", async () => {
    await h.up(program(`new f.ManagedFile("r1", { name: "r1", content: "1" });\nnew f.ManagedFile("r2", { name: "r2", content: "2" });`));
    const before = h.state();
    fs.rmSync(path.join(root, "calls.log"));
    const only = program(`new f.ManagedFile("r1", { name: "r1", content: "1" });`);

    const plan = await h.preview(only);
    expect(plan.steps.map((s) => [s.op, s.urn])).toEqual([
      ["same", urn(FILE, "r1")],
      ["delete", urn(FILE, "r2")],
    ]);
    expect(calls()).toEqual(["check r1", "diff r1"]);
    expect(h.state()).toEqual(before);

    fs.rmSync(path.join(root, "calls.log"));
    const applied = await h.up(only);
    expect(applied.steps.map((s) => [s.op, s.urn])).toEqual([
      ["same", urn(FILE, "r1")],
      ["delete", urn(FILE, "r2")],
    ]);
    expect(calls()).toEqual(["check r1", "diff r1", "delete r2"]);
    expect(stateView().map((r) => r["id"])).toEqual(["r1"]);
    expect(fileExists("r2")).toBe(false);
  });

  test("compares inputs itself when the provider has no diff (DIFF_UNKNOWN)", async () => {
    const plain = (content: string) => program(`new f.DifflessFile("dl", { name: "dl", content: "${content}" });`);
    await h.up(plain("a"));
    const same = await h.up(plain("a"));
    expect(same.steps.map((s) => [s.op, s.diff])).toEqual([["same", { changes: "unknown", replaces: [], deleteBeforeReplace: false, keys: [] }]]);
    const changed = await h.up(plain("b"));
    expect(changed.steps.map((s) => [s.op, s.diff])).toEqual([["update", { changes: "unknown", replaces: [], deleteBeforeReplace: false, keys: ["content"] }]]);
    expect([stateView()[0]!["type"], fileText("dl")]).toEqual([DIFFLESS, "b"]);
  });

  test("updates a resource whose provider code changed, when the provider has no diff", async () => {
    const inline = (version: string) =>
      program(`const VERSION = "${version}";
const provider = {
  async create(inputs) { return { id: "inline", outs: { ...inputs, version: VERSION } }; },
  async update(id, olds, news) { return { outs: { ...news, version: VERSION } }; },
};
new pulumi.dynamic.Resource(provider, "inline", { value: "same" }, undefined, "inline", "Thing");`);
    await h.up(inline("v1"));
    const same = await h.up(inline("v1"));
    expect(same.steps.map((s) => [s.op, s.diff?.keys])).toEqual([["same", []]]);
    const changed = await h.up(inline("v2"));
    expect(changed.steps.map((s) => [s.op, s.diff?.keys, withoutProvider(s.outputs)])).toEqual([["update", ["__provider"], { value: "same", version: "v2" }]]);
  });

  test("fails when create throws, keeping what succeeded and nothing of the failed resource", async () => {
    const body = `const kept = new f.ManagedFile("kept", { name: "kept", content: "k" });
new f.BrokenFile("broken", { name: "broken", content: "b" }, { dependsOn: [kept] });`;
    const error = await failure(h.up(program(body)));
    expect(error.message).toBe(`up failed: create failed for ${urn(BROKEN, "broken")}: disk full: cannot create broken`);
    expect(error.steps.map((s) => [s.op, s.urn])).toEqual([["create", urn(FILE, "kept")]]);
    expect(stateView().map((r) => r["urn"])).toEqual([urn(FILE, "kept")]);
    expect(calls()).toEqual(["check kept", "create kept", "check broken", "create broken"]);
    expect(fileExists("broken")).toBe(false);

    const before = h.state();
    await failure(h.up(program(body)));
    expect(h.state()).toEqual(before);
  });

  test("runs no further step after one fails", async () => {
    const body = `new f.BrokenFile("b1", { name: "b1", content: "1" });\nnew f.BrokenFile("b2", { name: "b2", content: "2" });`;
    const error = await failure(h.up(program(body)));
    const [check, create, ...rest] = calls();
    const first = check!.split(" ")[1]!;
    expect([create, rest]).toEqual([`create ${first}`, []]);
    expect(error.message).toBe(`up failed: create failed for ${urn(BROKEN, first)}: disk full: cannot create ${first}`);
  });

  test("fails when create returns an empty id", async () => {
    const error = await failure(h.up(program(`new f.IdlessFile("nameless", { name: "nameless", content: "n" });`)));
    expect(error.message).toBe(`up failed: create failed for ${urn(IDLESS, "nameless")}: plugin returned empty resource.ID from create`);
    expect(h.state()).toEqual({ resources: [] });
  });

  test("sends secrets in plain form and re-annotates the same-named outputs", async () => {
    await h.up(program(`new f.ManagedFile("sec", { name: "sec", content: pulumi.secret("s3cr3t") });`));
    const [created] = journal().filter((c) => c["op"] === "create");
    expect((created!["inputs"] as JsonObject)["content"]).toBe("s3cr3t");
    expect(fileText("sec")).toBe("s3cr3t");
    expect(stateView()).toEqual([
      {
        urn: urn(FILE, "sec"),
        custom: true,
        type: FILE,
        id: "sec",
        inputs: { content: secret("s3cr3t"), name: "sec" },
        outputs: { ...outs("sec", "s3cr3t"), content: secret("s3cr3t") },
      },
    ]);
  });
});

describe("preview", () => {
  const chain = (content: string) =>
    program(`const a = new f.ManagedFile("a", { name: "pa", content: "${content}" });
new f.ManagedFile("b", { name: "pb", content: a.sha256 });`);

  test("plans creates with an unknown input as the unknown sentinel and never calls create", async () => {
    const plan = await h.preview(chain("one"));
    expect(plan.steps.map(view)).toEqual([
      { urn: urn(FILE, "a"), type: FILE, op: "create", id: "", inputs: { content: "one", name: "pa" }, outputs: { content: "one", name: "pa" } },
      { urn: urn(FILE, "b"), type: FILE, op: "create", id: "", inputs: { content: UNKNOWN, name: "pb" }, outputs: { content: UNKNOWN, name: "pb" } },
    ]);
    expect(calls()).toEqual(["check pa", "check pb"]);
    expect(h.state()).toEqual({ resources: [] });
    expect([fileExists("pa"), fileExists("pb")]).toEqual([false, false]);
  });

  test("plans updates without calling update: the dependent input is unknown, not a stale value", async () => {
    await h.up(chain("one"));
    const before = h.state();
    expect(withoutProvider(before.resources[1]!.inputs)).toEqual({ content: sha256("one"), name: "pb" });
    fs.rmSync(path.join(root, "calls.log"));

    const plan = await h.preview(chain("two"));
    expect(plan.steps.map((s) => [s.op, withoutProvider(s.inputs), s.diff?.keys])).toEqual([
      ["update", { content: "two", name: "pa" }, ["content"]],
      ["update", { content: UNKNOWN, name: "pb" }, ["content"]],
    ]);
    expect(calls()).toEqual(["check pa", "diff pa", "check pb", "diff pb"]);
    expect(h.state()).toEqual(before);
    expect(fileText("pa")).toBe("one");
  });
});

describe("refresh and destroy", () => {
  // Each test uses its own file names: files outlive the state reset between tests.
  const pair = (a: string, b: string) =>
    program(`new f.ManagedFile("${a}", { name: "${a}", content: "a" });\nnew f.ManagedFile("${b}", { name: "${b}", content: "b" });`);

  test("refresh records drift, replaces stored inputs with read's, and drops what is gone", async () => {
    await h.up(pair("ra", "rb"));
    const unchanged = await h.refresh();
    expect(unchanged.steps.map((s) => [s.op, s.refresh])).toEqual([
      ["read", "same"],
      ["read", "same"],
    ]);

    fs.writeFileSync(path.join(root, "ra.txt"), "edited");
    fs.rmSync(path.join(root, "rb.txt"));
    const drift = await h.refresh();
    expect(drift.steps.map(view)).toEqual([
      {
        urn: urn(FILE, "ra"),
        type: FILE,
        op: "read",
        id: "ra",
        inputs: { content: "edited", name: "ra" },
        outputs: outs("ra", "edited"),
        oldInputs: { content: "a", name: "ra" },
        oldOutputs: outs("ra", "a"),
        refresh: "update",
      },
      { urn: urn(FILE, "rb"), type: FILE, op: "read", oldInputs: { content: "b", name: "rb" }, oldOutputs: outs("rb", "b"), refresh: "delete" },
    ]);
    expect(stateView()).toEqual([
      { urn: urn(FILE, "ra"), custom: true, type: FILE, id: "ra", inputs: { content: "edited", name: "ra" }, outputs: outs("ra", "edited") },
    ]);

    // The next up diffs against what refresh found: ra goes back, rb is created again.
    const healed = await h.up(pair("ra", "rb"));
    expect(healed.steps.map((s) => [s.op, s.urn])).toEqual([
      ["update", urn(FILE, "ra")],
      ["create", urn(FILE, "rb")],
    ]);
    expect([fileText("ra"), fileText("rb")]).toEqual(["a", "b"]);
  });

  test("destroy deletes every resource, newest first", async () => {
    await h.up(pair("da", "db"));
    fs.rmSync(path.join(root, "calls.log"));
    const destroyed = await h.destroy();
    expect(destroyed.steps.map((s) => [s.op, s.id])).toEqual([
      ["delete", "db"],
      ["delete", "da"],
    ]);
    expect(calls()).toEqual(["delete db", "delete da"]);
    expect(h.state()).toEqual({ resources: [] });
    expect([fileExists("da"), fileExists("db")]).toEqual([false, false]);
  });
});

describe("diagnostics", () => {
  test("collects what the program and the provider print, as the engine shows them", async () => {
    const body = `console.log("program says hi");
const provider = {
  async create(inputs) { console.log("provider creating"); console.error("provider warning"); return { id: "talky", outs: inputs }; },
};
new pulumi.dynamic.Resource(provider, "talky", { value: "v" }, undefined, "talky", "Thing");`;
    const result = await h.up(program(body));
    const ours = result.diagnostics.filter((d) => /program says|provider (creating|warning)/.test(d.text));
    expect(ours.sort((a, b) => a.text.localeCompare(b.text))).toEqual([
      { source: "program", stream: "stdout", text: "program says hi" },
      { source: "host", stream: "stdout", text: "provider creating" },
      { source: "host", stream: "stderr", text: "provider warning" },
    ]);
  });
});

describe("program runner", () => {
  test("records registrations as the SDK serializes them, secrets wrapped", async () => {
    const run = await runProgram({
      dir: h.dir,
      program: program(`new f.ManagedFile("m", { name: "m", content: pulumi.secret("hidden") });`),
      project: "harness",
      stack: "dev",
      preview: true,
    });
    expect(run.registrations.map((r) => ({ ...r, inputs: withoutProvider(r.inputs) }))).toEqual([
      { urn: urn(FILE, "m"), type: FILE, name: "m", custom: true, parent: "", inputs: { content: secret("hidden"), name: "m" }, deleteBeforeReplace: false },
    ]);
    expect(run.registrations[0]!.inputs["__provider"]).toMatch(/^exports\.handler = __f0;/);
  });

  test("gives the program its stack config, secrets as secrets", async () => {
    const run = await runProgram({
      dir: h.dir,
      program: program(`const cfg = new pulumi.Config();
new f.ManagedFile("c", { name: cfg.require("fileName"), content: cfg.requireSecret("token") });`),
      project: "harness",
      stack: "dev",
      preview: false,
      config: { "harness:fileName": "from-config", "harness:token": secret("tok-123") },
    });
    expect(withoutProvider(run.registrations[0]!.inputs)).toEqual({ content: secret("tok-123"), name: "from-config" });
  });

  test("fails when the provider cannot be serialized (an unhandled rejection in the program)", async () => {
    const body = `const max = Math.max.bind(Math);
const provider = { async create() { return { id: String(max(1, 2)) }; } };
new pulumi.dynamic.Resource(provider, "unserializable", {}, undefined, "bad", "Thing");`;
    const error = await runProgram({ dir: h.dir, program: program(body), project: "harness", stack: "dev", preview: false }).catch((e: unknown) => e);
    const lines = (error as Error).message.split("\n");
    expect(lines.slice(0, 2)).toEqual(["program failed:", `unhandledRejection: error serializing property "__provider": Error serializing '() => provider'`]);
    expect(lines.filter((l) => l.startsWith("unhandledRejection:"))).toHaveLength(1);
  });

  test("fails when the program does not finish in time", async () => {
    const error = await runProgram({
      dir: h.dir,
      program: "setInterval(() => {}, 1000);",
      project: "harness",
      stack: "dev",
      preview: false,
      timeoutMs: 1500,
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("program timed out after 1500 ms");
  });
});

describe("stop", () => {
  test("kills the host's whole process group: the sh launcher and the node host", async () => {
    const pid = h.host.pid;
    const running = () => (groupMembers(pid) ?? []).filter((m) => m.state !== "Z").length;
    expect(running()).toBe(2);
    await h.stop();
    expect(groupAlive(pid)).toBe(false);
    expect(running()).toBe(0);
  });
});
