package settings_test

import (
	"errors"
	"regexp"
	"slices"
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

// The committed stack files hold no stand-in for a value only the team knows: a real
// deployment of either stack stops naming exactly those keys, each with how to set it, until
// the team sets them. Without the workload, image and hostname are optional; the project and
// the owner never are.
func TestCommittedStacksNeedExactlyTheTeamsValues(t *testing.T) {
	always := []string{"gcp:project", "mlplatform:ownerEmail"}
	for _, stack := range []string{"dev", "prod"} {
		for _, tc := range []struct {
			overrides map[string]string
			want      []string
		}{
			{nil, append([]string{"mlplatform:gatewayHostname", "mlplatform:microserviceImage",
				"mlplatform:iapOAuthClientId", "mlplatform:iapOAuthClientSecret"}, always...)},
			{map[string]string{"mlplatform:microserviceDeploy": "false"}, always},
		} {
			c, err := stackconfig.Load(root, stack)
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tc.overrides {
				c.Values[k] = v
			}
			_, err = settings.Load(c.Project, c.Stack, c.Lookup, c.Options()...)
			var errs settings.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("%s %v: err = %v, want missing values", stack, tc.overrides, err)
			}
			var keys []string
			for _, e := range errs {
				keys = append(keys, e.Key)
				if e.Value != "" || !strings.HasPrefix(e.Allowed, "is not set") {
					t.Errorf("%s: %v", stack, e)
				}
			}
			slices.Sort(keys)
			slices.Sort(tc.want)
			if !slices.Equal(keys, tc.want) {
				t.Errorf("%s %v: problems with %v, want exactly %v:\n%v", stack, tc.overrides, keys, tc.want, err)
			}
			for _, want := range []string{
				"`pulumi config set gcp:project <your project id>`",
				"`pulumi config set ownerEmail <team mailbox>`",
				"GOOGLE_PROJECT", // says why the provider's fallback does not count
			} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("%s: error lacks %q:\n%v", stack, want, err)
				}
			}
		}
	}
}

// A key set to the empty string is as unset as a missing one (pulumi config set k "").
func TestEmptyRequiredValueFailsLikeAMissingOne(t *testing.T) {
	for _, key := range []string{"gcp:project", "mlplatform:ownerEmail"} {
		c, err := stackconfig.Load(root, "prod")
		if err != nil {
			t.Fatal(err)
		}
		c.Values, _ = settings.ApplyOfflineExamples(c.Project, c.Values)
		c.Values[key] = "  "
		_, err = settings.Load(c.Project, c.Stack, c.Lookup)
		if err == nil || !strings.Contains(err.Error(), key+` = "  ": is not set`) {
			t.Errorf("%s blank: err = %v", key, err)
		}
	}
}

