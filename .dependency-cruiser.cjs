// The import rules of docs/architecture.md, "Layers": folders import their own layer or lower
// ones, never sideways unless a rule allows it, no file-level cycles, nothing outside tests/
// imports tests/, testkit/ never imports scripts/, the backends' rooms keep apart, and the SDK and the CLI never import each other. Checked by `npm run deps`
// (scripts/check-imports.mjs) and by tests/architecture/imports.test.ts.

/** Each layer of provider/, bottom first, as path patterns relative to the repo root. */
const MODEL = "^provider/model/";
const ERRORS = "^provider/errors[.]ts$";
const PROFILES = "^provider/profiles/";
const FORMATS = "^provider/formats/";
const EVALUATE = "^provider/evaluate/";
const BROWSER = "^provider/browser/";
const TARGETS = "^provider/targets/";
const VALIDATE = "^provider/validate/";
const API = "^provider/api/";
const BACKENDS = "^provider/backends/";
const OPERATIONS = "^provider/operations/";
const LIFECYCLE = ["^provider/lifecycle/", "^provider/provider[.]ts$", "^provider/index[.]ts$"];
const SHIPPED = "^(provider|sdk|cli|plugin)/";

/** A rule: files matching `from` may import nothing shipped outside `allowed`. */
function onlyImports(name, comment, from, allowed) {
  return { name, comment, severity: "error", from: { path: from }, to: { path: SHIPPED, pathNot: allowed } };
}

const layerZero = [MODEL];
const layerOne = [...layerZero, ERRORS, PROFILES];
const layerTwo = [...layerOne, FORMATS, EVALUATE, BROWSER, TARGETS, VALIDATE];
const layerThree = [...layerTwo, API, BACKENDS];
const layerFour = [...layerThree, OPERATIONS];
const layerFive = [...layerFour, ...LIFECYCLE];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: "no-cycle", comment: "No cycles between files, type-only imports included.", severity: "error", from: {}, to: { circular: true } },
    {
      name: "only-tests-import-tests",
      comment: "Shared test servers and drivers live in testkit/; nothing outside tests/ imports tests/.",
      severity: "error",
      from: { pathNot: "^tests/" },
      to: { path: "^tests/" },
    },
    {
      name: "testkit-not-scripts",
      comment:
        "testkit/ is the bottom of the dev folders: scripts/ (the demo, the servers) and tests/ import it, never the reverse; a launcher scripts/ needs and testkit/ shares lives in testkit/.",
      severity: "error",
      from: { path: "^testkit/" },
      to: { path: "^scripts/" },
    },
    {
      name: "shipped-imports-shipped",
      comment: "provider/, sdk/, cli/ and plugin/ ship; they import nothing from the dev folders.",
      severity: "error",
      from: { path: SHIPPED },
      to: { path: "^(tests|testkit|bench|scripts|examples)/" },
    },
    {
      name: "unlayered-provider-file",
      comment: "Every file of provider/ belongs to a layer of this config; add a new folder to its layer here.",
      severity: "error",
      from: {},
      to: { path: "^provider/", pathNot: layerFive },
    },
    onlyImports("model-imports-nothing", "Layer 0: the model imports nothing in the package.", MODEL, layerZero),
    onlyImports("errors-import-model", "Layer 1: the error family may import model types.", ERRORS, [MODEL, ERRORS]),
    onlyImports("profiles-import-model-errors", "Layer 1: the vendor table may import the model and the errors.", PROFILES, layerOne),
    onlyImports("formats-import-layers-0-1", "Layer 2: formats imports layers 0-1 and itself.", FORMATS, [...layerOne, FORMATS]),
    onlyImports("evaluate-import-layers-0-1", "Layer 2: evaluate imports layers 0-1 and itself (not formats).", EVALUATE, [...layerOne, EVALUATE]),
    onlyImports("browser-imports-layers-0-1-evaluate", "Layer 2: the browser's verdict imports layers 0-1 and evaluate, which it builds on.", BROWSER, [
      ...layerOne,
      EVALUATE,
      BROWSER,
    ]),
    onlyImports("targets-import-layers-0-1", "Layer 2: targets imports layers 0-1 and itself.", TARGETS, [...layerOne, TARGETS]),
    onlyImports("validate-import-layers-0-1-formats-evaluate", "Layer 2: validate imports layers 0-1, formats (S3 XML size) and evaluate.", VALIDATE, [
      ...layerOne,
      VALIDATE,
      FORMATS,
      EVALUATE,
    ]),
    onlyImports("api-imports-layers-0-2", "Layer 3: the public functions import layers 0-2 and themselves.", API, [...layerTwo, API]),
    onlyImports("backends-import-layers-0-2", "Layer 3: the backends import layers 0-2 and themselves.", BACKENDS, [...layerTwo, BACKENDS]),
    {
      name: "backends-rooms-apart",
      comment:
        "Inside backends/, the rooms s3/, swift/ and http/ import their own files and the shared ones at the top; s3/ and swift/ also import http/ (the one HTTP client), and http/ imports neither.",
      severity: "error",
      from: { path: "^provider/backends/(s3|swift|http)/" },
      to: { path: "^provider/backends/(s3|swift|http)/", pathNot: ["^provider/backends/$1/", "^provider/backends/http/"] },
    },
    {
      name: "backends-rooms-on-top",
      comment:
        "The shared files at the top of backends/ sit below the S3 and Swift rooms: only for-target.ts, which picks a backend by the profile, and locate.ts, which asks a Swift login where a container is, reach into s3/ or swift/.",
      severity: "error",
      from: { path: "^provider/backends/[^/]+$", pathNot: "^provider/backends/(for-target|locate)[.]ts$" },
      to: { path: "^provider/backends/(s3|swift)/" },
    },
    onlyImports("operations-import-layers-0-3", "Layer 4: the operations import layers 0-3 and themselves.", OPERATIONS, layerFour),
    onlyImports("lifecycle-imports-provider", "Layer 5: the dynamic provider imports provider/ only.", LIFECYCLE, layerFive),
    { name: "sdk-not-cli", comment: "Layer 6: the SDK never imports the CLI.", severity: "error", from: { path: "^sdk/" }, to: { path: "^cli/" } },
    { name: "cli-not-sdk", comment: "Layer 6: the CLI never imports the SDK.", severity: "error", from: { path: "^cli/" }, to: { path: "^sdk/" } },
    {
      name: "cli-commands-on-top",
      comment:
        "Inside the CLI, the commands are the top: its rooms (flags/, documents/, output/, browser/) and its top-level files serve them, and only cli/program.ts imports cli/commands/ (cli/doctor/ is the doctor command's).",
      severity: "error",
      from: { path: "^cli/", pathNot: "^cli/(program[.]ts$|commands/|doctor/)" },
      to: { path: "^cli/(commands|doctor)/" },
    },
    {
      name: "plugin-alone",
      comment: "Layer 6: the provider plugin imports provider/ only; the SDK and the CLI never import it.",
      severity: "error",
      from: { path: "^(plugin|sdk|cli)/" },
      to: { path: "^(plugin|sdk|cli)/", pathNot: "^$1/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|dist|[.]tmp)/" },
    // Type-only imports count: a layer that needs a higher layer's types depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    moduleSystems: ["cjs", "es6"],
  },
};
