// Package azurestack builds the Azure components a test needs the way stack/ wires them, for
// the tests of azure and azure/mlworkspace. It is apart from stacktest so that the other
// components' tests do not link the random and ML workspace SDK packages.
package azurestack

import (
	"context"
	"testing"

	"github.com/pulumi/pulumi-random/sdk/v4/go/random"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/internals"

	"github.com/example/mlplatform/azure"
	"github.com/example/mlplatform/azure/mlworkspace"
	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/settings"
)

// Stand-ins for what the identity and secrets components produce.
const (
	SPObjectID = "55555555-5555-4555-8555-555555555555"
	VaultName  = "kv-mlp-test-abcde"
)

// VaultID is the stand-in vault's resource ID.
var VaultID = "/subscriptions/" + mocks.SubscriptionID + "/resourceGroups/rg-test/providers/Microsoft.KeyVault/vaults/" + VaultName

// Suffix registers the stack's random name suffix as stack does (settings.SuffixLength
// lowercase letters and digits).
func Suffix(ctx *pulumi.Context) (*random.RandomString, error) {
	return random.NewRandomString(ctx, "suffix", &random.RandomStringArgs{
		Length: pulumi.Int(settings.SuffixLength), Upper: pulumi.Bool(false), Special: pulumi.Bool(false),
		Lower: pulumi.Bool(true), Numeric: pulumi.Bool(true),
	})
}

// MLWorkspaceArgs maps a stack's settings into the ML workspace's inputs as the composition
// does (stack.defineMLWorkspace), with the stand-in vault and service principal.
func MLWorkspaceArgs(s *settings.Settings, f *azure.Foundation, suffix pulumi.StringOutput) *mlworkspace.MLWorkspaceArgs {
	return &mlworkspace.MLWorkspaceArgs{
		Env: s.Env, Project: s.Project, Location: s.Azure.Location, Tags: azure.Tags(s.Common), Protect: s.ProtectStateful,
		WorkspaceName:      s.Names.MLWorkspace(),
		StorageAccountName: suffix.ApplyT(s.Names.StorageAccount).(pulumi.StringOutput),
		RegistryName:       suffix.ApplyT(s.Names.ContainerRegistry).(pulumi.StringOutput),
		StorageSKU:         s.Azure.StorageReplication, RegistrySKU: s.Azure.ContainerRegistrySKU,
		HighBusinessImpact: s.ML.HighBusinessImpact, ManagedNetworkIsolation: s.ML.ManagedNetworkIsolation,
		PrivateNetworking: s.Azure.PrivateNetworking,
		Firewall:          mlworkspace.Firewall{DefaultAction: s.Azure.FirewallDefaultAction(), IPRules: s.Azure.FirewallIPRules()},
		SubscriptionID:    mocks.SubscriptionID, Foundation: f,
		KeyVaultID: pulumi.String(VaultID), ServicePrincipalID: pulumi.String(SPObjectID),
	}
}

// WorkspaceOutputs are the ML workspace's outputs a test reads, by the names the tests use.
func WorkspaceOutputs(ml *mlworkspace.MLWorkspace, suffix pulumi.StringOutput) map[string]pulumi.StringOutput {
	return map[string]pulumi.StringOutput{
		"ml.WorkspaceName": ml.WorkspaceName, "ml.WorkspaceID": ml.WorkspaceID, "ml.WorkspaceGUID": ml.WorkspaceGUID,
		"ml.DiscoveryURL": ml.DiscoveryURL, "ml.MLflowTrackingURI": ml.MLflowTrackingURI, "ml.PrincipalID": ml.PrincipalID,
		"ml.StorageAccountName": ml.StorageAccountName, "ml.StorageAccountID": ml.StorageAccountID,
		"ml.RegistryName": ml.RegistryName, "ml.RegistryID": ml.RegistryID, "ml.RegistryLoginServer": ml.RegistryLoginServer,
		"suffix": suffix,
	}
}

// Awaited is a resolved output.
type Awaited struct {
	Value  interface{}
	Secret bool
}

// Await resolves an output under the mocks, failing the test if it stays unknown.
func Await(t *testing.T, name string, o pulumi.Output) Awaited {
	t.Helper()
	r, err := internals.UnsafeAwaitOutput(context.Background(), o)
	if err != nil || !r.Known {
		t.Fatalf("await %s: known=%v err=%v", name, r.Known, err)
	}
	return Awaited{r.Value, r.Secret}
}