func TestEntryValidation(t *testing.T) {
	for _, tc := range []struct {
		key, value string
		want       []string
	}{
		{"microserviceImage", "ghcr.io/acme/api:latest", []string{"microserviceImage", "pinned by digest", "tags are not accepted"}},
		{"microserviceImage", "acme/api@sha256:abc", []string{"microserviceImage", "64 hex"}},
		{"microserviceImage", "ghcr.io/acme/api@sha256:" + strings.Repeat("a", 64), []string{"microserviceImage", "ghcr.io/acme/api@sha256:",
			"Artifact Registry in gcp:region", "europe-west4-docker.pkg.dev/offline-plan-example/REPOSITORY", "Binary Authorization"}},
		{"microserviceImage", "us-central1-docker.pkg.dev/offline-plan-example/apps/api@sha256:" + strings.Repeat("a", 64),
			[]string{"microserviceImage", "europe-west4-docker.pkg.dev/offline-plan-example/REPOSITORY"}},
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
	// A provider key (gcp:project) is filled under its own namespace, not the project's.
	if want := "gcp:project,mlplatform:iapAccessMembers,mlplatform:iapOAuthClientId,mlplatform:iapOAuthClientSecret,mlplatform:microserviceImage,mlplatform:ownerEmail"; strings.Join(used, ",") != want {
		t.Errorf("used = %v, want %s", used, want)
	}
	if out["gcp:project"] != "offline-plan-example" {
		t.Errorf("gcp:project = %q", out["gcp:project"])
	}
	if values["mlplatform:iapAccessMembers"] != "[]" {
		t.Error("the input map was modified")
	}
	if _, used := settings.ApplyOfflineExamples("mlplatform", map[string]string{"gcp:project": "acme-ml-prod"}); slices.Contains(used, "gcp:project") {
		t.Error("a set gcp:project was replaced")
	}
	// Every example says it is one, and every domain in it is under the reserved .invalid, but
	// the image's: it is in the example project's Artifact Registry (where policy POD-008 wants
	// workload images), pinned to an all-zero digest no image has, so it pulls nothing.
	domain := regexp.MustCompile(`[a-z0-9-]+(\.[a-z0-9-]+)+`)
	arExample := regexp.MustCompile(`^[a-z0-9-]+-docker\.pkg\.dev/offline-plan-example/[a-z0-9/-]+@sha256:0{64}$`)
	for k, v := range settings.OfflineExamples {
		if !strings.Contains(v, "offline-plan-example") {
			t.Errorf("%s example %q does not say it is an example", k, v)
		}
		if k == "microserviceImage" && arExample.MatchString(v) {
			continue
		}
		// The OAuth client id must have Google's form; project number zero owns no client.
		if k == "iapOAuthClientId" && strings.HasPrefix(v, "000000000000-") {
			continue
		}
		for _, d := range domain.FindAllString(v, -1) {
			if !strings.HasSuffix(d, ".invalid") {
				t.Errorf("%s example %q names %s, outside .invalid", k, v, d)
			}
		}
	}
}

// The IAP OAuth client is the team's own: no default, Google's client-id form, and the secret
// only as secret config (defect 3 of issue 21: the GKE Gateway requires both with IAP on).
func TestIAPOAuthClientIsRequiredAndSecret(t *testing.T) {
	for _, tc := range []struct {
		key, value string
		want       []string
	}{
		{"iapOAuthClientId", "", []string{"mlplatform:iapOAuthClientId", "is not set", "apps.googleusercontent.com"}},
		{"iapOAuthClientId", "my-client", []string{"mlplatform:iapOAuthClientId", `"my-client"`, "NUMBER-ID.apps.googleusercontent.com"}},
		{"iapOAuthClientSecret", " ", []string{"mlplatform:iapOAuthClientSecret", "is not set", "pulumi config set --secret iapOAuthClientSecret"}},
	} {
		_, err := loadWith(t, true, map[string]string{tc.key: tc.value})
		if err == nil {
			t.Errorf("%s = %q: accepted", tc.key, tc.value)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s = %q: error lacks %q:\n%v", tc.key, tc.value, w, err)
			}
		}
	}
	// A plain (not secret) client secret is refused without printing it; a secret one passes.
	c, err := stackconfig.Load(root, "prod")
	if err != nil {
		t.Fatal(err)
	}
	c.Values, _ = settings.ApplyOfflineExamples(c.Project, c.Values)
	c.Values["mlplatform:iapOAuthClientSecret"] = "GOCSPX-plaintext-value"
	for _, secret := range []bool{false, true} {
		isSecret := func(k string) bool { return secret && k == "mlplatform:iapOAuthClientSecret" }
		_, err := settings.Load(c.Project, c.Stack, c.Lookup, settings.WithSecrets(isSecret))
		switch {
		case !secret && (err == nil || !strings.Contains(err.Error(), "must be secret config") || strings.Contains(err.Error(), "GOCSPX")):
			t.Errorf("plain client secret: err = %v", err)
		case secret && err != nil:
			t.Errorf("secret client secret refused: %v", err)
		}
	}
	// A well-formed id passes.
	if _, err := loadWith(t, true, map[string]string{"iapOAuthClientId": "123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com"}); err != nil {
		t.Errorf("a real-form client id is refused: %v", err)
	}
}
