//go:build e2e

// Package e2e runs the real program under the real Pulumi engine (make e2e): the CLI from
// scripts/pulumi-cli.sh, an Automation API inline program (no Go language host is needed),
// a local file backend with the passphrase secrets provider, and the stand-in provider plugin
// (e2e/standin) installed under every package name and version the program asks for.
package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/events"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/stack"
)

// Passphrase encrypts the test stacks' secrets (and the corpus's secure: values).
const Passphrase = "mlplatform-e2e-not-a-secret"

// plugins are the packages and versions the program pins (go.mod; azure-native bindings pin
// 2.90.0 through utilities.PkgResourceDefaultOpts).
var plugins = map[string]string{
	"azure-native": "2.90.0", "azuread": "5.53.5", "gcp": "7.38.0", "kubernetes": "4.32.0", "random": "4.19.2",
}

var (
	root    = mustAbs("..")
	envOnce sync.Once
	envErr  error
	env     map[string]string
)

func mustAbs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		panic(err)
	}
	return a
}

// setup finds or builds the CLI, builds the stand-in plugin once and returns the environment
// every workspace runs with.
func setup(t *testing.T) map[string]string {
	t.Helper()
	envOnce.Do(func() { env, envErr = buildEnv() })
	if envErr != nil {
		t.Fatal(envErr)
	}
	return env
}

func buildEnv() (map[string]string, error) {
	out, err := exec.Command(filepath.Join(root, "scripts", "pulumi-cli.sh")).Output()
	if err != nil {
		return nil, fmt.Errorf("pulumi CLI: %v", err)
	}
	cli := strings.TrimSpace(string(out))
	os.Setenv("PATH", filepath.Dir(cli)+string(os.PathListSeparator)+os.Getenv("PATH"))
	home, err := os.MkdirTemp("", "mlplatform-e2e-")
	if err != nil {
		return nil, err
	}
	bin := filepath.Join(home, "standin")
	build := exec.Command("go", "build", "-o", bin, "./e2e/standin")
	build.Dir = root
	if msg, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("build stand-in provider: %v\n%s", err, msg)
	}
	// The policy pack (cmd/policypack), run as `pulumi preview --policy-pack <binary>` runs it.
	pack := filepath.Join(home, "mlplatform-policy")
	build = exec.Command("go", "build", "-o", pack, "./cmd/policypack")
	build.Dir = root
	if msg, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("build policy pack: %v\n%s", err, msg)
	}
	for name, version := range plugins {
		dir := filepath.Join(home, "plugins", "resource-"+name+"-v"+version)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		if err := os.Link(bin, filepath.Join(dir, "pulumi-resource-"+name)); err != nil {
			return nil, err
		}
	}
	return map[string]string{
		"PULUMI_HOME":                                 home,
		"PULUMI_CONFIG_PASSPHRASE":                    Passphrase,
		"PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
		"PULUMI_IGNORE_AMBIENT_PLUGINS":               "true",
		"PULUMI_SKIP_UPDATE_CHECK":                    "true",
		"PULUMI_SKIP_CHECKPOINTS":                     "false",
		// What the stand-in cloud reports as changed outside Pulumi (drift_test.go).
		"STANDIN_DRIFT": filepath.Join(home, "drift.json"),
		// The policy pack judges by the day the program's clock starts on (policypack_test.go).
		"MLPLATFORM_POLICY_DATE": start.Format(time.DateOnly),
	}, nil
}

// envFor is the environment for the stacks of the project in dir: each project directory has
// its own state backend, so every test starts from stacks that were never deployed.
func envFor(t *testing.T, dir string) map[string]string {
	t.Helper()
	e := map[string]string{}
	for k, v := range setup(t) {
		e[k] = v
	}
	state := filepath.Join(dir, ".pulumi-state")
	if err := os.MkdirAll(state, 0o755); err != nil {
		t.Fatal(err)
	}
	// metadata=skip: fileblob writes each blob's ".attrs" sidecar by truncating and rewriting it
	// (gocloud.dev/blob/fileblob attrs.go setAttrs), so the program's read of its own stack
	// (the previous-deployment StackReference) can meet an empty sidecar while the engine saves
	// a checkpoint, and the update fails with "failed to load checkpoint: EOF" (seen here under
	// load). The blob itself is written atomically (temp file + rename); Pulumi reads no sidecar
	// attribute. Object-store backends (azblob, gs, s3) have no sidecar.
	e["PULUMI_BACKEND_URL"] = "file://" + state + "?metadata=skip"
	return e
}

// clock is the instant the program sees; tests move it to cross rotation boundaries.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.now = t }

// project is a copy of the repository's Pulumi files in a temporary work directory, so
// `stack init` and `config set` never touch the committed files.
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	copyFile(t, filepath.Join(root, "Pulumi.yaml"), filepath.Join(dir, "Pulumi.yaml"))
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// newStack opens (creating if needed) stackName in dir with program.
func newStack(t *testing.T, dir, stackName string, program pulumi.RunFunc) auto.Stack {
	t.Helper()
	stk, err := openStack(t, dir, stackName, program)
	if err != nil {
		t.Fatal(err)
	}
	return stk
}

