// Tests of the composition (package stack) live here, beside the plan's tests: both need
// every SDK linked, and one such test binary instead of two keeps the edit→test loop short
// (see docs/performance.md).
package main

import (
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/contract"
	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/settings"
	"github.com/example/mlplatform/stack"
)

// fixedClock keeps every run in the same credential window.
func fixedClock() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }

// runWith runs the real program on the stack's configuration with some keys replaced.
func runWith(t *testing.T, stackName string, overrides map[string]string) (*mocks.Mocks, error) {
	t.Helper()
	c := stacktest.Config(t, stackName)
	values := map[string]string{}
	for k, v := range c.Values {
		values[k] = v
	}
	for k, v := range overrides {
		if v == "<unset>" {
			delete(values, k)
		} else {
			values[k] = v
		}
	}
	m := mocks.New(c.Project, stackName)
	keys := func() ([]string, bool) {
		var ks []string
		for k := range values {
			ks = append(ks, k)
		}
		return ks, true
	}
	err := pulumi.RunErr(stack.Program(fixedClock, keys), m.RunOptions(values, nil)...)
	return m, err
}

func TestMalformedConfigurationIsRejectedBeforeAnyResource(t *testing.T) {
	for _, tc := range []struct {
		name      string
		overrides map[string]string
		want      []string // every fragment must appear in the error
	}{
		{"prefix uppercase", map[string]string{"mlplatform:namePrefix": "MLP"}, []string{"mlplatform:namePrefix", `"MLP"`, "lowercase"}},
		{"prefix too long", map[string]string{"mlplatform:namePrefix": "platform"}, []string{"mlplatform:namePrefix", "2-6"}},
		{"owner email", map[string]string{"mlplatform:ownerEmail": "not-an-email"}, []string{"mlplatform:ownerEmail", "not-an-email", "email"}},
		{"deployer type", map[string]string{"mlplatform:deployerPrincipalType": "Robot"}, []string{"mlplatform:deployerPrincipalType", "ServicePrincipal, User, Group"}},
		{"rotation not a number", map[string]string{"mlplatform:credentialRotationDays": "thirty"}, []string{"credentialRotationDays", `"thirty"`, "7 to 90"}},
		{"rotation too long", map[string]string{"mlplatform:credentialRotationDays": "91"}, []string{"credentialRotationDays", "7 to 90"}},
		{"grace zero", map[string]string{"mlplatform:credentialGraceDays": "0"}, []string{"credentialGraceDays", "1 to 90"}},
		{"credential lifetime too long", map[string]string{"mlplatform:credentialRotationDays": "90", "mlplatform:credentialGraceDays": "90"}, []string{"credentialGraceDays", `"90"`, "2 × credentialRotationDays (90) + 90 = 270"}},
		{"vault sku", map[string]string{"mlplatform:keyVaultSku": "gold"}, []string{"keyVaultSku", "standard, premium"}},
		{"reader not a uuid", map[string]string{"mlplatform:keyVaultSecretReaderGroupIds": `["alice@example.com"]`}, []string{"keyVaultSecretReaderGroupIds", "alice@example.com", "GUID"}},
		{"reader list not a list", map[string]string{"mlplatform:keyVaultSecretReaderGroupIds": `abc`}, []string{"keyVaultSecretReaderGroupIds", "list of strings"}},
		{"azure location", map[string]string{"azure-native:location": "mars-north"}, []string{"azure-native:location", "mars-north", "region"}},
		{"vnet cidr syntax", map[string]string{"mlplatform:azureVnetCidr": "10.40.0.0/33"}, []string{"azureVnetCidr", "CIDR"}},
		{"pe subnet outside vnet", map[string]string{"mlplatform:azurePrivateEndpointSubnetCidr": "10.99.1.0/24"}, []string{"azurePrivateEndpointSubnetCidr", "inside azureVnetCidr"}},
		{"host bits", map[string]string{"mlplatform:gkeSubnetCidr": "10.10.0.1/20"}, []string{"gkeSubnetCidr", "host bits", "10.10.0.0/20"}},
		{"allowed ip private", map[string]string{"mlplatform:azureAllowedIpRanges": `["10.0.0.0/8"]`}, []string{"azureAllowedIpRanges", "public"}},
		{"log retention", map[string]string{"mlplatform:logRetentionDays": "7"}, []string{"logRetentionDays", "30 to 730"}},
		{"storage replication", map[string]string{"mlplatform:storageReplication": "Premium_LRS"}, []string{"storageReplication", "Standard_ZRS"}},
		{"registry sku with private networking", map[string]string{"mlplatform:azurePrivateNetworking": "true", "mlplatform:containerRegistrySku": "Basic"}, []string{"containerRegistrySku", "Premium when azurePrivateNetworking"}},
		{"isolation mode", map[string]string{"mlplatform:mlManagedNetworkIsolation": "Open"}, []string{"mlManagedNetworkIsolation", "AllowOnlyApprovedOutbound"}},
		{"bool", map[string]string{"mlplatform:mlHighBusinessImpact": "yes"}, []string{"mlHighBusinessImpact", "true or false"}},
		{"image unset", map[string]string{"mlplatform:microserviceImage": ""}, []string{"mlplatform:microserviceImage", "is not set", "pinned by digest"}},
		{"image tag", map[string]string{"mlplatform:microserviceImage": "ghcr.io/acme/api:latest"}, []string{"microserviceImage", "tags are not accepted"}},
		{"hostname unset", map[string]string{"mlplatform:gatewayHostname": ""}, []string{"mlplatform:gatewayHostname", "is not set"}},
		{"public iap", map[string]string{"mlplatform:iapAccessMembers": `["allAuthenticatedUsers"]`}, []string{"iapAccessMembers", "public"}},
		{"armor interval", map[string]string{"mlplatform:armorRateLimitIntervalSec": "45"}, []string{"armorRateLimitIntervalSec", "Cloud Armor"}},
		{"gcp project", map[string]string{"gcp:project": "My_Project"}, []string{"gcp:project", "My_Project", "project id"}},
		{"gcp region", map[string]string{"gcp:region": "europe-west99"}, []string{"gcp:region", "europe-west99"}},
		{"gke location outside region", map[string]string{"mlplatform:gkeLocation": "us-central1-a"}, []string{"gkeLocation", "us-central1-a", "europe-west4"}},
		{"pods overlap subnet", map[string]string{"mlplatform:gkePodsCidr": "10.8.0.0/14"}, []string{"gkePodsCidr", "must not overlap mlplatform:gkeSubnetCidr"}},
		{"master not /28", map[string]string{"mlplatform:gkeMasterCidr": "172.16.0.0/24"}, []string{"gkeMasterCidr", "/28"}},
		{"security group name", map[string]string{"mlplatform:gkeSecurityGroup": "admins@example.org"}, []string{"gkeSecurityGroup", "admins@example.org", "gke-security-groups@YOUR-DOMAIN"}},
		{"public gke range", map[string]string{"mlplatform:gkeServicesCidr": "8.8.0.0/20"}, []string{"gkeServicesCidr", "private"}},
		{"authorized networks open", map[string]string{"mlplatform:gkeMasterAuthorizedNetworks": `["0.0.0.0/0"]`}, []string{"gkeMasterAuthorizedNetworks", "0.0.0.0/0", "whole internet"}},
		{"min above max", map[string]string{"mlplatform:gkeNodeMinCount": "5", "mlplatform:gkeNodeMaxCount": "3"}, []string{"gkeNodeMinCount", "must not exceed gkeNodeMaxCount (3)"}},
		{"release channel", map[string]string{"mlplatform:gkeReleaseChannel": "beta"}, []string{"gkeReleaseChannel", "RAPID, REGULAR, STABLE"}},
		{"machine type", map[string]string{"mlplatform:gkeMachineType": "big machine"}, []string{"gkeMachineType", "e2-standard-4"}},
		{"namespace label", map[string]string{"mlplatform:microserviceNamespace": "Inference_NS"}, []string{"microserviceNamespace", "DNS-1123"}},
		{"ksa too long for gsa id", map[string]string{"mlplatform:microserviceServiceAccount": "a-very-long-service-account"}, []string{"microserviceServiceAccount", "fit in 30"}},
		{"primitive role", map[string]string{"mlplatform:microserviceRoles": `["roles/editor"]`}, []string{"microserviceRoles", "roles/editor", "primitive"}},
		{"waiver syntax", map[string]string{"mlplatform:policyWaivers": `["because"]`}, []string{"policyWaivers", "RULE-ID@resource-name: reason"}},
		{"rule-wide waiver without star", map[string]string{"mlplatform:policyWaivers": `["AKV-004: every vault, by accident"]`}, []string{"policyWaivers", "RULE-ID@*"}},
		{"waiver until not a date", map[string]string{"mlplatform:policyWaivers": `["AKV-004@platform until 2027-02-30: a date that does not exist"]`}, []string{"policyWaivers", "YYYY-MM-DD"}},
		{"missing key", map[string]string{"gcp:project": "<unset>"}, []string{"gcp:project", "is not set", "`pulumi config set gcp:project <your project id>`"}},
		{"owner unset", map[string]string{"mlplatform:ownerEmail": ""}, []string{`mlplatform:ownerEmail = ""`, "is not set", "`pulumi config set ownerEmail <team mailbox>`"}},
		{"documentation range allowed", map[string]string{"mlplatform:azureAllowedIpRanges": `["203.0.113.0/24"]`}, []string{"azureAllowedIpRanges", "203.0.113.0/24", "reserved for documentation"}},
		{"documentation range authorized", map[string]string{"mlplatform:gkeMasterAuthorizedNetworks": `["198.51.100.0/28"]`}, []string{"gkeMasterAuthorizedNetworks", "198.51.100.0/28", "reserved for documentation"}},
		{"nil guid reader", map[string]string{"mlplatform:keyVaultSecretReaderGroupIds": `["00000000-0000-0000-0000-000000000000"]`}, []string{"keyVaultSecretReaderGroupIds", "all-zero GUID"}},
		{"several at once", map[string]string{"mlplatform:gkeNodeDiskSizeGb": "5", "mlplatform:gkeKmsRotationDays": "0"}, []string{"2 problems", "gkeNodeDiskSizeGb", "gkeKmsRotationDays"}},
		{"hostile yaml-ish input", map[string]string{"mlplatform:gkeMasterAuthorizedNetworks": `[{"cidr": 1}]`, "mlplatform:gkeNodeMaxCount": "-1e9"}, []string{"gkeMasterAuthorizedNetworks", "gkeNodeMaxCount"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := runWith(t, "dev", tc.overrides)
			if err == nil {
				t.Fatal("configuration accepted")
			}
			for _, frag := range tc.want {
				if !strings.Contains(err.Error(), frag) {
					t.Errorf("error lacks %q:\n%v", frag, err)
				}
			}
			if n := len(m.Resources()); n != 0 {
				t.Errorf("%d resources registered before the configuration error", n)
			}
			if n := len(m.Calls()); n != 0 {
				t.Errorf("%d provider calls made before the configuration error", n)
			}
		})
	}
}

