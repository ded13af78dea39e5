/**
 * The `pulumi new typescript` template's files, as the template repository has them
 * (https://github.com/pulumi/templates, folder `typescript/`). The engine projects and the
 * consumer-compile test use them unchanged.
 */

/** tsconfig.json as of pulumi/templates a3029400 (2024-04, "Update TypeScript templates to include TypeScript 5 and target ES2020"). */
export const TEMPLATE_TSCONFIG_COMMONJS = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ["index.ts"],
};

/** tsconfig.json as of pulumi/templates 81e65225 (2026-03, "Use moduleResolution: nodenext"). */
export const TEMPLATE_TSCONFIG_NODENEXT = {
  ...TEMPLATE_TSCONFIG_COMMONJS,
  compilerOptions: { ...TEMPLATE_TSCONFIG_COMMONJS.compilerOptions, module: "nodenext", moduleResolution: "nodenext" },
};

/** The template's development dependencies (package.json at 81e65225). */
export const TEMPLATE_DEV_DEPENDENCIES = { "@types/node": "^18", typescript: "^5.0.0" };

/** The template's `.gitignore`. */
export const TEMPLATE_GITIGNORE = "/bin/\n/node_modules/\n";
