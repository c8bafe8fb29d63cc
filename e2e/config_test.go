//go:build e2e

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/settings"
	"github.com/example/mlplatform/stack"
	"github.com/example/mlplatform/stackconfig"
)

// sensitive names provider outputs that hold credentials, whether or not the provider marks
// them secret (azure-native does not mark App Insights' connectionString, for one).
var sensitive = map[string]bool{
	"connectionString": true, "instrumentationKey": true, "kubeconfig": true,
	"primaryKey": true, "secondaryKey": true, "primarySharedKey": true, "secondarySharedKey": true,
	"password": true, "clientSecret": true,
	"azuread:index/applicationPassword:ApplicationPassword.value": true,
}

// secretTexts runs the program under the same mocks the stand-in provider answers with and
// returns every secret or credential-like value they produce: none may appear in state.
func secretTexts(t *testing.T, dir, name string) []string {
	t.Helper()
	cfg, err := stackconfig.Load(dir, name)
	if err != nil {
		t.Fatal(err)
	}
	m := mocks.New(cfg.Project, cfg.Stack)
	if err := pulumi.RunErr(stack.Program(func() time.Time { return start }, nil), m.RunOptions(cfg.Values, cfg.SecretKeys)...); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range m.Resources() {
		for k, v := range r.Outputs {
			if (v.ContainsSecrets() || sensitive[string(k)] || sensitive[r.Type+"."+string(k)]) && textOf(v) != "" {
				out = append(out, textOf(v))
			}
		}
	}
	return out
}

func textOf(v resource.PropertyValue) string {
	for v.IsSecret() {
		v = v.SecretValue().Element
	}
	if v.IsString() && len(v.StringValue()) >= 8 {
		return v.StringValue()
	}
	return ""
}

func noPlaintextSecrets(t *testing.T, what, state string, secrets []string) {
	t.Helper()
	if len(secrets) == 0 {
		t.Fatalf("%s: no secret values to look for: the check would prove nothing", what)
	}
	for _, s := range secrets {
		if strings.Contains(state, s) {
			t.Errorf("%s: the state export holds a secret in plain text: %.24s…", what, s)
		}
	}
}

// TestSecretConfigStaysSecret: a config value the user encrypts is a secret in every input
// and output it reaches, so the state never holds it in plain text.
func TestSecretConfigStaysSecret(t *testing.T) {
	dir := project(t, map[string]string{"Pulumi.dev.yaml": deployable(t, "dev")})
	c := &clock{now: start}
	var keys []string
	stk := newStack(t, dir, "dev", realProgram(t, c, &keys))
	const owner = "secret-owner.e2e@example.com"
	if err := stk.SetConfig(context.Background(), "mlplatform:ownerEmail", auto.ConfigValue{Value: owner, Secret: true}); err != nil {
		t.Fatal(err)
	}
	keys = configKeys(t, stk)
	mustSucceed(t, "up with a secret ownerEmail", up(t, stk))
	_, raw := deployment(t, dir, stk)
	noPlaintextSecrets(t, "secret config", raw, []string{owner, "secret-owner_e2e"})
	if !strings.Contains(raw, "ciphertext") {
		t.Error("no encrypted value in state at all")
	}
	note("secret config: ownerEmail encrypted everywhere in state")
}