func TestStackFilesAreValid(t *testing.T) {
	for _, s := range []string{"dev", "prod"} {
		if _, err := runWith(t, s, nil); err != nil {
			t.Errorf("stack %s: %v", s, err)
		}
	}
}

func TestOutputsFollowTheContract(t *testing.T) {
	for _, stackName := range []string{"dev", "prod"} {
		c := stacktest.Config(t, stackName)
		s, err := settings.Load(c.Project, c.Stack, c.Lookup)
		if err != nil {
			t.Fatal(err)
		}
		stacktest.MustRun(t, stackName, func(ctx *pulumi.Context) error {
			outputs, err := stack.Define(ctx, s, fixedClock())
			if err != nil {
				return err
			}
			if len(outputs) != len(contract.Outputs) {
				t.Errorf("%s: %d outputs, contract declares %d", stackName, len(outputs), len(contract.Outputs))
			}
			for _, o := range contract.Outputs {
				v, ok := outputs[o.Name]
				if !ok {
					t.Errorf("%s: output %s missing", stackName, o.Name)
					continue
				}
				if got := pulumi.IsSecret(pulumi.ToOutput(v)); got != o.Secret {
					t.Errorf("%s: output %s secret = %v, contract says %v", stackName, o.Name, got, o.Secret)
				}
			}
			return nil
		})
	}
}

