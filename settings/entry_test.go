package settings_test

import (
	"strings"
	"testing"

	"github.com/example/mlplatform/settings"
	"github.com/example/mlplatform/stackconfig"
)

// loadWith loads prod with the offline examples and some keys replaced.
func loadWith(t *testing.T, examples bool, overrides map[string]string) (*settings.Settings, error) {
	t.Helper()
	c, err := stackconfig.Load(root, "prod")
	if err != nil {
		t.Fatal(err)
	}
	if examples {
		c.Values, _ = settings.ApplyOfflineExamples(c.Project, c.Values)
	}
	for k, v := range overrides {
		c.Values["mlplatform:"+k] = v
	}
	return settings.Load(c.Project, c.Stack, c.Lookup)
}

// The committed stack files name no image and no hostname: a real deployment fails with a
// message naming each key until the team sets it.
func TestImageAndHostnameAreRequiredWhenDeploying(t *testing.T) {
	_, err := loadWith(t, false, nil)
	if err == nil {
		t.Fatal("prod without image and hostname loaded")
	}
	for _, want := range []string{`mlplatform:microserviceImage = "": is not set`, `mlplatform:gatewayHostname = "": is not set`, "microserviceDeploy to false"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if _, err := loadWith(t, false, map[string]string{"microserviceDeploy": "false"}); err != nil {
		t.Errorf("without the workload the keys are optional: %v", err)
	}
}

func TestEntryValidation(t *testing.T) {
	for _, tc := range []struct {
		key, value string
		want       []string
	}{
		{"microserviceImage", "ghcr.io/acme/api:latest", []string{"microserviceImage", "pinned by digest", "tags are not accepted"}},
		{"microserviceImage", "acme/api@sha256:abc", []string{"microserviceImage", "64 hex"}},
		{"gatewayHostname", "https://api.example.org", []string{"gatewayHostname", "fully qualified DNS name"}},
		{"gatewayHostname", "*.example.org", []string{"gatewayHostname", "no wildcard"}},
		{"iapAccessMembers", `["allUsers"]`, []string{"iapAccessMembers", "must not make the service public"}},
		{"iapAccessMembers", `["alice@example.org"]`, []string{"iapAccessMembers", "group:team@example.org"}},
		{"armorRateLimitIntervalSec", "45", []string{"armorRateLimitIntervalSec", `"45"`, "10, 30, 60"}},
		{"armorRateLimitAction", "deny", []string{"armorRateLimitAction", "throttle, rate_based_ban"}},
		{"microserviceMinReplicas", "9", []string{"microserviceMinReplicas", "must not exceed microserviceMaxReplicas (6)"}},
		{"microservicePort", "80", []string{"microservicePort", "1024 to 65535"}},
		{"meshInCluster", "false", []string{"microserviceDeploy", "needs meshInCluster = true"}},
	} {
		_, err := loadWith(t, true, map[string]string{tc.key: tc.value})
		if err == nil {
			t.Errorf("%s = %s: accepted", tc.key, tc.value)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s = %s: error lacks %q:\n%v", tc.key, tc.value, w, err)
			}
		}
	}
	s, err := loadWith(t, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Microservice.Deploy || s.Entry.Hostname != "inference.offline-plan-example.invalid" || !s.Entry.Armor.OWASPRules {
		t.Errorf("prod with examples: %+v %+v", s.Microservice, s.Entry)
	}
}

// The examples are labelled, never real-looking, and never override a value a stack sets.
func TestOfflineExamplesFillOnlyEmptyKeys(t *testing.T) {
	values := map[string]string{"mlplatform:gatewayHostname": "api.example.org", "mlplatform:iapAccessMembers": "[]"}
	out, used := settings.ApplyOfflineExamples("mlplatform", values)
	if out["mlplatform:gatewayHostname"] != "api.example.org" {
		t.Errorf("a set value was replaced: %q", out["mlplatform:gatewayHostname"])
	}
	if strings.Join(used, ",") != "mlplatform:iapAccessMembers,mlplatform:microserviceImage" {
		t.Errorf("used = %v", used)
	}
	if values["mlplatform:iapAccessMembers"] != "[]" {
		t.Error("the input map was modified")
	}
	for k, v := range settings.OfflineExamples {
		if !strings.Contains(v, "example") || !strings.Contains(v, ".invalid") {
			t.Errorf("%s example %q is not plainly an example", k, v)
		}
	}
}
