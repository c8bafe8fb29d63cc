package plan

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"gopkg.in/yaml.v3"
)

// Placeholders written in place of values no file may hold or the plan cannot know.
const (
	SecretPlaceholder  = "[secret]"
	UnknownPlaceholder = "[unknown]"
)

// WriteManifests writes every Kubernetes object the stack registers into dir as YAML, one file
// per object (<kind>-<namespace>-<name>.yaml), with its inputs exactly as registered, so that
// the scanners and validators a team already runs can read them. apiVersion and kind come from
// the type token where the inputs lack them. A secret value is written as "[secret]" and a
// value the plan cannot know as "[unknown]": no credential reaches a file, the structure stays.
// It returns the files written, sorted.
func (r *Result) WriteManifests(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var written []string
	for _, res := range r.policyInput.Resources {
		apiVersion, kind, ok := kubernetesKind(res.Type)
		if !ok || !res.Custom {
			continue
		}
		obj := plainObject(res.Inputs)
		if _, has := obj["apiVersion"]; !has {
			obj["apiVersion"] = apiVersion
		}
		if _, has := obj["kind"]; !has {
			// A Pulumi patch (ServiceAccountPatch) is a partial object of its kind.
			obj["kind"] = strings.TrimSuffix(kind, "Patch")
		}
		name := manifestName(kind, obj, res.Name, written)
		data, err := yaml.Marshal(obj)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", res.URN, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return nil, err
		}
		written = append(written, name)
	}
	sort.Strings(written)
	return written, nil
}

// kubernetesKind reads "kubernetes:apps/v1:Deployment" as apps/v1, Deployment; the core group
// is written v1, as in a manifest. Providers and other packages are not objects.
func kubernetesKind(token string) (apiVersion, kind string, ok bool) {
	parts := strings.Split(token, ":")
	if len(parts) != 3 || parts[0] != "kubernetes" || !strings.Contains(parts[1], "/") {
		return "", "", false
	}
	return strings.TrimPrefix(parts[1], "core/"), parts[2], true
}

// manifestName is <kind>-<namespace>-<name>.yaml in lower case (the logical name when the
// object is auto-named), with a number added if two objects would share a file.
func manifestName(kind string, obj map[string]any, logical string, taken []string) string {
	meta, _ := obj["metadata"].(map[string]any)
	ns, _ := meta["namespace"].(string)
	name, _ := meta["name"].(string)
	if ns == "" {
		ns = "cluster"
	}
	if name == "" || name == UnknownPlaceholder {
		name = logical
	}
	base := strings.ToLower(kind + "-" + ns + "-" + name)
	candidate := base + ".yaml"
	for i := 2; slices.Contains(taken, candidate); i++ {
		candidate = fmt.Sprintf("%s-%d.yaml", base, i)
	}
	return candidate
}

// plainObject turns registered inputs into plain YAML values, secrets and unknowns replaced.
func plainObject(m resource.PropertyMap) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		if p, keep := plainValue(v); keep {
			out[string(k)] = p
		}
	}
	return out
}

func plainValue(v resource.PropertyValue) (any, bool) {
	switch {
	case v.IsSecret():
		return masked(v.SecretValue().Element), true
	case v.IsComputed():
		return UnknownPlaceholder, true
	case v.IsOutput():
		o := v.OutputValue()
		if o.Secret && o.Known {
			return masked(o.Element), true
		}
		if !o.Known {
			return UnknownPlaceholder, true
		}
		return plainValue(o.Element)
	case v.IsObject():
		return plainObject(v.ObjectValue()), true
	case v.IsArray():
		var out []any
		for _, e := range v.ArrayValue() {
			if p, keep := plainValue(e); keep {
				out = append(out, p)
			}
		}
		return out, true
	case v.IsNull():
		return nil, false
	case v.IsNumber() && v.NumberValue() == math.Trunc(v.NumberValue()) && math.Abs(v.NumberValue()) < 1<<53:
		return int64(v.NumberValue()), true // a port or a count, not 8080.0 or 1e+06
	}
	return v.V, true
}

// masked keeps a secret's shape (object keys, list lengths) and hides every value in it, so a
// Secret's stringData stays a map a validator accepts.
func masked(v resource.PropertyValue) any {
	switch {
	case v.IsObject():
		out := map[string]any{}
		for k, e := range v.ObjectValue() {
			out[string(k)] = masked(e)
		}
		return out
	case v.IsArray():
		var out []any
		for _, e := range v.ArrayValue() {
			out = append(out, masked(e))
		}
		return out
	case v.IsSecret():
		return masked(v.SecretValue().Element)
	}
	return SecretPlaceholder
}