// The client secret Azure AD generates must never travel unmasked, anywhere in the program.
func TestGeneratedSecretIsNeverUnmasked(t *testing.T) {
	for _, stackName := range []string{"dev", "prod"} {
		m, err := runWith(t, stackName, nil)
		if err != nil {
			t.Fatal(err)
		}
		seen := 0
		for _, r := range m.Resources() {
			for _, props := range []resource.PropertyMap{r.Inputs, r.Outputs} {
				if mocks.ContainsPlain(props, "mock-generated-") {
					t.Errorf("%s: %s carries the client secret unmasked", stackName, r.URN)
				}
			}
			if r.Type == "azuread:index/applicationPassword:ApplicationPassword" && r.Outputs["value"].IsSecret() {
				seen++
			}
		}
		if seen != 2 {
			t.Errorf("%s: expected two generated passwords (slots a and b), found %d", stackName, seen)
		}
	}
}

func TestNoDependsOnBeyondTheDocumentedOnes(t *testing.T) {
	for _, stackName := range []string{"dev", "prod"} {
		m, err := runWith(t, stackName, nil)
		if err != nil {
			t.Fatal(err)
		}
		used := map[string]bool{}
		for _, r := range m.Resources() {
			for _, dep := range r.DependsOn {
				d, _ := m.ByURN(dep)
				edge := r.Type + " -> " + d.Type
				if !documentedDependsOn[edge] {
					t.Errorf("%s: %s has an explicit DependsOn on %s; let an output carry it", stackName, r.URN, dep)
				}
				used[edge] = true
			}
		}
		if stackName == "prod" && len(used) != len(documentedDependsOn) {
			t.Errorf("documented DependsOn edges no longer used: have %v", used)
		}
	}
}

