// Package stackconfig reads Pulumi.yaml and Pulumi.<stack>.yaml the way the Pulumi CLI does
// for a Go program: project defaults first, stack values over them, every key fully
// qualified, structured values as JSON text. The offline plan and the tests use it, so they
// see exactly the configuration `pulumi up` would.
package stackconfig

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Config is one stack's resolved configuration.
type Config struct {
	Project    string
	Stack      string
	Values     map[string]string // fully qualified key -> value as the program receives it
	SecretKeys []string          // keys whose stack value is encrypted ("secure:")
	Declared   []string          // project keys Pulumi.yaml declares, qualified, sorted
}

type projectFile struct {
	Name    string                    `yaml:"name"`
	Runtime yaml.Node                 `yaml:"runtime"`
	Config  map[string]declaredConfig `yaml:"config"`
}

type declaredConfig struct {
	Type    string    `yaml:"type"`
	Default yaml.Node `yaml:"default"`
}

type stackFile struct {
	Config map[string]yaml.Node `yaml:"config"`
}

// Load reads dir/Pulumi.yaml and dir/Pulumi.<stack>.yaml.
func Load(dir, stack string) (*Config, error) {
	if stack == "" || strings.ContainsAny(stack, `/\`) {
		return nil, fmt.Errorf("stack name %q: must be a plain name such as dev or prod", stack)
	}
	var project projectFile
	if err := readYAML(filepath.Join(dir, "Pulumi.yaml"), &project); err != nil {
		return nil, err
	}
	if project.Name == "" {
		return nil, errors.New("Pulumi.yaml: the project has no name")
	}
	stackPath := filepath.Join(dir, "Pulumi."+stack+".yaml")
	var sf stackFile
	if err := readYAML(stackPath, &sf); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("stack %q has no configuration file %s (stacks here: %s)", stack,
				filepath.Base(stackPath), strings.Join(Stacks(dir), ", "))
		}
		return nil, err
	}

	c := &Config{Project: project.Name, Stack: stack, Values: map[string]string{}}
	var problems []string
	declared := map[string]bool{}
	for key, decl := range project.Config {
		qualified := qualify(project.Name, key)
		declared[qualified] = true
		c.Declared = append(c.Declared, qualified)
		if decl.Default.Kind == 0 {
			continue // declared without a default: the stack must set it
		}
		v, err := render(&decl.Default)
		if err != nil {
			problems = append(problems, fmt.Sprintf("Pulumi.yaml config.%s.default: %v", key, err))
			continue
		}
		c.Values[qualified] = v
	}
	sort.Strings(c.Declared)

	for key, node := range sf.Config {
		qualified := qualify(project.Name, key)
		if ns, _, _ := strings.Cut(qualified, ":"); ns == project.Name && !declared[qualified] {
			problems = append(problems, fmt.Sprintf("%s: %s is not a setting Pulumi.yaml declares (a typo?)", filepath.Base(stackPath), qualified))
			continue
		}
		if isSecure(&node) {
			// The plan never decrypts: a secret config value stays an opaque placeholder.
			c.Values[qualified] = "[secret]"
			c.SecretKeys = append(c.SecretKeys, qualified)
			continue
		}
		v, err := render(&node)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %s: %v", filepath.Base(stackPath), qualified, err))
			continue
		}
		c.Values[qualified] = v
	}
	sort.Strings(c.SecretKeys)
	sort.Strings(problems)
	if len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, "\n"))
	}
	return c, nil
}

// Lookup answers fully qualified keys, as settings.Load expects.
func (c *Config) Lookup(key string) (string, bool) {
	v, ok := c.Values[key]
	return v, ok
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

func readYAML(path string, into any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := yaml.Unmarshal(data, into); err != nil {
		return fmt.Errorf("%s: %v", filepath.Base(path), err)
	}
	return nil
}

func isSecure(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode || len(n.Content) != 2 {
		return false
	}
	return n.Content[0].Value == "secure"
}

// render turns a YAML value into the text Pulumi hands a Go program: scalars as written,
// lists and maps as JSON.
func render(n *yaml.Node) (string, error) {
	if n.Kind == yaml.ScalarNode {
		if n.Tag == "!!null" {
			return "", errors.New("has no value")
		}
		return n.Value, nil
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return "", err
	}
	data, err := json.Marshal(normalize(v))
	if err != nil {
		return "", err
	}
	return string(data), nil
}

// normalize makes yaml.v3's decoded values JSON-encodable (map keys become strings) and
// keeps scalars in arrays as Pulumi does (numbers and booleans as text inside string lists
// would be wrong, so they stay typed).
func normalize(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			t[k] = normalize(e)
		}
		return t
	case map[any]any:
		out := map[string]any{}
		for k, e := range t {
			out[fmt.Sprint(k)] = normalize(e)
		}
		return out
	case []any:
		for i, e := range t {
			t[i] = normalize(e)
		}
		return t
	case int:
		return json.Number(strconv.Itoa(t))
	default:
		return t
	}
}
