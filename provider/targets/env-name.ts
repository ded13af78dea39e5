/**
 * How a variable named in `credentials` (or a `--…-env` flag) may appear in a message when it
 * is not set: by name only when it is written as environment variables conventionally are,
 * upper-case letters, digits and `_` (POSIX, Base Definitions, section 8.1: "names … used by the
 * utilities … consist solely of uppercase letters, digits, and the <underscore>"). Any other
 * name may be the secret itself pasted in by mistake (a 40-character AWS secret or a random RGW
 * key is letters and digits, so it passes as a name): it is not shown.
 */
export function unsetVariable(name: string): { readonly named: string; readonly exportHint: string } {
  if (/^[A-Z_][A-Z0-9_]*$/.test(name)) return { named: `names ${JSON.stringify(name)}, which`, exportHint: `export ${name}` };
  return {
    named: "names a variable (not shown: a name in lower or mixed case may be the secret itself) that",
    exportHint: "export that variable (or give the name of the variable that holds the value)",
  };
}
