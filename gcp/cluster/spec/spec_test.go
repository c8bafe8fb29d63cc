package spec

import (
	"strings"
	"testing"

	"github.com/example/mlplatform/kit"
)

// Every rule accepts its passing cases and rejects its failing ones, by its own check alone
// (policy's tests run the same cases through the engine and on edits of the real plans).
func TestRuleCases(t *testing.T) { kit.RunCases(t, Component.Rules) }

// The cluster's mock answers as GKE does: an id under the project and location, the private
// endpoint the second host of the master range, the CA added to masterAuth beside its inputs.
func TestClusterMock(t *testing.T) {
	in := map[string]interface{}{"name": "gke-mlp-dev", "location": "europe-west4-a",
		"privateClusterConfig": map[string]interface{}{"enablePrivateNodes": true, "masterIpv4CidrBlock": "172.16.0.32/28"},
		"masterAuth":           map[string]interface{}{"clientCertificateConfig": map[string]interface{}{"issueClientCertificate": false}}}
	id, out := cluster(kit.MockRequest{Name: "gke-cluster", In: in, Config: map[string]string{"gcp:project": "p-1"}})
	if id != "projects/p-1/locations/europe-west4-a/clusters/gke-mlp-dev" {
		t.Errorf("id = %q", id)
	}
	private := out["privateClusterConfig"].(map[string]interface{})
	if private["privateEndpoint"] != "172.16.0.34" || private["enablePrivateNodes"] != true {
		t.Errorf("privateClusterConfig = %v", private)
	}
	auth := out["masterAuth"].(map[string]interface{})
	if _, kept := auth["clientCertificateConfig"]; !kept || !strings.HasPrefix(auth["clusterCaCertificate"].(string), "LS0t") {
		t.Errorf("masterAuth = %v, want the input kept and a base64 PEM added", auth)
	}
	if ep := out["endpoint"].(string); !strings.HasPrefix(ep, "34.") {
		t.Errorf("endpoint %q is not in Google's 34.0.0.0/8", ep)
	}
}

// An auto-named key gets the logical name and a suffix; its id hangs below the key ring.
func TestCryptoKeyMock(t *testing.T) {
	id, out := cryptoKey(kit.MockRequest{Name: "k", In: map[string]interface{}{"keyRing": "projects/p/locations/l/keyRings/r"}})
	name := out["name"].(string)
	if !strings.HasPrefix(name, "k") || len(name) != 8 || id != "projects/p/locations/l/keyRings/r/cryptoKeys/"+name {
		t.Errorf("name %q, id %q", name, id)
	}
}
