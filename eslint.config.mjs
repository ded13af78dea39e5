// ESLint (flat config): eslint's recommended rules and typescript-eslint's strict-type-checked set,
// minus the rules listed at the end that the code does not follow on purpose or that would need a
// rewrite out of proportion to what they catch. Run by `npm run lint`.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["node_modules/", "dist/", ".tmp/", "coverage/", "examples/*/node_modules/", "examples/*/bin/"] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // Plain JavaScript: config files, the child processes the harnesses spawn, the import check.
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The examples are projects of their own whose tsconfig does not map "pulumi-bucket-cors" to
    // sdk/; the root tsconfig does, so they are checked against the package's real types.
    files: ["examples/**/*.ts"],
    languageOptions: { parserOptions: { projectService: false, project: ["./tsconfig.json"] } },
  },
  {
    files: ["**/*.ts"],
    rules: {
      // `${n}` with numbers and booleans is how messages are built throughout.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true, allowBoolean: true }],
      // An unused `_` binding drops a property from a rest copy (`const { __provider: _, ...rest }`).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      // Off: `x!` after a check the compiler cannot follow (noUncheckedIndexedAccess indexing) is
      // the house idiom, about 130 places.
      "@typescript-eslint/no-non-null-assertion": "off",
      // Off: `() => void send()` and `(x) => list.push(x)` shorthands, about 40 places.
      "@typescript-eslint/no-confusing-void-expression": "off",
      // Off: async functions without await implement Promise-returning interfaces (providers, backends).
      "@typescript-eslint/require-await": "off",
      // Off: the serialized provider and the CLI require modules lazily on purpose (what Pulumi
      // serializes, and startup time; docs/architecture.md, "The serialized provider").
      "@typescript-eslint/no-require-imports": "off",
      // Off: the control characters in the origin, ID and name checks' patterns are what they look for.
      "no-control-regex": "off",
      // zod's namespace import lets esbuild leave out what the code never calls (the 40-odd locales
      // among them): `import { z }` keeps the whole `z` object, 460 KB of the CLI bundle's 1.5 MB.
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
          message: 'import * as z from "zod" (the bundles keep only what is used)',
        },
      ],
    },
  },
  {
    // The serialized provider requires the package by name at run time, so each call is on `any`;
    // the object's type is ResourceProvider's, and a cast in the body would only add noise there
    // (docs/architecture.md, "The serialized provider").
    files: ["provider/provider.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // Tests assert on runtime values the types already promise, pass jest's `any` matchers
    // (`expect.any(String)`) as values, hand methods to `expect`, and edit headers of test doubles.
    files: ["tests/**/*.ts", "testkit/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unnecessary-condition": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/unbound-method": "off",
      "@typescript-eslint/no-dynamic-delete": "off",
      // Off: tests read parsed JSON (CLI output, package.json files, fuzzed decoder results) field by field.
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
    },
  },
);
