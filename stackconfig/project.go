package stackconfig

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/config"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
)

// applyProjectConfig is the CLI's ValidateStackConfigAndApplyProjectConfig for a stack with no
// ESC environment (Load refuses environment imports first): it merges Pulumi.yaml's defaults
// and values into cfg, then fails on required keys the stack lacks and on values that do not
// have their declared type or secrecy. Since sdk/v3 v3.2xx that function lives in pkg/v3
// (pkg/v3/workspace/config.go, mergeConfig); importing it would link the engine, the plugin host
// and codegen into the plan, so the same steps are ported here with the same messages (the
// corpus test compares this package with the CLI).
func applyProjectConfig(stack string, project *workspace.Project, cfg config.Map, dec config.Decrypter) error {
	projectName := project.Name.String()
	var missing []string
	for _, name := range sortedKeys(project.Config) {
		typ := project.Config[name]
		key, err := parseConfigKey(projectName, name)
		if err != nil {
			return err
		}
		_, onStack, err := cfg.Get(key, true)
		if err != nil {
			return fmt.Errorf("getting stack config value for key '%v': %w", key.String(), err)
		}
		hasDefault, hasValue := typ.Default != nil, typ.Value != nil
		switch {
		case !onStack && !hasValue && !hasDefault && key.Namespace() == projectName:
			missing = append(missing, name)
		case !onStack && (hasValue || hasDefault):
			value := typ.Value
			if hasDefault { // as the CLI does: a default wins over a value
				value = typ.Default
			}
			v, err := configValue(value)
			if err != nil {
				return err
			}
			if err := cfg.Set(key, v, true); err != nil {
				return err
			}
		}
	}
	if len(missing) > 0 {
		return missingKeysError(missing, stack)
	}
	return validateValues(stack, project, cfg, dec)
}

func sortedKeys(m map[string]workspace.ProjectConfigType) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// validateValues checks every explicitly typed project key's stack value.
func validateValues(stack string, project *workspace.Project, cfg config.Map, dec config.Decrypter) error {
	if _, err := cfg.Decrypt(dec); err != nil {
		return err
	}
	for _, name := range sortedKeys(project.Config) {
		typ := project.Config[name]
		key, err := parseConfigKey(project.Name.String(), name)
		if err != nil {
			return err
		}
		v, _, err := cfg.Get(key, true)
		if err != nil {
			return fmt.Errorf("getting stack config value for key '%v': %w", key.String(), err)
		}
		if !typ.IsExplicitlyTyped() {
			continue
		}
		plain, err := v.Value(dec) // nested values too, which the decrypted map lacks
		if err != nil {
			return err
		}
		if err := validateValue(stack, name, typ, v, plain); err != nil {
			return err
		}
	}
	return nil
}

func validateValue(stack, name string, typ workspace.ProjectConfigType, v config.Value, plain string) error {
	if typ.Secret && !v.Secure() {
		return fmt.Errorf("Stack '%v' with configuration key '%v' must be encrypted as it's secret", stack, name)
	}
	var content any = plain
	if v.Object() {
		if err := json.Unmarshal([]byte(plain), &content); err != nil {
			return err
		}
	}
	if !workspace.ValidateConfigValue(*typ.Type, typ.Items, content) {
		return fmt.Errorf("Stack '%v' with configuration key '%v' must be of type '%v'", stack, name,
			workspace.InferFullTypeName(*typ.Type, typ.Items))
	}
	return nil
}

func parseConfigKey(projectName, key string) (config.Key, error) {
	if strings.Contains(key, ":") {
		return config.ParseKey(key)
	}
	return config.MustMakeKey(projectName, key), nil
}

// configValue renders a project default as the CLI stores it: a scalar as its text, anything
// else as a JSON object value.
func configValue(raw any) (config.Value, error) {
	switch raw.(type) {
	case string, int, bool:
		return config.NewValue(fmt.Sprintf("%v", raw)), nil
	}
	v, err := workspace.SimplifyMarshalledValue(raw)
	if err != nil {
		return config.Value{}, err
	}
	data, err := json.Marshal(v)
	if err != nil {
		return config.Value{}, err
	}
	return config.NewObjectValue(string(data)), nil
}

func missingKeysError(keys []string, stack string) error {
	sort.Strings(keys)
	word := "value"
	if len(keys) > 1 {
		word = "values"
	}
	var b strings.Builder
	for i, k := range keys {
		switch {
		case len(keys) == 1:
			fmt.Fprintf(&b, "'%v'", k)
		case i == len(keys)-1:
			fmt.Fprintf(&b, "and '%s'", k)
		case i == len(keys)-2:
			fmt.Fprintf(&b, "'%s' ", k)
		default:
			fmt.Fprintf(&b, "'%s', ", k)
		}
	}
	return fmt.Errorf("Stack '%v' is missing configuration %v %v", stack, word, b.String())
}
