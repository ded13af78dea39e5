"use strict";
// Child process of program.ts: runs one Pulumi program under pulumi.runtime.setMocks and reports
// every RegisterResource request it sends, exactly as serialized by the SDK, over the IPC channel.
// Plain JS because it runs under a bare `node`. Protocol (parent <-> child):
//   child  -> {kind:"register", seq, registration}   parent -> {seq, id, outputs} | {seq, error}
//   child  -> {kind:"outputs", urn, outputs}
//   child  -> {kind:"done", registrations, errors}
const path = require("path");
const { createRequire } = require("module");

const env = process.env;
const preview = env.HARNESS_PREVIEW === "1";
const interactive = env.HARNESS_INTERACTIVE === "1";
// Resolve the SDK from the project (the cwd), then protobuf from the SDK, so the program, the
// mocks and these messages share one copy of each.
const projectRequire = createRequire(path.join(process.cwd(), "package.json"));
const pulumi = projectRequire("@pulumi/pulumi");
const sdkRequire = createRequire(projectRequire.resolve("@pulumi/pulumi/package.json"));
const structproto = sdkRequire("google-protobuf/google/protobuf/struct_pb");
const resproto = sdkRequire("./proto/resource_pb");

const errors = [];
const registrations = [];
const waiters = new Map();
let seq = 0;
let finished = false;

// The SDK rejects once per output that depends on a failed serialization: report each text once.
const report = (text) => {
  if (!errors.includes(text)) errors.push(text);
};
process.on("unhandledRejection", (reason) => report(`unhandledRejection: ${describe(reason)}`));
process.on("uncaughtException", (error) => report(`uncaughtException: ${describe(error)}`));
process.on("message", (reply) => {
  const waiter = waiters.get(reply.seq);
  waiters.delete(reply.seq);
  if (waiters.size === 0) process.channel.unref();
  if (reply.error !== undefined) waiter.reject(new Error(reply.error));
  else waiter.resolve(reply);
});
// The channel only keeps us alive while the parent owes an answer, so `beforeExit` marks the end.
process.channel.unref();
process.on("beforeExit", finish);

function describe(e) {
  return e instanceof Error ? e.message : String(e);
}

function ask(message) {
  return new Promise((resolve, reject) => {
    seq += 1;
    waiters.set(seq, { resolve, reject });
    process.channel.ref();
    process.send({ ...message, seq });
  });
}

// Same URN scheme as the SDK's MockMonitor.newUrn (runtime/mocks.js).
function newUrn(parent, type, name) {
  const qualified = parent ? `${parent.split("::")[2].split("$").pop()}$${type}` : type;
  return `urn:pulumi:${env.HARNESS_STACK}::${env.HARNESS_PROJECT}::${qualified}::${name}`;
}

async function register(req) {
  const registration = {
    urn: newUrn(req.getParent(), req.getType(), req.getName()),
    type: req.getType(),
    name: req.getName(),
    custom: req.getCustom(),
    parent: req.getParent(),
    inputs: req.getObject() ? req.getObject().toJavaScript() : {},
    deleteBeforeReplace: req.getDeletebeforereplace(),
  };
  registrations.push(registration);
  const { id, outputs } = interactive ? await ask({ kind: "register", registration }) : echo(registration);
  const resp = new resproto.RegisterResourceResponse();
  resp.setUrn(registration.urn);
  resp.setId(id);
  resp.setObject(structproto.Struct.fromJavaScript(outputs));
  resp.setResult(resproto.Result.SUCCESS);
  return resp;
}

// Without an engine behind us: inputs come back as outputs; ids are unknown in preview.
function echo(registration) {
  const id = registration.custom && !preview ? `${registration.name}-id` : "";
  return { id, outputs: registration.custom ? registration.inputs : {} };
}

function finish() {
  if (finished) return;
  finished = true;
  process.send({ kind: "done", registrations, errors }, () => process.exit(0));
}

async function main() {
  await pulumi.runtime.setMocks(
    {
      newResource: () => {
        throw new Error("the host harness answers RegisterResource itself");
      },
      call: (args) => {
        throw new Error(`invoke ${args.token} is not supported by the host harness`);
      },
    },
    env.HARNESS_PROJECT,
    env.HARNESS_STACK,
    preview,
  );
  const monitor = pulumi.runtime.getMonitor();
  monitor.registerResource = (req, callback) => {
    register(req).then(
      (resp) => callback(null, resp),
      (e) => callback(e, undefined),
    );
  };
  monitor.registerResourceOutputs = (req, callback) => {
    const outputs = req.getOutputs() ? req.getOutputs().toJavaScript() : {};
    if (interactive) process.send({ kind: "outputs", urn: req.getUrn(), outputs });
    callback(null, {});
  };
  monitor.readResource = (req, callback) => {
    callback(new Error(`reading ${req.getType()} ${req.getId()} is not supported by the host harness`), undefined);
  };
  const exported = require(env.HARNESS_PROGRAM);
  if (typeof exported === "function") await exported();
}

main().catch((e) => report(`program threw: ${e instanceof Error ? e.stack : String(e)}`));
