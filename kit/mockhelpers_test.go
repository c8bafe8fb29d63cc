package kit

import (
	"strings"
	"testing"
)

func TestMockHelpers(t *testing.T) {
	if got := HostIn("172.16.0.32/28", 2); got != "172.16.0.34" {
		t.Errorf("HostIn second host = %q", got)
	}
	if got := HostIn("not-a-prefix", 1); got != "" {
		t.Errorf("HostIn of a malformed prefix = %q", got)
	}
	if ip := IPFrom("x"); !strings.HasPrefix(ip, "34.") || ip != IPFrom("x") || ip == IPFrom("y") {
		t.Errorf("IPFrom: %q, want a stable 34.x address per seed", ip)
	}
	in := map[string]interface{}{"o": map[string]interface{}{"a": 1}}
	if m := Merged(in, "o", map[string]interface{}{"b": 2}); len(m) != 2 || m["a"] != 1 || m["b"] != 2 {
		t.Errorf("Merged = %v", m)
	}
	req := MockRequest{Name: "pool", In: map[string]interface{}{}, Config: map[string]string{"gcp:project": "p-default"}}
	if n := AutoName(req, "name"); !strings.HasPrefix(n, "pool") || len(n) != len("pool")+7 {
		t.Errorf("AutoName = %q, want the name and a 7-character suffix", n)
	}
	if GCPProject(req) != "p-default" {
		t.Errorf("GCPProject without input = %q", GCPProject(req))
	}
	req.In["name"], req.In["project"] = "given", "p-input"
	if AutoName(req, "name") != "given" || GCPProject(req) != "p-input" {
		t.Errorf("inputs not preferred: %q, %q", AutoName(req, "name"), GCPProject(req))
	}
}