// openStack is newStack that returns the CLI's refusal (a stack file it cannot read).
func openStack(t *testing.T, dir, stackName string, program pulumi.RunFunc) (auto.Stack, error) {
	t.Helper()
	ctx := context.Background()
	ws, err := auto.NewLocalWorkspace(ctx, auto.WorkDir(dir), auto.Program(program), auto.EnvVars(envFor(t, dir)))
	if err != nil {
		return auto.Stack{}, err
	}
	return auto.UpsertStack(ctx, stackName, ws)
}

// realProgram is the program main.go runs, with the clock under the test's control. The
// inline host passes no PULUMI_CONFIG, so the keys come from the CLI (`pulumi config`).
func realProgram(t *testing.T, c *clock, keys *[]string) pulumi.RunFunc {
	return stack.Program(c.Now, func() ([]string, bool) { return *keys, true })
}

// deployableStack is a new stack of a project holding the committed stack file name with the
// team's values filled in (deployable), running the real program on a clock that starts at start.
func deployableStack(t *testing.T, name string) (string, auto.Stack, *clock) {
	t.Helper()
	dir := project(t, map[string]string{"Pulumi." + name + ".yaml": deployable(t, name)})
	c := &clock{now: start}
	var keys []string
	stk := newStack(t, dir, name, realProgram(t, c, &keys))
	keys = configKeys(t, stk)
	return dir, stk, c
}

// configKeys asks the CLI for every key of the stack (project defaults included).
func configKeys(t *testing.T, stk auto.Stack) []string {
	t.Helper()
	cfg, err := stk.GetAllConfig(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(cfg))
	for k := range cfg {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// run is one engine operation's outcome: the ops per resource and every warning or error.
type run struct {
	ops      map[string]apitype.OpType // URN -> op (same, create, update, replace, ...)
	warnings []string
	output   string
	err      error
}

func (r run) changed() []string {
	var out []string
	for urn, op := range r.ops {
		if op != apitype.OpSame && op != apitype.OpRead {
			out = append(out, string(op)+" "+urn)
		}
	}
	sort.Strings(out)
	return out
}

func collect(ch <-chan events.EngineEvent, r *run, mu *sync.Mutex, done chan<- struct{}) {
	for ev := range ch {
		mu.Lock()
		if pre := ev.ResourcePreEvent; pre != nil {
			r.ops[pre.Metadata.URN] = pre.Metadata.Op
		}
		if d := ev.DiagnosticEvent; d != nil && (d.Severity == "warning" || d.Severity == "error") {
			r.warnings = append(r.warnings, d.Severity+": "+strings.TrimSpace(d.Message))
		}
		mu.Unlock()
	}
	close(done)
}

func preview(t *testing.T, stk auto.Stack) run {
	t.Helper()
	return operate(func(ch chan<- events.EngineEvent, out io.Writer) error {
		_, err := stk.Preview(context.Background(), optpreview.EventStreams(ch), optpreview.ProgressStreams(out), optpreview.ErrorProgressStreams(out))
		return err
	})
}

func up(t *testing.T, stk auto.Stack) run {
	t.Helper()
	return operate(func(ch chan<- events.EngineEvent, out io.Writer) error {
		_, err := stk.Up(context.Background(), optup.EventStreams(ch), optup.ProgressStreams(out), optup.ErrorProgressStreams(out))
		return err
	})
}

// operate runs one engine operation, collecting its events and its printed output.
func operate(op func(chan<- events.EngineEvent, io.Writer) error) run {
	r := run{ops: map[string]apitype.OpType{}}
	var mu sync.Mutex
	ch, done := make(chan events.EngineEvent), make(chan struct{})
	go collect(ch, &r, &mu, done)
	var out strings.Builder
	err := op(ch, &out)
	if err == nil {
		<-done
	} else {
		// When the CLI fails before it writes its event log (a stack file it rejects while
		// validating config), the Automation API of sdk/v3 v3.276.0 returns the error without
		// ever closing the event streams; the operation is over, so its events are all in.
		select {
		case <-done:
		case <-time.After(10 * time.Second):
		}
	}
	mu.Lock()
	defer mu.Unlock()
	r.err, r.output = err, out.String()
	return r
}

// mustSucceed fails the test unless r succeeded with no warning.
func mustSucceed(t *testing.T, what string, r run) {
	t.Helper()
	if r.err != nil {
		t.Fatalf("%s failed: %v\n%s", what, r.err, tail(r.output, 40))
	}
	if len(r.warnings) > 0 {
		t.Errorf("%s warned:\n  %s", what, strings.Join(r.warnings, "\n  "))
	}
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// deployment is the stack's state as `pulumi stack export` gives it, secrets encrypted (the
// Automation API's Export adds --show-secrets, so the CLI is run directly).
func deployment(t *testing.T, dir string, stk auto.Stack) (apitype.DeploymentV3, string) {
	t.Helper()
	cmd := exec.Command("pulumi", "stack", "export", "--stack", stk.Name(), "--non-interactive")
	cmd.Dir = dir
	cmd.Env = os.Environ()
	for k, v := range envFor(t, dir) {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pulumi stack export: %v", err)
	}
	var exp apitype.UntypedDeployment
	if err := json.Unmarshal(out, &exp); err != nil {
		t.Fatal(err)
	}
	var d apitype.DeploymentV3
	if err := json.Unmarshal(exp.Deployment, &d); err != nil {
		t.Fatal(err)
	}
	return d, string(exp.Deployment)
}
