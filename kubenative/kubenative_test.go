package kubenative_test

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/example/mlplatform/internal/bindingtest"
	"github.com/example/mlplatform/kubenative"
)

// run runs fn under a fresh recorder, which returns the inputs as the outputs, as the API
// server echoes an applied object (ids name+"-id", no invokes).
func run(fn pulumi.RunFunc) (*bindingtest.Recorder, error) {
	return bindingtest.RunRecorded("kubenative", &bindingtest.Recorder{}, fn)
}

// labels are the programs' labels (programs_test.go, official_programs_test.go).
var labels = pulumi.StringMap{"app": pulumi.String("a")}

// registrations runs p and returns its requests by resource name and its outputs, resolved.
func registrations(t *testing.T, p bindingtest.Program) (map[string]*pulumirpc.RegisterResourceRequest, map[string]interface{}) {
	t.Helper()
	rec, outs := bindingtest.Registrations(t, run, p)
	return rec.Reqs, outs
}

// goldenFile holds what the official v4.32.0 packages register for officialProgram and for
// nil args. The default tests compare the bindings against it without linking the official
// packages (compiling them is what the bindings save); the officialsdk-tagged test
// (official_test.go) proves it against the official packages and rewrites it with -update:
//
//	go test -tags officialsdk ./kubenative/ [-update]
const goldenFile = "testdata/official.json"

type golden = bindingtest.Golden

func loadGolden(t *testing.T) golden {
	t.Helper()
	return bindingtest.LoadGolden(t, goldenFile)
}

func decodeRequests(t *testing.T, raw map[string]json.RawMessage) map[string]*pulumirpc.RegisterResourceRequest {
	t.Helper()
	return bindingtest.DecodeRequests(t, goldenFile, raw)
}

// printed is outputs as the golden file holds them.
var printed = bindingtest.Printed

// Every binding, chained as the platform chains them, sends exactly the request the official
// v4.32.0 constructor sends for the same inputs (token, wire inputs and their secrecy,
// dependencies, plugin version, secret outputs, aliases and every other option), and reads
// back the same outputs.
func TestBindingsRegisterWhatTheOfficialSDKRegisters(t *testing.T) {
	bindingtest.CheckBindings(t, goldenFile, run, bindingProgram, printed, kubenative.Tokens())
}

// The same facts stated without the official SDK, so a change to both cannot hide them: the
// plugin pin, apiVersion and kind on the wire, the alias types, and the Secret's secrecy.
func TestBindingsPinThePluginSetTheKindAndKeepTheSecretSecret(t *testing.T) {
	bound, _ := registrations(t, bindingProgram)
	kinds := map[string]string{"ns": "v1/Namespace", "patch": "v1/ServiceAccount", "deploy": "apps/v1/Deployment",
		"hpa": "autoscaling/v2/HorizontalPodAutoscaler", "binding": "rbac.authorization.k8s.io/v1/ClusterRoleBinding"}
	for name, req := range bound {
		if req.GetVersion() != "4.32.0" || req.GetPluginDownloadURL() != "" {
			t.Errorf("%s: version %q, download URL %q", name, req.GetVersion(), req.GetPluginDownloadURL())
		}
		var aliases []string
		for _, a := range req.GetAliases() {
			aliases = append(aliases, a.GetSpec().GetType())
		}
		if want := kubenative.AliasTypes(req.GetType()); strings.Join(aliases, ",") != strings.Join(want, ",") {
			t.Errorf("%s: aliases %v, want %v", name, aliases, want)
		}
		f := req.GetObject().GetFields()
		if want, ok := kinds[name]; ok && f["apiVersion"].GetStringValue()+"/"+f["kind"].GetStringValue() != want {
			t.Errorf("%s: apiVersion/kind %s/%s, want %s", name, f["apiVersion"].GetStringValue(), f["kind"].GetStringValue(), want)
		}
	}
	if got := bound["deploy"].GetAliases(); len(got) != 3 {
		t.Errorf("Deployment aliases = %v, want the 3 older API versions", got)
	}
	secret := bound["secret"]
	data := secret.GetObject().GetFields()["stringData"].GetStructValue().GetFields()
	if data["4dabf18193072939515e22adb298388d"].GetStringValue() != "1b47061264138c4ac30d75fd1eb44270" {
		t.Errorf("Secret stringData on the wire = %v, want a secret", data)
	}
	if got := strings.Join(secret.GetAdditionalSecretOutputs(), ","); got != "data,stringData" {
		t.Errorf("Secret secret outputs = %s", got)
	}
	if got := bound["svc"].GetAdditionalSecretOutputs(); len(got) != 0 {
		t.Errorf("Service secret outputs = %v, want none", got)
	}
}

// PluginVersion is the pulumi-kubernetes SDK version go.mod requires: the pin must name the
// plugin whose schema the bindings were copied from.
func TestPluginVersionIsGoMods(t *testing.T) {
	raw, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*github\.com/pulumi/pulumi-kubernetes/sdk/v4 v(\S+)$`).FindSubmatch(raw)
	if m == nil {
		t.Fatal("go.mod requires no github.com/pulumi/pulumi-kubernetes/sdk/v4")
	}
	if string(m[1]) != kubenative.PluginVersion {
		t.Errorf("PluginVersion = %s, go.mod's pulumi-kubernetes = %s", kubenative.PluginVersion, m[1])
	}
}

// officialPackage is the official package a token's constructor lives in: the API group's
// first label and the version (rbac.authorization.k8s.io/v1 -> rbac/v1, v1 -> core/v1).
func officialPackage(token string) string {
	gv := strings.Split(token, ":")[1]
	group, version, ok := strings.Cut(gv, "/")
	if !ok {
		return "core/" + gv
	}
	return strings.Split(group, ".")[0] + "/" + version
}

// The package documentation's table and Tokens() list each bound token exactly once, against
// the official package it replaces.
func TestDocTableListsEveryBinding(t *testing.T) {
	raw, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]int{}
	for _, line := range strings.Split(string(raw), "\n") {
		if f := strings.Fields(line); strings.HasPrefix(line, "//\t") && len(f) == 4 && strings.HasPrefix(f[2], "kubernetes:") {
			// The binding's name is the token's type name.
			if !strings.HasSuffix(f[2], ":"+f[1]) || officialPackage(f[2]) != f[3] {
				t.Errorf("doc.go: %s listed against %s in %s", f[1], f[2], f[3])
			}
			listed[f[2]]++
		}
	}
	exported := map[string]int{}
	for _, tok := range kubenative.Tokens() {
		exported[tok]++
	}
	if fmt.Sprint(listed) != fmt.Sprint(exported) || len(exported) != 12 {
		t.Errorf("doc.go's table lists %v\nTokens() = %v", listed, exported)
	}
}

func TestOfficialPackage(t *testing.T) {
	for tok, want := range map[string]string{kubenative.NamespaceToken: "core/v1",
		kubenative.ClusterRoleToken: "rbac/v1", kubenative.DeploymentToken: "apps/v1"} {
		if got := officialPackage(tok); got != want {
			t.Errorf("officialPackage(%s) = %s, want %s", tok, got, want)
		}
	}
}
