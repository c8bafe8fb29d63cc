package kit

import (
	"strings"
	"testing"
)

// A namespaced object's id is "<namespace>/<name>", "default" when no namespace is given; a
// cluster-scoped one's is its name; a Namespace reports itself Active, as the API server does.
func TestMockK8sObjectIDs(t *testing.T) {
	named := map[string]interface{}{"metadata": map[string]interface{}{"name": "mesh-ready", "namespace": "inference"}}
	for _, tc := range []struct {
		kind       string
		namespaced bool
		in         map[string]interface{}
		want       string
	}{
		{"Job", true, named, "inference/mesh-ready"},
		{"Job", true, map[string]interface{}{"metadata": map[string]interface{}{"name": "x"}}, "default/x"},
		{"ClusterRole", false, named, "mesh-ready"},
	} {
		id, out := MockK8sObject("v1", tc.kind, tc.namespaced)(MockRequest{Name: "r", In: tc.in})
		if id != tc.want {
			t.Errorf("%s namespaced=%v: id %q, want %q", tc.kind, tc.namespaced, id, tc.want)
		}
		if meta := out["metadata"].(map[string]interface{}); meta["uid"] == "" || len(meta["resourceVersion"].(string)) != 6 {
			t.Errorf("%s: metadata %v lacks the server's uid and 6-digit resourceVersion", tc.kind, meta)
		}
	}
	id, out := MockK8sObject("v1", "Namespace", false)(MockRequest{Name: "ns", In: map[string]interface{}{}})
	if !strings.HasPrefix(id, "ns-") || len(id) != len("ns-")+8 {
		t.Errorf("generated name %q, want ns- and 8 characters", id)
	}
	if out["status"].(map[string]interface{})["phase"] != "Active" {
		t.Errorf("namespace status %v", out["status"])
	}
}

// Digits has exactly n digits and no leading zero, however the hash begins.
func TestDigits(t *testing.T) {
	for _, n := range []int{1, 6, 12} {
		if d := Digits(n, "a", "b"); len(d) != n || d[0] != '1' {
			t.Errorf("Digits(%d) = %q", n, d)
		}
	}
}
