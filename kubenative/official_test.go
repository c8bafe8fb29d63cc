//go:build officialsdk

package kubenative_test

import (
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"testing"

	autoscalingv2 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/autoscaling/v2"
	rbacv1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/rbac/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/encoding/protojson"
)

// This file links the official packages, so it builds only with -tags officialsdk: it proves
// the golden file the default tests compare the bindings against.

var update = flag.Bool("update", false, "rewrite "+goldenFile+" from the official packages")

// The golden file is what the official packages register: the program's requests and the
// outputs it reads back, and the nil-args requests.
func TestGoldenIsWhatTheOfficialSDKRegisters(t *testing.T) {
	program, outputs := registrations(t, officialProgram)
	nilArgs, err := run(t, officialNilArgs)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		writeGolden(t, golden{Program: encodeRequests(t, program), Outputs: printed(outputs), NilArgs: encodeRequests(t, nilArgs.reqs)})
	}
	g := loadGolden(t)
	compareRequests(t, decodeRequests(t, g.Program), program)
	compareRequests(t, decodeRequests(t, g.NilArgs), nilArgs.reqs)
	if got := printed(outputs); !reflect.DeepEqual(got, g.Outputs) {
		t.Errorf("outputs read back:\n golden %v\nofficial %v", g.Outputs, got)
	}
}

// The official constructors refuse exactly the calls requiredCases refuses, with its messages.
func TestOfficialRefusesWhatTheBindingsRefuse(t *testing.T) {
	errs := map[string]error{}
	rec, err := run(t, func(ctx *pulumi.Context) error {
		for name, fn := range officialRequired {
			errs[name] = fn(ctx)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(officialRequired) != len(requiredCases) {
		t.Errorf("%d official cases for %d binding cases", len(officialRequired), len(requiredCases))
	}
	for name, c := range requiredCases {
		if err := errs[name]; err == nil || err.Error() != c.want {
			t.Errorf("official %s: error %v, want %q", name, err, c.want)
		}
	}
	if n := len(rec.reqs); n != 0 {
		t.Errorf("%d resources registered despite invalid arguments", n)
	}
}

var officialRequired = map[string]newFn{
	"hpa nil": func(ctx *pulumi.Context) error {
		_, err := autoscalingv2.NewHorizontalPodAutoscaler(ctx, "a", nil)
		return err
	},
	"hpa no spec": func(ctx *pulumi.Context) error {
		_, err := autoscalingv2.NewHorizontalPodAutoscaler(ctx, "b", &autoscalingv2.HorizontalPodAutoscalerArgs{})
		return err
	},
	"binding nil": func(ctx *pulumi.Context) error {
		_, err := rbacv1.NewClusterRoleBinding(ctx, "c", nil)
		return err
	},
	"binding no roleRef": func(ctx *pulumi.Context) error {
		_, err := rbacv1.NewClusterRoleBinding(ctx, "d", &rbacv1.ClusterRoleBindingArgs{Subjects: rbacv1.SubjectArray{}})
		return err
	},
}

func encodeRequests(t *testing.T, reqs map[string]*pulumirpc.RegisterResourceRequest) map[string]json.RawMessage {
	t.Helper()
	out := map[string]json.RawMessage{}
	for name, req := range reqs {
		raw, err := protojson.Marshal(req)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = raw
	}
	return out
}

// writeGolden writes g indented, keys sorted (encoding/json re-formats protojson's output,
// whose spacing is deliberately unstable).
func writeGolden(t *testing.T, g golden) {
	t.Helper()
	raw, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(goldenFile, append(raw, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}
