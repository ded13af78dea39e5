// Command go-program is a Pulumi Go program over the generated Go SDK (sdk/go), run as an
// Automation API inline program: this process serves the program to the engine itself, so no
// Go language host is needed (github.com/pulumi/pulumi/sdk/v3/go/auto, "inline programs").
// tests/engine/go-program.test.ts builds it with scripts/go-build.sh and runs it against s3rver.
//
// Usage: go-program --op up|preview|destroy --dir <work dir> --endpoint <url> --bucket <name> --origin <url>
//
// The environment names the rest, as it would for the pulumi CLI: PATH holds pulumi,
// PULUMI_HOME holds the bucket-cors plugin (pulumi plugin install), PULUMI_BACKEND_URL the
// state, PULUMI_CONFIG_PASSPHRASE its secrets provider, BUCKET_CORS_SECRET_ACCESS_KEY the
// secret set as the provider's bucket-cors:secretAccessKey. It prints one JSON line: the
// operation's change summary and the stack's outputs.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"example.com/pulumi-bucket-cors/sdk/go/bucketcors"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The program: one CorsPolicy on an S3-compatible bucket, its methods in mixed case (the
// provider normalizes them), and two of its outputs exported.
func program(endpoint, bucket, origin string) pulumi.RunFunc {
	return func(ctx *pulumi.Context) error {
		policy, err := bucketcors.NewCorsPolicy(ctx, "web", &bucketcors.CorsPolicyArgs{
			Target: &bucketcors.TargetArgs{
				Profile:  bucketcors.TargetProfileS3,
				Endpoint: pulumi.String(endpoint),
				Bucket:   pulumi.String(bucket),
			},
			Rules: bucketcors.CorsRuleArray{
				&bucketcors.CorsRuleArgs{
					AllowedOrigins: pulumi.StringArray{pulumi.String(origin)},
					AllowedMethods: pulumi.StringArray{pulumi.String("get"), pulumi.String("PUT")},
					MaxAgeSeconds:  pulumi.Float64(600),
				},
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("resourceId", policy.ResourceId)
		ctx.Export("fingerprint", policy.Fingerprint)
		return nil
	}
}

// result is the line printed for the test.
type result struct {
	Changes map[string]int `json:"changes"`
	Outputs map[string]any `json:"outputs"`
}

func main() {
	op := flag.String("op", "", "up, preview or destroy")
	dir := flag.String("dir", "", "the work directory (project settings are written there)")
	endpoint := flag.String("endpoint", "", "the S3 endpoint URL")
	bucket := flag.String("bucket", "", "the bucket")
	origin := flag.String("origin", "", "the allowed origin")
	flag.Parse()
	if err := run(context.Background(), *op, *dir, program(*endpoint, *bucket, *origin)); err != nil {
		fmt.Fprintf(os.Stderr, "go-program: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, op, dir string, prog pulumi.RunFunc) error {
	stack, err := auto.UpsertStackInlineSource(ctx, "dev", "cors-go", prog, auto.WorkDir(dir))
	if err != nil {
		return err
	}
	if err := stack.SetConfig(ctx, "bucket-cors:accessKeyId", auto.ConfigValue{Value: "S3RVER"}); err != nil {
		return err
	}
	secret := auto.ConfigValue{Value: os.Getenv("BUCKET_CORS_SECRET_ACCESS_KEY"), Secret: true}
	if err := stack.SetConfig(ctx, "bucket-cors:secretAccessKey", secret); err != nil {
		return err
	}
	out := result{}
	switch op {
	case "up":
		res, err := stack.Up(ctx, optup.ProgressStreams(os.Stderr))
		if err != nil {
			return err
		}
		out.Changes = deref(res.Summary.ResourceChanges)
	case "preview":
		res, err := stack.Preview(ctx, optpreview.ProgressStreams(os.Stderr))
		if err != nil {
			return err
		}
		out.Changes = map[string]int{}
		for kind, n := range res.ChangeSummary {
			out.Changes[string(kind)] = n
		}
	case "destroy":
		res, err := stack.Destroy(ctx, optdestroy.ProgressStreams(os.Stderr))
		if err != nil {
			return err
		}
		out.Changes = deref(res.Summary.ResourceChanges)
	default:
		return fmt.Errorf("--op %q is not up, preview or destroy", op)
	}
	outputs, err := stack.Outputs(ctx)
	if err != nil {
		return err
	}
	out.Outputs = map[string]any{}
	for key, value := range outputs {
		out.Outputs[key] = value.Value
	}
	return json.NewEncoder(os.Stdout).Encode(out)
}

func deref(changes *map[string]int) map[string]int {
	if changes == nil {
		return map[string]int{}
	}
	return *changes
}
