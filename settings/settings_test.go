package settings_test

import (
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/example/mlplatform/settings"
	"github.com/example/mlplatform/stackconfig"
)

const root = ".."

// Pulumi.yaml is the single source of defaults: it must declare exactly the project keys the
// program reads, or a default silently goes missing (or a declared key does nothing).
func TestPulumiYamlDeclaresExactlyTheKeysRead(t *testing.T) {
	c, err := stackconfig.Load(root, "prod")
	if err != nil {
		t.Fatal(err)
	}
	c.Values, _ = settings.ApplyOfflineExamples(c.Project, c.Values)
	read := map[string]bool{}
	if _, err := settings.Load(c.Project, c.Stack, func(key string) (string, bool) {
		read[key] = true
		return c.Lookup(key)
	}); err != nil {
		t.Fatal(err)
	}
	var readProject []string
	for k := range read {
		if strings.HasPrefix(k, c.Project+":") {
			readProject = append(readProject, k)
		}
	}
	sort.Strings(readProject)
	if !reflect.DeepEqual(readProject, c.Declared) {
		t.Errorf("keys read %v\nkeys declared %v", readProject, c.Declared)
	}
}

func TestEnvironmentsDifferOnlyByConfiguration(t *testing.T) {
	load := func(stack string) *settings.Settings {
		c, err := stackconfig.Load(root, stack)
		if err != nil {
			t.Fatal(err)
		}
		c.Values, _ = settings.ApplyOfflineExamples(c.Project, c.Values)
		s, err := settings.Load(c.Project, c.Stack, c.Lookup)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	dev, prod := load("dev"), load("prod")
	if !prod.Azure.PrivateNetworking || !prod.ProtectStateful || !prod.GKE.DeletionProtection || !prod.ML.HighBusinessImpact || !prod.AppConfig.PurgeProtection {
		t.Errorf("prod must take the secure defaults: %+v", prod)
	}
	if prod.KeyVault.SoftDeleteRetentionDays < dev.KeyVault.SoftDeleteRetentionDays || prod.Azure.LogRetentionDays < dev.Azure.LogRetentionDays ||
		prod.Identity.RotationDays > dev.Identity.RotationDays {
		t.Error("prod must be at least as strict as dev")
	}
	if got := prod.Names.KeyVault("abcde"); got != "kv-mlp-prod-abcde" || !settings.KeyVaultRule.Valid(got) {
		t.Errorf("vault name %q", got)
	}
}

func TestUnknownStackKeyIsReported(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join(root, "Pulumi.yaml"), filepath.Join(dir, "Pulumi.yaml"))
	writeFile(t, filepath.Join(dir, "Pulumi.typo.yaml"), "config:\n  gcp:project: my-project-1234\n  mlplatform:ownerEmail: owner@offline-plan-example.invalid\n  gcp:region: europe-west4\n  azure-native:location: westeurope\n  mlplatform:microserviceDeploy: false\n  mlplatform:gkeNodeMinCont: 3\n")
	c, err := stackconfig.Load(dir, "typo")
	if err != nil {
		t.Fatal(err) // the CLI accepts undeclared keys, and so does its resolution
	}
	_, err = settings.Load(c.Project, c.Stack, c.Lookup, c.Options()...)
	for _, want := range []string{`mlplatform:gkeNodeMinCont = "3": is not a setting Pulumi.yaml declares (a typo?); did you mean mlplatform:gkeNodeMinCount?`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("err = %v, want %q", err, want)
		}
	}
	// Without the key list (a host that does not say) the program cannot tell.
	if _, err := settings.Load(c.Project, c.Stack, c.Lookup); err != nil {
		t.Fatalf("without keys: %v", err)
	}
	if _, err := stackconfig.Load(dir, "missing"); err == nil || !strings.Contains(err.Error(), "no configuration file Pulumi.missing.yaml") {
		t.Fatalf("missing stack: err = %v", err)
	}
}

func TestFirewallIPRulesUseBareAddresses(t *testing.T) {
	a := settings.Azure{AllowedIPRanges: []netip.Prefix{
		netip.MustParsePrefix("203.0.113.7/32"), netip.MustParsePrefix("203.0.113.8/31"), netip.MustParsePrefix("198.51.100.0/24"),
	}}
	got := strings.Join(a.FirewallIPRules(), " ")
	if want := "203.0.113.7 203.0.113.8 203.0.113.9 198.51.100.0/24"; got != want {
		t.Errorf("FirewallIPRules = %q, want %q", got, want)
	}
}

// A secret value never appears in an error, even where a check quotes it or a derived name.
func TestSecretValuesStayOutOfErrors(t *testing.T) {
	c, err := stackconfig.Load(root, "prod")
	if err != nil {
		t.Fatal(err)
	}
	get := func(key string) (string, bool) {
		if key == "mlplatform:ownerEmail" {
			return "not-an-email-but-secret", true
		}
		return c.Lookup(key)
	}
	_, err = settings.Load(c.Project, c.Stack, get, settings.WithSecrets(func(k string) bool { return k == "mlplatform:ownerEmail" }))
	if err == nil || strings.Contains(err.Error(), "not-an-email-but-secret") || !strings.Contains(err.Error(), `mlplatform:ownerEmail = "[secret]"`) {
		t.Fatalf("err = %v", err)
	}
}

