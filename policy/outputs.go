package policy

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/example/mlplatform/kit"
)

// Secrets shorter than these are too likely to equal some ordinary value ("Standard",
// "westeurope") to call an output that matches them a leak.
const (
	minEchoLength     = 8  // an output equal to the secret
	minContainsLength = 16 // an output embedding the secret
)

var outputRules = []Rule{
	{ID: "OUT-001", Severity: High,
		Description: "A stack output named like a secret (password, secret, token, credential, kubeconfig, connectionString, accessKey, …) must be a secret output. High: plain outputs are printed by `pulumi stack output` and readable through every StackReference.",
		Remediation: "Export pulumi.ToSecret(value), or export the secret's Key Vault URI/name instead of the value.",
		stack:       secretNamedOutputs},
	{ID: "OUT-002", Severity: High,
		Description: "No plain stack output may contain a value that some resource receives as a secret input. High: the output unmasks the secret.",
		Remediation: "Export the output with pulumi.ToSecret, or export a reference (URI, name) instead of the value.",
		stack:       echoedSecrets},
}

// statefulTypes hold data or identity; losing one to a stray `pulumi destroy` or a
// replacement is not recoverable by re-running the program.
var statefulTypes = []string{keyVaultType, configStoreType, mlWorkspaceType, storageAccountType, containerRegType,
	clusterType, cryptoKeyType, applicationType, servicePrincipalType, "gcp:serviceaccount/account:Account"}

var statefulRules = []Rule{
	{ID: "OPS-001", Severity: Low, Types: statefulTypes,
		Description: "Stateful resources (vaults, stores, ML workspace, storage, registry, cluster, KMS keys, identities) should be Pulumi-protected. Low: protection only guards against accidental deletion; dev stacks waive it.",
		Remediation: "Set protectStatefulResources to true for the stack (pulumi.Protect on the resource).",
		check: func(r Resource) []string {
			if r.Protect || !r.Custom {
				return nil
			}
			return msgf("the resource is not protected")
		}},
}

func secretNamedOutputs(st stack) []violation {
	var out []violation
	for _, o := range st.outputs {
		if o.Secret || isSecretValue(o.Value) || !secretLikeName(o.Name) {
			continue
		}
		out = append(out, violation{Name: o.Name, Message: fmt.Sprintf("output %q is named like a secret but is not a secret output", o.Name)})
	}
	return out
}

func echoedSecrets(st stack) []violation {
	secrets := map[string]string{} // secret value -> where it is an input (URN, path)
	for _, r := range st.resources {
		leaves(r.Inputs, func(l leaf) {
			if !l.Secret || !l.V.IsString() || len(l.V.StringValue()) < minEchoLength {
				return
			}
			// Keep the smallest location so the message does not depend on resource order.
			where := r.URN + " input " + l.Path
			if prev, seen := secrets[l.V.StringValue()]; !seen || where < prev {
				secrets[l.V.StringValue()] = where
			}
		})
	}
	if len(secrets) == 0 {
		return nil
	}
	values := make([]string, 0, len(secrets))
	for s := range secrets {
		values = append(values, s)
	}
	sort.Strings(values) // stable messages when several secrets match
	var out []violation
	for _, o := range st.outputs {
		if o.Secret || isSecretValue(o.Value) {
			continue
		}
		var matches []string
		for _, s := range plainStrings(o.Value) {
			for _, secret := range values {
				if s == secret || (len(secret) >= minContainsLength && strings.Contains(s, secret)) {
					matches = append(matches, secrets[secret])
				}
			}
		}
		sort.Strings(matches)
		for i, m := range matches {
			if i > 0 && matches[i-1] == m {
				continue
			}
			out = append(out, violation{Name: o.Name, Message: fmt.Sprintf("output %q is plain but contains the secret given to %s", o.Name, m)})
		}
	}
	return out
}

// isSecretValue reports whether an output value arrives already marked secret.
func isSecretValue(v any) bool {
	switch t := v.(type) {
	case resource.PropertyValue:
		return unwrap(t).Secret
	case *resource.PropertyValue:
		return t != nil && unwrap(*t).Secret
	}
	return false
}

// plainStrings collects every string in an output value that is not inside a secret:
// Go strings, maps, slices and pointers, and property values or maps.
func plainStrings(v any) []string {
	var out []string
	var walk func(v reflect.Value, depth int)
	walk = func(v reflect.Value, depth int) {
		if !v.IsValid() || depth > kit.MaxDepth {
			return
		}
		if v.CanInterface() {
			switch t := v.Interface().(type) {
			case resource.PropertyValue:
				leaves(resource.PropertyMap{"v": t}, func(l leaf) {
					if !l.Secret && l.V.IsString() {
						out = append(out, l.V.StringValue())
					}
				})
				return
			case resource.PropertyMap:
				leaves(t, func(l leaf) {
					if !l.Secret && l.V.IsString() {
						out = append(out, l.V.StringValue())
					}
				})
				return
			}
		}
		switch v.Kind() {
		case reflect.String:
			out = append(out, v.String())
		case reflect.Interface, reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem(), depth+1)
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), depth+1)
			}
		case reflect.Map:
			iter := v.MapRange()
			for iter.Next() {
				walk(iter.Value(), depth+1)
			}
		}
	}
	walk(reflect.ValueOf(v), 0)
	return out
}
