// Command bucket-cors-codegen generates a language SDK of the bucket-cors package from its schema
// with Pulumi's own code generators (github.com/pulumi/pulumi/pkg/v3/codegen, the version the
// CLI is built at), since `pulumi package gen-sdk` hands generation to language hosts that are
// not built here (docs/plugin.md, "SDKs"). `npm run codegen` runs it for every committed SDK.
//
// Usage: bucket-cors-codegen --language go|nodejs|python|dotnet --schema <file|-> --out <dir>
//
// The output directory is replaced: everything in it is generated.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"sort"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	nodejsgen "github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	pythongen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"golang.org/x/mod/modfile"
)

// tool is the name the generators write into the "do not edit" header of every file.
const tool = "bucket-cors-codegen (scripts/codegen)"

// goModulePath is the Go SDK's module: Pulumi's default for a package with no repository
// (codegen/go ExtractModulePath, "example.com/pulumi-<name>/sdk/go"), since the project
// publishes no Go module; programs point it at a checkout with a go.mod `replace`.
const goModulePath = "example.com/pulumi-bucket-cors/sdk/go"

// generator generates one language's SDK files (path → content) from the bound package.
type generator func(pkg *schema.Package) (map[string][]byte, error)

// languages: a language is a flag; one with no generator here says why.
var languages = map[string]generator{
	"go": func(pkg *schema.Package) (map[string][]byte, error) {
		return gogen.GeneratePackage(tool, pkg, nil)
	},
	"nodejs": func(pkg *schema.Package) (map[string][]byte, error) {
		return nodejsgen.GeneratePackage(tool, pkg, nil, nil, false, noReferences{})
	},
	"python": func(pkg *schema.Package) (map[string][]byte, error) {
		return pythongen.GeneratePackage(tool, pkg, nil, noReferences{})
	},
	"dotnet": func(*schema.Package) (map[string][]byte, error) {
		// pkg/v3 v3.248.0 has no codegen/dotnet: the .NET generator moved to
		// github.com/pulumi/pulumi-dotnet (pulumi-language-dotnet), a language host.
		return nil, errors.New("the .NET generator is not in github.com/pulumi/pulumi/pkg/v3 v3.248.0 " +
			"(it moved to github.com/pulumi/pulumi-dotnet); add it to scripts/codegen/go.mod and this table to generate .NET")
	},
}

// languageInfo is the per-language section of the schema each generator reads. It lives here,
// not in plugin/schema.ts, because it says where an SDK is published, not what the package is.
var languageInfo = map[string]any{
	"go": map[string]any{
		"importBasePath": goModulePath + "/bucketcors",
		"modulePath":     goModulePath,
		// The SDK registers resources with the schema's version, so the engine loads that plugin.
		"respectSchemaVersion": true,
	},
	"nodejs": map[string]any{"respectSchemaVersion": true},
	"python": map[string]any{"respectSchemaVersion": true},
}

func main() {
	language := flag.String("language", "", "go, nodejs, python or dotnet")
	schemaPath := flag.String("schema", "", "the package schema (JSON; - for stdin), as `pulumi package get-schema` prints it")
	out := flag.String("out", "", "the SDK directory to (re)write")
	flag.Parse()
	if err := run(*language, *schemaPath, *out); err != nil {
		fmt.Fprintf(os.Stderr, "bucket-cors-codegen: %v\n", err)
		os.Exit(1)
	}
}

func run(language, schemaPath, out string) error {
	generate, ok := languages[language]
	if !ok {
		return fmt.Errorf("--language %q is not one of %s", language, languageNames())
	}
	if schemaPath == "" || out == "" {
		return errors.New("--schema and --out are required (usage: bucket-cors-codegen --language go --schema schema.json --out sdk/go)")
	}
	pkg, err := bind(schemaPath, language)
	if err != nil {
		return err
	}
	files, err := generate(pkg)
	if err != nil {
		return fmt.Errorf("generating the %s SDK: %w", language, err)
	}
	if err := write(out, files); err != nil {
		return err
	}
	if language == "go" {
		return finishGoModule(out)
	}
	return nil
}

