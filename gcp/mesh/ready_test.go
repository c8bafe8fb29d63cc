package mesh

import (
	"strings"
	"testing"
)

// The managed revision follows the release channel; REGULAR and an unset channel share the
// unsuffixed revision.
func TestMeshRevision(t *testing.T) {
	for channel, want := range map[string]string{"": "asm-managed", "REGULAR": "asm-managed", "regular": "asm-managed",
		"RAPID": "asm-managed-rapid", "STABLE": "asm-managed-stable"} {
		if got := meshRevision(channel); got != want {
			t.Errorf("meshRevision(%q) = %q, want %q", channel, got, want)
		}
	}
}

// Each checked object is granted once, however many markers the gate waits for on it.
func TestMeshReadyRulesOnePerObject(t *testing.T) {
	checks := meshGateChecks("STABLE")
	if got, want := len(meshReadyRules(checks)), 8; got != want {
		t.Errorf("%d rules for %d checks, want %d (seven CRDs and the revision)", got, len(checks), want)
	}
}

// The kubeconfig is refused without any of its three parts rather than pointing at a
// malformed gateway address.
func TestGatewayKubeconfigNeedsEveryPart(t *testing.T) {
	for _, parts := range [][3]string{{"", "global", "m"}, {"1", "", "m"}, {"1", "global", ""}} {
		if _, err := GatewayKubeconfig(parts[0], parts[1], parts[2]); err == nil {
			t.Errorf("GatewayKubeconfig%v accepted", parts)
		}
	}
	cfg, err := GatewayKubeconfig("123", "global", "gke-x")
	if err != nil || !strings.Contains(cfg, `"server": "https://connectgateway.googleapis.com/v1/projects/123/locations/global/gkeMemberships/gke-x"`) {
		t.Errorf("GatewayKubeconfig = %s, %v", cfg, err)
	}
}
