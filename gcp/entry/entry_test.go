package entry

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/gcpnative/compute"
	"github.com/example/mlplatform/internal/stacktest"
)

// NewEntry names every missing argument at once; the mesh's provider and gate exist only when
// the mesh is managed in-cluster, so a caller without them is told so.
func TestRequiredArgs(t *testing.T) {
	s := stacktest.Settings(t, "dev")
	stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		project := pulumi.String(s.GCP.Project)
		for want, args := range map[string]*EntryArgs{
			"entry.NewEntry: missing required arguments: MeshReadyJob, Provider": {Env: s.Env, Name: "mlp-dev-entry",
				Hostname: "x.invalid", Namespace: "inference", ServiceAccount: "inference-api", Project: project,
				BackendHost: project, BackendPort: pulumi.Int(80), NodePool: project},
			"entry.NewEntry: missing required arguments: BackendHost, BackendPort, Env, Hostname, MeshReadyJob, Name, Namespace, NodePool, Project, Provider, ServiceAccount": nil,
		} {
			if _, err := NewEntry(ctx, "e", args); err == nil || err.Error() != want {
				t.Errorf("got %v\nwant %s", err, want)
			}
		}
		return nil
	})
}

// The Cloud Armor rules: cve-canary always first, the OWASP set only when switched on, then the
// per-client rate limit (with a ban duration only for rate_based_ban) and the default allow.
func TestArmorRules(t *testing.T) {
	priorities := func(rules []compute.SecurityPolicyRuleTypeArgs) []int {
		var out []int
		for _, r := range rules {
			out = append(out, int(r.Priority.(pulumi.Int)))
		}
		return out
	}
	off := armorRules(Armor{RateLimitAction: "throttle", RateLimitCount: 100, RateLimitIntervalSec: 60})
	if got := priorities(off); len(got) != 3 || got[0] != 900 || got[1] != 2000 || got[2] != 2147483647 {
		t.Errorf("OWASP off: priorities %v, want [900 2000 2147483647]", got)
	}
	if limit := off[1].RateLimitOptions; limit.BanDurationSec != nil {
		t.Errorf("throttle has a ban duration: %v", limit.BanDurationSec)
	}
	on := armorRules(Armor{OWASPRules: true, RateLimitAction: "rate_based_ban", RateLimitCount: 100, RateLimitIntervalSec: 60, BanDurationSec: 600})
	if got := priorities(on); len(got) != 3+len(OWASPRules) || got[1] != 1000 || got[len(OWASPRules)] != 1000+len(OWASPRules)-1 {
		t.Errorf("OWASP on: priorities %v", got)
	}
	limit := on[len(on)-2].RateLimitOptions
	if limit.BanDurationSec != pulumi.Int(600) || limit.EnforceOnKey != pulumi.String("IP") {
		t.Errorf("rate_based_ban: ban %v, key %v", limit.BanDurationSec, limit.EnforceOnKey)
	}
}