// finishGoModule makes the Go SDK build on its own: the generator's go.mod requires
// github.com/pulumi/pulumi/sdk/v3 v3.30.0 (its floor for any SDK) and writes no go.sum, so the
// requirement is raised to the sdk/v3 this generator is built with (the CLI's version) and
// `go mod tidy` writes go.sum from the module cache.
func finishGoModule(out string) error {
	sdkVersion, err := builtWith(pulumiSDKModule)
	if err != nil {
		return err
	}
	modPath := filepath.Join(out, "go.mod")
	text, err := os.ReadFile(modPath)
	if err != nil {
		return err
	}
	mod, err := modfile.Parse(modPath, text, nil)
	if err != nil {
		return fmt.Errorf("the generated go.mod: %w", err)
	}
	if err := mod.AddRequire(pulumiSDKModule, sdkVersion); err != nil {
		return err
	}
	if text, err = mod.Format(); err != nil {
		return err
	}
	if err := os.WriteFile(modPath, text, 0o644); err != nil {
		return err
	}
	tidy := exec.Command("go", "mod", "tidy")
	tidy.Dir = out
	// -mod=mod: a go.work or vendor directory around the checkout is ignored.
	tidy.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if output, err := tidy.CombinedOutput(); err != nil {
		return fmt.Errorf("go mod tidy in %s: %w\n%s", out, err, output)
	}
	return nil
}

const pulumiSDKModule = "github.com/pulumi/pulumi/sdk/v3"

// builtWith is the version of a module this binary was built with (go.mod pins it).
func builtWith(module string) (string, error) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "", errors.New("no build information in this binary (build it with go build)")
	}
	for _, dep := range info.Deps {
		if dep.Path == module {
			if dep.Replace != nil {
				return dep.Replace.Version, nil
			}
			return dep.Version, nil
		}
	}
	return "", fmt.Errorf("this binary was not built with %s", module)
}

// bind reads and validates the schema, with this language's section added.
func bind(schemaPath, language string) (*schema.Package, error) {
	var text []byte
	var err error
	if schemaPath == "-" {
		text, err = io.ReadAll(os.Stdin)
	} else {
		text, err = os.ReadFile(schemaPath)
	}
	if err != nil {
		return nil, fmt.Errorf("reading the schema: %w", err)
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(text, &spec); err != nil {
		return nil, fmt.Errorf("the schema %s is not JSON: %w", schemaPath, err)
	}
	// supportPack: the generators write the package metadata (go.mod, package.json, the
	// pulumi-plugin.json that names the plugin and its version) into the SDK.
	spec.Meta = &schema.MetadataSpec{SupportPack: true}
	if info, ok := languageInfo[language]; ok {
		raw, err := json.Marshal(info)
		if err != nil {
			return nil, err
		}
		spec.Language = map[string]schema.RawMessage{language: raw}
	}
	pkg, diags, err := schema.BindSpec(spec, noReferences{}, schema.ValidationOptions{})
	if err != nil {
		return nil, fmt.Errorf("binding the schema: %w", err)
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("the schema is not valid: %s", diags.Error())
	}
	return pkg, nil
}

// write replaces out with the generated files.
func write(out string, files map[string][]byte) error {
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	for name, content := range files {
		target := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, content, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func languageNames() []string {
	names := make([]string, 0, len(languages))
	for name := range languages {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// noReferences is the schema loader: the package references no other package, so any lookup is an error.
type noReferences struct{}

func (noReferences) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema references package %q; bucket-cors-codegen loads no other package", name)
}

func (noReferences) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return noReferences{}.LoadPackage(d.Name, nil)
}

func (noReferences) LoadPackageReference(name string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, fmt.Errorf("the schema references package %q; bucket-cors-codegen loads no other package", name)
}

func (noReferences) LoadPackageReferenceV2(_ context.Context, d *schema.PackageDescriptor) (schema.PackageReference, error) {
	return noReferences{}.LoadPackageReference(d.Name, nil)
}