// Settings lists the plaintext of every secret value it read, so the program can keep
// whatever it builds from them secret; an opaque offline placeholder is not checked.
func TestSecretValuesAreListed(t *testing.T) {
	c, err := stackconfig.Load(root, "prod")
	if err != nil {
		t.Fatal(err)
	}
	c.Values, _ = settings.ApplyOfflineExamples(c.Project, c.Values)
	secret := map[string]string{"mlplatform:ownerEmail": "owner@example.org", "mlplatform:keyVaultSecretReaderGroupIds": `["0b5a4bd4-9a53-4c14-9e8f-6d0c3f7e1a21"]`, "mlplatform:namePrefix": settings.OpaqueSecret}
	get := func(key string) (string, bool) {
		if v, ok := secret[key]; ok {
			return v, true
		}
		return c.Lookup(key)
	}
	s, err := settings.Load(c.Project, c.Stack, get, settings.WithSecrets(func(k string) bool { _, ok := secret[k]; return ok }))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"0b5a4bd4-9a53-4c14-9e8f-6d0c3f7e1a21", "owner@example.org", settings.OpaqueSecret}
	if !reflect.DeepEqual(s.SecretValues, want) {
		t.Errorf("SecretValues = %v, want %v", s.SecretValues, want)
	}
}

// The committed project and stack files and the workflows hold no placeholder that looks like
// real configuration. A value only the team knows is left out instead and fails with its key
// until set (TestCommittedStacksNeedExactlyTheTeamsValues).
func TestCommittedFilesHoldNoPlaceholders(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(root, "Pulumi*.yaml"))
	workflows, _ := filepath.Glob(filepath.Join(root, ".github", "workflows", "*.yml"))
	files = append(files, workflows...)
	if len(files) < 4 || len(workflows) == 0 {
		t.Fatalf("found only %v", files)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range placeholders(string(data)) {
			t.Errorf("%s:%s", filepath.Base(f), p)
		}
	}
}

// The scan finds what it looks for, and not ordinary values.
func TestPlaceholderScanFindsPlantedValues(t *testing.T) {
	for _, planted := range []string{"198.51.100.0/28", "203.0.113.7", "2001:db8::/32", "ml-platform@example.com",
		"api.example.org", "owner@team.invalid", settings.NilGUID, settings.OfflineExamples["gcp:project"]} {
		if len(placeholders("config:\n  mlplatform:x: "+planted+"\n")) == 0 {
			t.Errorf("%s not found", planted)
		}
	}
	for _, fine := range []string{"10.40.0.0/16", "169.254.21.0/30", "team@acme.eu", "westeurope", "0b5a4bd4-9a53-4c14-9e8f-6d0c3f7e1a21"} {
		if p := placeholders("config:\n  mlplatform:x: " + fine + "\n"); len(p) != 0 {
			t.Errorf("%s flagged: %v", fine, p)
		}
	}
}

var (
	addressRE = regexp.MustCompile(`\b\d{1,3}(\.\d{1,3}){3}(/\d{1,2})?\b|\b[0-9a-fA-F]{1,4}(:[0-9a-fA-F]{0,4}){2,7}(/\d{1,3})?`)
	// reservedRE: the domains RFC 2606 reserves for examples (.invalid included: the offline
	// examples live only in memory, never in a file).
	reservedRE = regexp.MustCompile(`(?i)[a-z0-9.-]*(\bexample\.(com|net|org)|\.(example|test|invalid|localhost))\b`)
)

// placeholders lists, as "LINE: what", every documentation address or range (RFC 5737,
// RFC 3849), reserved example domain, all-zero GUID and offline example value in text.
func placeholders(text string) []string {
	var out []string
	for i, line := range strings.Split(text, "\n") {
		found := func(what string) { out = append(out, fmt.Sprintf("%d: %s", i+1, what)) }
		for _, a := range addressRE.FindAllString(line, -1) {
			p, err := netip.ParsePrefix(a)
			if ip, aerr := netip.ParseAddr(a); aerr == nil {
				p, err = netip.PrefixFrom(ip, ip.BitLen()), nil
			}
			if err == nil && settings.IsDocumentationRange(p) {
				found("documentation range " + a)
			}
		}
		if d := reservedRE.FindString(line); d != "" {
			found("reserved example domain " + d)
		}
		if strings.Contains(line, settings.NilGUID) {
			found("all-zero GUID")
		}
		for k, e := range settings.OfflineExamples {
			if strings.Contains(line, e) {
				found("offline example value of " + k)
			}
		}
	}
	return out
}
