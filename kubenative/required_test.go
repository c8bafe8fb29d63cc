package kubenative_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingtest"
	"github.com/example/mlplatform/kubenative"
)

type newFn = func(ctx *pulumi.Context) error

// requiredCase is one invalid call through a binding, and the generated constructor's error
// for it (officialRequired, official_test.go, makes the same call through the official package).
type requiredCase bindingtest.RequiredCase

const missing = "missing one or more required arguments"

// requiredCases: nil args, then the required argument missing. The valid side of each is
// bindingProgram; the kinds without a required argument take nil args (bindingNilArgs).
var requiredCases = map[string]requiredCase{
	"hpa nil": {func(ctx *pulumi.Context) error {
		_, err := kubenative.NewHorizontalPodAutoscaler(ctx, "a", nil)
		return err
	}, missing},
	"hpa no spec": {func(ctx *pulumi.Context) error {
		_, err := kubenative.NewHorizontalPodAutoscaler(ctx, "b", &kubenative.HorizontalPodAutoscalerArgs{})
		return err
	}, "invalid value for required argument 'Spec'"},
	"binding nil": {func(ctx *pulumi.Context) error {
		_, err := kubenative.NewClusterRoleBinding(ctx, "c", nil)
		return err
	}, missing},
	"binding no roleRef": {func(ctx *pulumi.Context) error {
		_, err := kubenative.NewClusterRoleBinding(ctx, "d", &kubenative.ClusterRoleBindingArgs{Subjects: kubenative.SubjectArray{}})
		return err
	}, "invalid value for required argument 'RoleRef'"},
}

// Each constructor refuses what the generated one refuses, with the generated message, and
// registers nothing.
func TestMissingRequiredArgumentsAreErrors(t *testing.T) {
	bindingtest.Refuses(t, run, requiredCases, nil)
}

// Where the generated constructor takes nil args (no required argument), so does the binding,
// and it registers what the official one does.
func TestNilArgsWhereTheOfficialTakesThem(t *testing.T) {
	rec, err := run(bindingNilArgs)
	if err != nil {
		t.Fatal(err)
	}
	bindingtest.CompareRequests(t, rec.Reqs, decodeRequests(t, loadGolden(t).NilArgs))
}

// The golden file is only as good as the sameness of the two programs: below their imports,
// official_programs_test.go must be programs_test.go with the binding prefix renamed.
func TestProgramsAreTheSameText(t *testing.T) {
	body := func(file string) string {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		_, after, ok := strings.Cut(string(raw), "\n)\n")
		if !ok {
			t.Fatalf("%s: no import block", file)
		}
		return after
	}
	bound := regexp.MustCompile(`\bbinding([A-Z])`).ReplaceAllString(body("programs_test.go"), "official$1")
	if official := body("official_programs_test.go"); bound != official || !strings.Contains(official, "func officialProgram(") {
		t.Errorf("official_programs_test.go is not programs_test.go through the official packages")
	}
}
