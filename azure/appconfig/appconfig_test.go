package appconfig_test

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi-random/sdk/v4/go/random"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/azure"
	"github.com/example/mlplatform/azure/appconfig"
	"github.com/example/mlplatform/azure/appconfig/spec"
	"github.com/example/mlplatform/azure/foundation"
	"github.com/example/mlplatform/internal/grantwait"
	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/settings"
)

const (
	tokGetKV = "azure-native:appconfiguration/v20240501:getKeyValue"
	// readerObjectID is the service principal granted App Configuration Data Reader.
	readerObjectID = "55555555-5555-4555-8555-555555555555"
	secretURI      = "https://kv-mlp-test-abcde.vault.azure.net/secrets/sp-client-secret"
	tokStore       = spec.StoreType
	tokKV          = spec.KeyValueType
	tokRole        = "azure-native:authorization:RoleAssignment"
)

// refusing answers the first `refuse` key-value reads (all, when negative) as ARM does while
// the grant is not in effect, in the provider's error format; everything else goes to the mocks.
type refusing struct {
	*mocks.Mocks
	refuse, reads int
}

func (r *refusing) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	if args.Token == tokGetKV {
		if r.reads++; r.refuse < 0 || r.reads <= r.refuse {
			return nil, errors.New(`request failed /subscriptions/s/…/keyValues/x: Status=403 Code="Forbidden" Message="Access denied"`)
		}
	}
	return r.Mocks.Call(args)
}

// runAppConfig registers only what the store needs, under mocks whose first `refuse`
// key-value reads are refused (all, when negative), as a preview when preview is set.
func runAppConfig(t *testing.T, s *settings.Settings, clock grantwait.Clock, refuse int, preview bool) (*mocks.Mocks, *refusing, error) {
	t.Helper()
	c := stacktest.Config(t, s.Env)
	m := mocks.New(c.Project, c.Stack)
	mon := &refusing{Mocks: m, refuse: refuse}
	opts := append(m.RunOptions(c.Values, c.SecretKeys), pulumi.WithMocks(c.Project, c.Stack, mon),
		func(info *pulumi.RunInfo) { info.DryRun = preview })
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		suffix, err := random.NewRandomString(ctx, "suffix", &random.RandomStringArgs{Length: pulumi.Int(settings.SuffixLength)})
		if err != nil {
			return err
		}
		f, err := foundation.NewFoundation(ctx, "platform", stacktest.FoundationArgs(s))
		if err != nil {
			return err
		}
		_, err = appconfig.NewAppConfiguration(ctx, "appconfig", &appconfig.AppConfigurationArgs{
			Env: s.Env, Location: s.Azure.Location, Tags: azure.Tags(s.Common), Protect: s.ProtectStateful,
			StoreName: suffix.Result.ApplyT(s.Names.AppConfig).(pulumi.StringOutput), PrivateNetworking: s.Azure.PrivateNetworking,
			PurgeProtection: s.AppConfig.PurgeProtection, SoftDeleteRetentionDays: s.AppConfig.SoftDeleteRetentionDays,
			DeployerPrincipalType: s.DeployerPrincipalType, SubscriptionID: mocks.SubscriptionID, Foundation: f,
			DeployerObjectID: pulumi.String(mocks.DeployerObjectID), ReaderPrincipalID: pulumi.String(readerObjectID),
			SecretURI: pulumi.String(secretURI), GrantClock: clock,
			Values: map[string]pulumi.StringInput{"platform:environment": pulumi.String(s.Env)},
		})
		return err
	}, opts...)
	return m, mon, err
}

// A young grant: the mocked createdOn, plus the second the deployment took to get here.
func justGranted(t *testing.T) *grantwait.Manual {
	created, err := time.Parse(time.RFC3339Nano, mocks.RoleAssignmentCreatedOn)
	if err != nil {
		t.Fatal(err)
	}
	return &grantwait.Manual{At: created.Add(time.Second)}
}