// TestBadStackFilesFailWithTheProgramsMessage: each bad file stops before any resource, with
// the message the offline plan prints.
func TestBadStackFilesFailWithTheProgramsMessage(t *testing.T) {
	dev := deployable(t, "dev")
	for _, tc := range []struct{ name, file, want string }{
		{"typo key", dev + "  mlplatform:gkeNodeCount: 3\n", "mlplatform:gkeNodeCount"},
		{"wrong type", strings.Replace(dev, `mlplatform:gkeNodeMaxCount: "3"`, "mlplatform:gkeNodeMaxCount: three", 1), "gkeNodeMaxCount"},
		{"bad cidr", dev + "  mlplatform:gkeSubnetCidr: 10.10.0.1/20\n", "host bits must be zero"},
		{"missing required key", regexp.MustCompile(`(?m)^  gcp:project: .*\n`).ReplaceAllString(dev, ""), "`pulumi config set gcp:project <your project id>`"},
		{"owner unset", regexp.MustCompile(`(?m)^  mlplatform:ownerEmail: .*\n`).ReplaceAllString(dev, ""), "`pulumi config set ownerEmail <team mailbox>`"},
		{"committed file as is", stackFile(t, "dev"), "`pulumi config set gcp:project <your project id>`"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := project(t, map[string]string{"Pulumi.bad.yaml": tc.file})
			_, offline := planErr(dir, "bad")
			if offline == "" || !strings.Contains(offline, tc.want) {
				t.Fatalf("offline plan: %q lacks %q", offline, tc.want)
			}
			var keys []string
			stk := newStack(t, dir, "bad", realProgram(t, &clock{now: start}, &keys))
			keys = configKeys(t, stk)
			r := preview(t, stk)
			if r.err == nil {
				t.Fatal("preview succeeded")
			}
			if len(r.ops) > 1 {
				t.Errorf("resources were registered: %v", r.ops)
			}
			if !strings.Contains(r.output+r.err.Error(), firstLine(offline)) {
				t.Errorf("engine message lacks the offline plan's %q:\n%s", firstLine(offline), tail(r.output, 15))
			}
		})
	}
	note("bad stack files: typo, wrong type, bad CIDR, missing key, unset owner, the committed file without the team's values: rejected with the plan's message")
}

// planErr is the offline plan's configuration error for a stack ("" when it plans).
func planErr(dir, name string) (*stackconfig.Config, string) {
	cfg, err := stackconfig.Load(dir, name)
	if err != nil {
		return nil, err.Error()
	}
	if _, err := settingsErr(cfg); err != "" {
		return cfg, err
	}
	return cfg, ""
}

// firstLine is the most specific line of a message: the first problem it lists.
func firstLine(msg string) string {
	for _, l := range strings.Split(msg, "\n") {
		if l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "- ")); strings.Contains(l, ":") && !strings.HasPrefix(l, "invalid configuration") {
			if i := strings.Index(l, "Pulumi.bad.yaml: "); i >= 0 {
				l = l[i+len("Pulumi.bad.yaml: "):]
			}
			return l
		}
	}
	return msg
}

// TestStackFilesAreInCanonicalForm: `pulumi stack init` and `pulumi config set` leave the
// committed stack files as they are, but for the passphrase provider's encryptionsalt.
func TestStackFilesAreInCanonicalForm(t *testing.T) {
	for _, name := range []string{"dev", "prod"} {
		t.Run(name, func(t *testing.T) {
			original := stackFile(t, name)
			dir := project(t, map[string]string{"Pulumi." + name + ".yaml": original})
			stk := newStack(t, dir, name, func(*pulumi.Context) error { return nil })
			ctx := context.Background()
			for _, key := range []string{"mlplatform:gkeNodeMaxCount", "mlplatform:gkeNodeMinCount"} {
				v, err := stk.GetConfig(ctx, key)
				if err != nil {
					t.Fatal(err)
				}
				if err := stk.SetConfig(ctx, key, v); err != nil {
					t.Fatal(err)
				}
			}
			data, err := os.ReadFile(filepath.Join(dir, "Pulumi."+name+".yaml"))
			if err != nil {
				t.Fatal(err)
			}
			after := regexp.MustCompile(`(?m)^encryptionsalt: .*\n`).ReplaceAllString(string(data), "")
			if after != original {
				t.Errorf("the CLI rewrote Pulumi.%s.yaml:\n--- committed\n%s\n--- after stack init + config set\n%s", name, original, after)
			}
		})
	}
	note("stack files: canonical (stack init + config set add only encryptionsalt)")
}

func settingsErr(cfg *stackconfig.Config) (any, string) {
	_, err := settings.Load(cfg.Project, cfg.Stack, cfg.Lookup, cfg.Options()...)
	if err != nil {
		return nil, err.Error()
	}
	return nil, ""
}
