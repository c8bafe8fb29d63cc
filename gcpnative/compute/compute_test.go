package compute_test

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/example/mlplatform/gcpnative/compute"
	"github.com/example/mlplatform/internal/bindingtest"
)

// Computed outputs the way GCP reports them; the inputs come back as outputs too.
const (
	mockProject = "mock-project"
	mockRegion  = "mock-region"
)

func gcpOutputs(args pulumi.MockResourceArgs, out resource.PropertyMap) {
	for k, v := range map[string]string{"name": args.Name, "project": mockProject, "region": mockRegion} {
		if _, ok := out[resource.PropertyKey(k)]; !ok {
			out[resource.PropertyKey(k)] = resource.NewStringProperty(v)
		}
	}
	out["selfLink"] = resource.NewStringProperty("https://www.googleapis.com/compute/v1/projects/" + mockProject + "/x/" + args.Name)
	switch args.TypeToken {
	case compute.HaVpnGatewayToken:
		out["vpnInterfaces"] = resource.NewPropertyValue([]interface{}{
			map[string]interface{}{"id": 0.0, "ipAddress": "203.0.113.1"},
			map[string]interface{}{"id": 1.0, "ipAddress": "203.0.113.2", "interconnectAttachment": ""},
		})
	case compute.GlobalAddressToken:
		out["address"] = resource.NewStringProperty("203.0.113.9")
	}
}

// run runs fn under a fresh recorder (ids name+"-id", no invokes).
func run(fn pulumi.RunFunc) (*bindingtest.Recorder, error) {
	return bindingtest.RunRecorded("gcpnative", &bindingtest.Recorder{Outputs: gcpOutputs}, fn)
}

// registrations runs p and returns its requests by resource name and its outputs, resolved.
func registrations(t *testing.T, p bindingtest.Program) (map[string]*pulumirpc.RegisterResourceRequest, map[string]interface{}) {
	t.Helper()
	rec, outs := bindingtest.Registrations(t, run, p)
	return rec.Reqs, outs
}

// goldenFile holds what the official v7.38.0 package registers for officialProgram and for
// nil args. The default tests compare the bindings against it without linking the official
// package (compiling it is what the bindings save); the officialsdk-tagged test
// (official_test.go) proves it against the official package and rewrites it with -update:
//
//	go test -tags officialsdk ./gcpnative/compute/ [-update]
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
// v7.38.0 constructor sends for the same inputs (token, wire inputs and their secrecy,
// dependencies, plugin version, secret outputs, aliases and every other option), and reads
// back the same outputs.
func TestBindingsRegisterWhatTheOfficialSDKRegisters(t *testing.T) {
	bindingtest.CheckBindings(t, goldenFile, run, bindingProgram, printed, compute.Tokens())
}

// The same facts stated without the official SDK, so a change to both cannot hide them.
func TestBindingsPinThePluginAndKeepTheSecretSecret(t *testing.T) {
	bound, _ := registrations(t, bindingProgram)
	for name, req := range bound {
		if req.GetVersion() != "7.38.0" || req.GetPluginDownloadURL() != "" || len(req.GetAliases()) != 0 {
			t.Errorf("%s: version %q, download URL %q, aliases %v", name, req.GetVersion(), req.GetPluginDownloadURL(), req.GetAliases())
		}
	}
	tunnel := bound["tunnel"]
	secret := tunnel.GetObject().GetFields()["sharedSecret"].GetStructValue().GetFields()
	if secret["4dabf18193072939515e22adb298388d"].GetStringValue() != "1b47061264138c4ac30d75fd1eb44270" ||
		secret["value"].GetStringValue() != "not-a-real-secret" {
		t.Errorf("tunnel sharedSecret on the wire = %v, want a secret", secret)
	}
	if got := strings.Join(tunnel.GetAdditionalSecretOutputs(), ","); got != "effectiveLabels,pulumiLabels,sharedSecret" {
		t.Errorf("tunnel secret outputs = %s", got)
	}
	if got := strings.Join(bound["peer"].GetAdditionalSecretOutputs(), ","); got != "effectiveLabels,pulumiLabels" {
		t.Errorf("external gateway secret outputs = %s", got)
	}
	if got := bound["nat"].GetAdditionalSecretOutputs(); len(got) != 0 {
		t.Errorf("NAT secret outputs = %v, want none", got)
	}
}

// PluginVersion is the pulumi-gcp SDK version go.mod requires: the pin must name the plugin
// whose schema the bindings were copied from.
func TestPluginVersionIsGoMods(t *testing.T) {
	raw, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*github\.com/pulumi/pulumi-gcp/sdk/v7 v(\S+)$`).FindSubmatch(raw)
	if m == nil {
		t.Fatal("go.mod requires no github.com/pulumi/pulumi-gcp/sdk/v7")
	}
	if string(m[1]) != compute.PluginVersion {
		t.Errorf("PluginVersion = %s, go.mod's pulumi-gcp = %s", compute.PluginVersion, m[1])
	}
}

// The package documentation's table and Tokens() list each bound token exactly once.
func TestDocTableListsEveryBinding(t *testing.T) {
	raw, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]int{}
	for _, line := range strings.Split(string(raw), "\n") {
		if f := strings.Fields(line); strings.HasPrefix(line, "//\t") && len(f) == 3 && strings.HasPrefix(f[2], "gcp:compute/") {
			// The binding's name is the token's type name.
			if !strings.HasSuffix(f[2], ":"+f[1]) {
				t.Errorf("doc.go: %s listed against %s", f[1], f[2])
			}
			listed[f[2]]++
		}
	}
	exported := map[string]int{}
	for _, tok := range compute.Tokens() {
		exported[tok]++
	}
	if fmt.Sprint(listed) != fmt.Sprint(exported) || len(exported) != 12 {
		t.Errorf("doc.go's table lists %v\nTokens() = %v", listed, exported)
	}
}
