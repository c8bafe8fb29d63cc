package stackconfig

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/config"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"gopkg.in/yaml.v3"
)

// Declaration is one key of Pulumi.yaml's `config:` block, as the CLI reads it.
type Declaration struct {
	Key         string // as written in Pulumi.yaml: unqualified for the project's own keys
	Qualified   string // as stack files and the program name it: "project:key", or Key if it has a namespace
	Type        string // "string", "integer", "boolean", "array of string", or "" when untyped
	Default     any    // nil when the key declares none
	HasDefault  bool
	Description string
	Secret      bool
}

// Declarations lists the keys dir/Pulumi.yaml declares, in the order the file writes them: the
// file groups them by concern, and a generated table should read the same way. The types,
// defaults and descriptions come from the CLI's own loader; only the order is read from the YAML.
func Declarations(dir string) ([]Declaration, error) {
	path := filepath.Join(dir, "Pulumi.yaml")
	project, err := workspace.LoadProject(path)
	if err != nil {
		return nil, &Error{File: "Pulumi.yaml", Err: unwrapPath(err)}
	}
	order, err := configKeyOrder(path)
	if err != nil {
		return nil, &Error{File: "Pulumi.yaml", Err: err}
	}
	out := make([]Declaration, 0, len(order))
	for _, key := range order {
		decl := project.Config[key]
		d := Declaration{Key: key, Qualified: qualify(project.Name.String(), key), Default: decl.Default, HasDefault: decl.Default != nil,
			Description: decl.Description, Secret: decl.Secret}
		if decl.Type != nil {
			d.Type = *decl.Type
			if decl.Items != nil {
				d.Type += " of " + decl.Items.Type
			}
		}
		out = append(out, d)
	}
	return out, nil
}

// configKeyOrder reads the keys of the `config:` mapping in file order (a Go map has none).
func configKeyOrder(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Config yaml.Node `yaml:"config"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if doc.Config.Kind == 0 {
		return nil, nil
	}
	if doc.Config.Kind != yaml.MappingNode {
		return nil, errors.New("config: must be a mapping")
	}
	var keys []string
	for i := 0; i < len(doc.Config.Content); i += 2 {
		keys = append(keys, doc.Config.Content[i].Value)
	}
	return keys, nil
}

// StackValues are the values a stack file sets itself, before any project default applies,
// by fully qualified key: a string, a decoded array or object, or Placeholder for a `secure:`
// value (never decrypted).
func StackValues(dir, stack string) (map[string]any, error) {
	project, err := workspace.LoadProject(filepath.Join(dir, "Pulumi.yaml"))
	if err != nil {
		return nil, &Error{File: "Pulumi.yaml", Err: unwrapPath(err)}
	}
	stackFile := filepath.Join(project.StackConfigDir, "Pulumi."+stack+".yaml")
	// LoadProjectStack reads a missing file as an empty stack; a docs table must not.
	if _, err := os.Stat(filepath.Join(dir, stackFile)); err != nil {
		return nil, &Error{File: stackFile, Err: unwrapPath(err)}
	}
	ps, err := workspace.LoadProjectStack(nil, project, filepath.Join(dir, stackFile))
	if err != nil {
		return nil, &Error{File: stackFile, Err: unwrapPath(err)}
	}
	out := map[string]any{}
	for _, key := range sortedConfigKeys(ps.Config) {
		v := ps.Config[key]
		switch {
		case v.Secure():
			out[key.String()] = Placeholder
		case v.Object():
			obj, err := v.ToObject()
			if err != nil {
				return nil, &Error{File: stackFile, Err: fmt.Errorf("%s: %w", key, err)}
			}
			out[key.String()] = obj
		default:
			s, err := v.Value(config.NopDecrypter)
			if err != nil {
				return nil, &Error{File: stackFile, Err: fmt.Errorf("%s: %w", key, err)}
			}
			out[key.String()] = s
		}
	}
	return out, nil
}

func sortedConfigKeys(m config.Map) []config.Key {
	keys := make([]config.Key, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	return keys
}
