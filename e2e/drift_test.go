//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/events"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/example/mlplatform/internal/drift"
)

// driftFile is where the stand-in cloud reads what was changed outside Pulumi (e2e/standin).
func driftFile(t *testing.T) string { return filepath.Join(setup(t)["PULUMI_HOME"], "drift.json") }

// checkDrift is the scheduled drift workflow's check on a deployed stack: `pulumi preview
// --refresh --expect-no-changes` (the Automation API passes the CLI the same --event-log the
// workflow reads), then drift.FromEvents on its events. It runs three times: on the stack as
// deployed (passes), after the stand-in cloud reports the Key Vault switched to access policies
// outside Pulumi (fails, naming the vault and the property), and with that change gone (passes).
func checkDrift(t *testing.T, stk auto.Stack, deployed run) {
	t.Helper()
	var vault string
	for urn := range deployed.ops {
		if resource.URN(urn).Type() == "azure-native:keyvault:Vault" {
			vault = urn
		}
	}
	if vault == "" {
		t.Fatal("no Key Vault deployed")
	}
	if changes, out, err := driftPreview(stk); err != nil || len(changes) > 0 {
		t.Fatalf("drift check on the stack as deployed: %v, changes %+v\n%s", err, changes, tail(out, 20))
	}

	data, _ := json.Marshal(map[string]map[string]interface{}{vault: {"properties.enableRbacAuthorization": false}})
	if err := os.WriteFile(driftFile(t), data, 0o644); err != nil {
		t.Fatal(err)
	}
	changes, out, err := driftPreview(stk)
	if rmErr := os.Remove(driftFile(t)); rmErr != nil {
		t.Fatal(rmErr)
	}
	if err == nil || !strings.Contains(err.Error()+out, "no changes were expected") {
		t.Errorf("drift check passed a drifted vault (err %v)\n%s", err, tail(out, 20))
	}
	if len(changes) != 1 || changes[0].URN != vault || changes[0].Op != apitype.OpUpdate || strings.Join(changes[0].Properties, ",") != "properties" {
		t.Fatalf("drift named %+v, want exactly the vault's update of properties", changes)
	}
	if md := drift.Markdown(stk.Name(), changes); !strings.Contains(md, "| `"+changes[0].Name()+"` | `azure-native:keyvault:Vault` | update | `properties` |") {
		t.Errorf("job summary does not name the vault:\n%s", md)
	}

	if changes, out, err := driftPreview(stk); err != nil || len(changes) > 0 {
		t.Errorf("drift check after the change was undone: %v, changes %+v\n%s", err, changes, tail(out, 20))
	}
}

func driftPreview(stk auto.Stack) ([]drift.Change, string, error) {
	var evs []apitype.EngineEvent
	ch, done := make(chan events.EngineEvent), make(chan struct{})
	go func() {
		for ev := range ch {
			evs = append(evs, ev.EngineEvent)
		}
		close(done)
	}()
	var out strings.Builder
	_, err := stk.Preview(context.Background(), optpreview.Refresh(), optpreview.ExpectNoChanges(),
		optpreview.EventStreams(ch), optpreview.ProgressStreams(&out), optpreview.ErrorProgressStreams(&out))
	<-done
	return drift.FromEvents(evs), out.String(), err
}