// documentedDependsOn lists the explicit dependencies whose reason is in a comment at the call site.
var documentedDependsOn = map[string]bool{
	// (No key-value edge: the key-values take their store name from the wait for the
	// deployer's Data Owner grant to be in effect, so an input carries it; azure/appconfig/appconfig.go.)
	// The Istio objects need the mesh's CRDs and the meshed Deployments its injection, which
	// the mesh gate (the readiness Job) waits for (gcp/microservice/microservice.go, gcp/entry/cluster.go;
	// policy ORDER-001 checks the journey).
	"kubernetes:security.istio.io/v1:AuthorizationPolicy -> kubernetes:batch/v1:Job":   true,
	"kubernetes:security.istio.io/v1:RequestAuthentication -> kubernetes:batch/v1:Job": true,
	"kubernetes:networking.istio.io/v1:Gateway -> kubernetes:batch/v1:Job":             true,
	"kubernetes:networking.istio.io/v1:VirtualService -> kubernetes:batch/v1:Job":      true,
	"kubernetes:networking.istio.io/v1:ServiceEntry -> kubernetes:batch/v1:Job":        true,
	"kubernetes:networking.istio.io/v1:DestinationRule -> kubernetes:batch/v1:Job":     true,
	"kubernetes:apps/v1:Deployment -> kubernetes:batch/v1:Job":                         true,
	// The PeerAuthentication CRD exists only once the managed mesh has established it, which
	// the readiness Job waits for.
	"kubernetes:security.istio.io/v1beta1:PeerAuthentication -> kubernetes:batch/v1:Job": true,
	// The mesh starts installing only once the feature membership exists; the Job's wait
	// counts from there.
	"kubernetes:batch/v1:Job -> gcp:gkehub/featureMembership:FeatureMembership": true,
}

// A config value the engine marks secret reaches no input in plain text: every input that
// carries it (tags, notes, labels in their derived form) is a Pulumi secret.
func TestSecretConfigReachesInputsOnlyAsSecret(t *testing.T) {
	const owner = "secret-owner.test@example.com"
	for _, name := range []string{"dev", "prod"} {
		c := stacktest.Config(t, name)
		values := map[string]string{}
		for k, v := range c.Values {
			values[k] = v
		}
		values["mlplatform:ownerEmail"] = owner
		m := mocks.New(c.Project, name)
		keys := func() ([]string, bool) { return c.Keys(), true }
		if err := pulumi.RunErr(stack.Program(fixedClock, keys), m.RunOptions(values, []string{"mlplatform:ownerEmail"})...); err != nil {
			t.Fatal(err)
		}
		tainted := 0
		for _, r := range m.Resources() {
			for k, v := range r.Inputs {
				if plainContains(v, owner) || plainContains(v, "secret-owner_test") {
					t.Errorf("%s: %s.%s holds the secret ownerEmail in plain text", name, r.URN, k)
				}
				if v.ContainsSecrets() {
					tainted++
				}
			}
		}
		if tainted < 10 { // every Azure resource's tags, GCP labels, the Entra notes
			t.Errorf("%s: only %d secret inputs: the value was not followed", name, tainted)
		}
	}
}

// plainContains reports whether text appears in v outside any secret.
func plainContains(v resource.PropertyValue, text string) bool {
	switch {
	case v.IsSecret():
		return false
	case v.IsOutput():
		o := v.OutputValue()
		return !o.Secret && plainContains(o.Element, text)
	case v.IsString():
		return strings.Contains(v.StringValue(), text)
	case v.IsArray():
		for _, e := range v.ArrayValue() {
			if plainContains(e, text) {
				return true
			}
		}
	case v.IsObject():
		for _, e := range v.ObjectValue() {
			if plainContains(e, text) {
				return true
			}
		}
	}
	return false
}
