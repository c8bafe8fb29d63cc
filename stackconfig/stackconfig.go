// Package stackconfig resolves a stack's configuration offline with the Pulumi CLI's own code
// (sdk/v3 go/common/workspace): LoadProject, LoadProjectStack and
// ValidateStackConfigAndApplyProjectConfig (now in pkg/v3; ported in project.go) give the same
// YAML decoding, namespacing, project defaults, declared-type checks and value rendering that
// `pulumi preview` applies before it starts the program. The offline plan and the tests use it, so they see exactly the
// configuration the program receives under the engine; a corpus test compares both
// (testdata/corpus, recorded from the CLI by `make e2e`).
//
// Two things the CLI does that cannot happen offline are made explicit instead:
//   - `secure:` values are never decrypted: each becomes an opaque placeholder (Placeholder,
//     or a value of the declared type) and its key is reported secret, so the program treats
//     it as a Pulumi secret all the way to every input;
//   - `environment:` imports (Pulumi ESC) need the Pulumi Cloud: they are an error here.
package stackconfig

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/config"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"

	"github.com/example/mlplatform/settings"
)

// Placeholder stands for a decrypted string secret offline.
const Placeholder = settings.OpaqueSecret

// Config is one stack's resolved configuration.
type Config struct {
	Project    string
	Stack      string
	Values     map[string]string // fully qualified key -> value as the program receives it
	SecretKeys []string          // keys whose value is secret (secure: in the stack file), sorted
	Declared   []string          // project keys Pulumi.yaml declares, qualified, sorted
}

// Error is configuration the CLI would refuse before it runs the program.
type Error struct {
	File string // the file at fault, relative to the project directory
	Err  error
}

