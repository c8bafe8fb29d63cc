//go:build officialsdk

package kubenative_test

import (
	"flag"
	"testing"

	autoscalingv2 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/autoscaling/v2"
	rbacv1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/rbac/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingtest"
)

// This file links the official packages, so it builds only with -tags officialsdk: it proves
// the golden file the default tests compare the bindings against.

var update = flag.Bool("update", false, "rewrite "+goldenFile+" from the official packages")

// The golden file is what the official packages register: the program's requests and the
// outputs it reads back, and the nil-args requests.
func TestGoldenIsWhatTheOfficialSDKRegisters(t *testing.T) {
	bindingtest.CheckGolden(t, goldenFile, *update, run, officialProgram, officialNilArgs, printed)
}

// The official constructors refuse exactly the calls requiredCases refuses, with its messages.
func TestOfficialRefusesWhatTheBindingsRefuse(t *testing.T) {
	bindingtest.Refuses(t, run, requiredCases, officialRequired)
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