// The key-values wait for the deployer's Data Owner grant to be in effect, not just to exist:
// their store name comes out of the wait, which reads a key-value through ARM with the
// deployer's identity. No explicit DependsOn is left; the grant reaches them through an input.
func TestKeyValuesWaitForTheDataOwnerGrantToBeInEffect(t *testing.T) {
	s := stacktest.Settings(t, "dev")
	m, _, err := runAppConfig(t, s, &grantwait.Manual{At: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)}, 0, false)
	if err != nil {
		t.Fatal(err)
	}
	store, owner := m.MustFind(t, tokStore, "appconfig"), m.MustFind(t, tokRole, "appconfig-deployer-data-owner")
	var reads []mocks.Call
	for _, c := range m.Calls() {
		if c.Token == tokGetKV {
			reads = append(reads, c)
		}
	}
	want := map[string]interface{}{"configStoreName": store.Inputs["configStoreName"].StringValue(),
		"keyValueName": "platform:servicePrincipal:clientSecret$dev", "resourceGroupName": "rg-mlp-dev"}
	if len(reads) != 1 || !reflect.DeepEqual(reads[0].Args.Mappable(), want) {
		t.Fatalf("key-value reads = %v, want exactly one of %v (a long-propagated grant)", reads, want)
	}
	kvs := m.ByType(tokKV)
	if len(kvs) != 2 {
		t.Fatalf("%d key-values, want 2", len(kvs))
	}
	for _, kv := range kvs {
		if len(kv.DependsOn) != 0 {
			t.Errorf("%s: explicit DependsOn %v; the wait's output must carry the grant", kv.Name, kv.DependsOn)
		}
		if !slices.Contains(kv.Dependencies, owner.URN) {
			t.Errorf("%s does not depend on the Data Owner grant: %v", kv.Name, kv.Dependencies)
		}
	}
}

func TestKeyValuesAreWrittenOnceTheGrantStopsBeingRefused(t *testing.T) {
	clock := justGranted(t)
	m, mon, err := runAppConfig(t, stacktest.Settings(t, "dev"), clock, 2, false)
	if err != nil {
		t.Fatal(err)
	}
	// Two refusals (10 s, then 20 s apart), then three authorized reads in a row, 10 s apart.
	if want := []time.Duration{10 * time.Second, 20 * time.Second, 10 * time.Second, 10 * time.Second}; mon.reads != 5 || !reflect.DeepEqual(clock.Sleeps, want) {
		t.Errorf("reads=%d sleeps=%v, want 5 reads and sleeps %v", mon.reads, clock.Sleeps, want)
	}
	if n := len(m.ByType(tokKV)); n != 2 {
		t.Errorf("%d key-values written, want 2", n)
	}
}

func TestAGrantNeverInEffectFailsTheDeploymentNamingStoreAndRole(t *testing.T) {
	clock := justGranted(t)
	m, _, err := runAppConfig(t, stacktest.Settings(t, "dev"), clock, -1, false)
	if err == nil {
		t.Fatal("the deployment succeeded although every read was refused")
	}
	for _, want := range []string{"App Configuration store appcs-mlp-dev-", "App Configuration Data Owner",
		"still refused 15m0s", "Status=403", "DEP-001"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not mention %q:\n%v", want, err)
		}
	}
	if n := len(m.ByType(tokKV)); n != 0 {
		t.Errorf("%d key-values written without the grant in effect", n)
	}
}

// A preview writes no key-value, so it does not wait (and reads nothing on the data plane: the
// pull-request preview runs where a private store is unreachable).
func TestAPreviewDoesNotWait(t *testing.T) {
	clock := justGranted(t)
	_, mon, err := runAppConfig(t, stacktest.Settings(t, "dev"), clock, -1, true)
	if err != nil || mon.reads != 0 || len(clock.Sleeps) != 0 {
		t.Errorf("preview: err=%v reads=%d sleeps=%v, want no read and no wait", err, mon.reads, clock.Sleeps)
	}
}