func (e *Error) Error() string { return e.File + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Load resolves dir/Pulumi.yaml and the stack file of stack, as `pulumi preview --stack
// stack` would in dir.
func Load(dir, stack string) (*Config, error) {
	if stack == "" || strings.ContainsAny(stack, `/\`) {
		return nil, fmt.Errorf("stack name %q: must be a plain name such as dev or prod", stack)
	}
	project, err := workspace.LoadProject(filepath.Join(dir, "Pulumi.yaml"))
	if err != nil {
		return nil, &Error{File: "Pulumi.yaml", Err: unwrapPath(err)}
	}
	stackFile := filepath.Join(project.StackConfigDir, "Pulumi."+stack+".yaml")
	stackPath := filepath.Join(dir, stackFile)
	if _, err := os.Stat(stackPath); err != nil {
		// The CLI would run with an empty stack config; for a plan that is always a mistake.
		return nil, fmt.Errorf("stack %q has no configuration file %s (stacks here: %s)", stack,
			stackFile, strings.Join(Stacks(dir), ", "))
	}
	ps, err := workspace.LoadProjectStack(nil, project, stackPath)
	if err != nil {
		return nil, &Error{File: stackFile, Err: unwrapPath(err)}
	}
	if ps.Environment != nil && len(ps.Environment.Imports()) > 0 {
		return nil, &Error{File: stackFile, Err: fmt.Errorf(
			"environment: imports %s from Pulumi ESC, which is not resolvable offline; "+
				"resolve it with `pulumi preview --stack %s`, or put the values in the stack file",
			strings.Join(ps.Environment.Imports(), ", "), stack)}
	}

	cfg := ps.Config
	secretKeys := cfg.SecureKeys()
	dec := newPlaceholderDecrypter(project, cfg)
	if err := applyProjectConfig(stack, project, cfg, dec); err != nil {
		return nil, &Error{File: stackFile, Err: err}
	}
	values, err := cfg.Decrypt(dec)
	if err != nil {
		return nil, &Error{File: stackFile, Err: err}
	}

	c := &Config{Project: project.Name.String(), Stack: stack, Values: map[string]string{}}
	for k, v := range values {
		c.Values[k.String()] = v
	}
	for _, k := range secretKeys {
		c.SecretKeys = append(c.SecretKeys, k.String())
	}
	sort.Strings(c.SecretKeys)
	for key := range project.Config {
		c.Declared = append(c.Declared, qualify(c.Project, key))
	}
	sort.Strings(c.Declared)
	return c, nil
}

// Lookup answers fully qualified keys, as settings.Load expects.
func (c *Config) Lookup(key string) (string, bool) {
	v, ok := c.Values[key]
	return v, ok
}

// IsSecret reports whether key's value is secret.
func (c *Config) IsSecret(key string) bool {
	i := sort.SearchStrings(c.SecretKeys, key)
	return i < len(c.SecretKeys) && c.SecretKeys[i] == key
}

// Keys lists every key the program receives, sorted.
func (c *Config) Keys() []string {
	keys := make([]string, 0, len(c.Values))
	for k := range c.Values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Stacks lists the stacks that have a Pulumi.<stack>.yaml in dir.
func Stacks(dir string) []string {
	matches, _ := filepath.Glob(filepath.Join(dir, "Pulumi.*.yaml"))
	var out []string
	for _, m := range matches {
		out = append(out, strings.TrimSuffix(strings.TrimPrefix(filepath.Base(m), "Pulumi."), ".yaml"))
	}
	sort.Strings(out)
	return out
}

func qualify(project, key string) string {
	if strings.Contains(key, ":") {
		return key
	}
	return project + ":" + key
}

// unwrapPath drops the absolute path the workspace loaders put in front of their messages:
// the caller names the file.
func unwrapPath(err error) error {
	msg := err.Error()
	for _, prefix := range []string{"could not unmarshal ", "could not validate ", "could not read "} {
		if rest, ok := strings.CutPrefix(msg, prefix); ok {
			if _, after, found := strings.Cut(rest, "': "); found {
				return errors.New(after)
			}
		}
	}
	return err
}

// placeholderDecrypter answers every ciphertext with a stand-in of its key's declared type: the
// CLI's type check then passes where the real plaintext would (offline cannot know better), and
// the program receives a value it can parse. Strings and untyped keys get Placeholder.
type placeholderDecrypter struct{ byCiphertext map[string]string }

func newPlaceholderDecrypter(project *workspace.Project, cfg config.Map) config.Decrypter {
	d := placeholderDecrypter{byCiphertext: map[string]string{}}
	for key, v := range cfg {
		if !v.Secure() || v.Object() {
			continue
		}
		ciphertext, err := v.Value(config.NopDecrypter)
		if err != nil {
			continue
		}
		d.byCiphertext[ciphertext] = placeholderFor(project, key)
	}
	return d
}

func placeholderFor(project *workspace.Project, key config.Key) string {
	decl, ok := project.Config[key.Name()]
	if key.Namespace() != project.Name.String() {
		decl, ok = project.Config[key.String()]
	}
	if !ok || decl.Type == nil {
		return Placeholder
	}
	if decl.Default != nil && *decl.Type != "string" {
		if s, isPrimitive := primitive(decl.Default); isPrimitive {
			return s
		}
	}
	switch *decl.Type {
	case "integer":
		return "0"
	case "boolean":
		return "false"
	}
	return Placeholder
}

func primitive(v any) (string, bool) {
	switch v.(type) {
	case bool, int, int64, uint64, float64:
		return fmt.Sprint(v), true
	}
	return "", false
}

func (d placeholderDecrypter) DecryptValue(_ context.Context, ciphertext string) (string, error) {
	if v, ok := d.byCiphertext[ciphertext]; ok {
		return v, nil
	}
	return Placeholder, nil
}

func (d placeholderDecrypter) BatchDecrypt(ctx context.Context, ciphertexts []string) ([]string, error) {
	return config.DefaultBatchDecrypt(ctx, d, ciphertexts)
}

// Options tell settings.Load what the engine would: every key passed, and which are secret.
func (c *Config) Options() []settings.Option {
	return []settings.Option{settings.WithKeys(c.Keys()), settings.WithSecrets(c.IsSecret)}
}
