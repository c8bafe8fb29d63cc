package drift

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
)

const vault = "urn:pulumi:prod::mlplatform::mlplatform:azure:KeyVault$azure-native:keyvault:Vault::kv"

// A preview's events as the CLI logs them: refresh steps, unchanged resources, one update.
const eventLog = `{"sequence":0,"timestamp":1,"preludeEvent":{"config":{}}}
{"sequence":1,"timestamp":1,"resourcePreEvent":{"metadata":{"op":"refresh","urn":"` + vault + `","type":"azure-native:keyvault:Vault","old":null,"new":null,"detailedDiff":null,"provider":""}}}
{"sequence":2,"timestamp":1,"resourcePreEvent":{"metadata":{"op":"same","urn":"urn:pulumi:prod::mlplatform::random:index/randomString:RandomString::suffix","type":"random:index/randomString:RandomString","old":null,"new":null,"detailedDiff":null,"provider":""}}}

{"sequence":3,"timestamp":1,"resourcePreEvent":{"metadata":{"op":"update","urn":"` + vault + `","type":"azure-native:keyvault:Vault","old":null,"new":null,"diffs":["tags","properties"],"detailedDiff":null,"provider":""}}}
{"sequence":4,"timestamp":1,"summaryEvent":{"maybeCorrupt":false,"durationSeconds":1,"resourceChanges":{"update":1,"same":1},"PolicyPacks":{}}}
`

func TestFromEventLog(t *testing.T) {
	evs, err := ReadEventLog(strings.NewReader(eventLog))
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 5 {
		t.Fatalf("%d events, want 5 (the blank line skipped)", len(evs))
	}
	got := FromEvents(evs)
	if len(got) != 1 || got[0].URN != vault || got[0].Op != apitype.OpUpdate || strings.Join(got[0].Properties, ",") != "properties,tags" {
		t.Fatalf("changes = %+v, want the vault's update of properties and tags", got)
	}
	md := Markdown("prod", got)
	for _, want := range []string{"Drift on `prod`: 1 resource(s)", "| `kv` | `azure-native:keyvault:Vault` | update | `properties`, `tags` |"} {
		if !strings.Contains(md, want) {
			t.Errorf("summary lacks %q:\n%s", want, md)
		}
	}
}

// Every op the engine does not count as a change (and refresh) is not drift; every other op is.
func TestOps(t *testing.T) {
	for op, drifted := range map[apitype.OpType]bool{
		apitype.OpSame: false, apitype.OpRead: false, apitype.OpReadDiscard: false, apitype.OpReadReplacement: false,
		apitype.OpRefresh: false, apitype.OpUpdate: true, apitype.OpReplace: true, apitype.OpCreate: true,
		apitype.OpDelete: true, apitype.OpCreateReplacement: true, apitype.OpDeleteReplaced: true,
	} {
		ev := apitype.EngineEvent{ResourcePreEvent: &apitype.ResourcePreEvent{Metadata: apitype.StepEventMetadata{Op: op, URN: vault, Keys: []string{"location"}}}}
		if got := len(FromEvents([]apitype.EngineEvent{ev})) == 1; got != drifted {
			t.Errorf("op %s: drift %v, want %v", op, got, drifted)
		}
	}
}

func TestNoDriftSummary(t *testing.T) {
	if md := Markdown("dev", nil); !strings.HasPrefix(md, "### No drift on `dev`") {
		t.Errorf("summary = %q", md)
	}
}

func TestBadEventLog(t *testing.T) {
	if _, err := ReadEventLog(strings.NewReader("{\"sequence\":0}\nnot json\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("err = %v, want one naming line 2", err)
	}
}
