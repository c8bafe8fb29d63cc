package stack

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/gcp"
	"github.com/example/mlplatform/settings"
)

// SecretTexts is every text a secret config value can take in an input: its plaintext and the
// forms the program derives from it (a GCP label value).
func SecretTexts(s *settings.Settings) []string {
	var out []string
	for _, v := range s.SecretValues {
		out = append(out, v)
		if l := gcp.LabelValue(v); l != v && l != "" {
			out = append(out, l)
		}
	}
	return out
}

// KeepSecret makes every resource input that contains a secret config value a Pulumi secret,
// so the engine encrypts it in state and masks it in previews. Settings are plain Go values
// (names, tags, ranges), so secrecy cannot ride on them; a stack-wide resource transform sees
// every registration's inputs in one place instead. Nothing is registered when no config value
// is secret.
//
// The transform runs in the engine's transform protocol: the engine calls it back with the
// inputs as it received them (plain values; secrets and unknowns as outputs), so nothing is left
// to await. The SDK's mock monitor does not run transforms: internal/mocks runs the registered
// ones itself, so the offline plan and the tests see what the engine stores.
func KeepSecret(ctx *pulumi.Context, secrets []string) error {
	if len(secrets) == 0 {
		return nil
	}
	return ctx.RegisterResourceTransform(secretTransform(secrets))
}

// secretTransform is KeepSecret's transform. It answers nil (no change) for a resource without
// a secret text: the engine then keeps that registration exactly as sent, options included,
// where a result would have them round-trip through the SDK (which drops some, such as
// DeletedWith and HideDiffs, in v3.276.0).
func secretTransform(secrets []string) pulumi.ResourceTransform {
	return func(_ context.Context, args *pulumi.ResourceTransformArgs) *pulumi.ResourceTransformResult {
		props, changed := taintProps(args.Props, secrets)
		if !changed {
			return nil
		}
		return &pulumi.ResourceTransformResult{Props: props.(pulumi.Map), Opts: args.Opts}
	}
}

// taintProps returns v with every string that contains a secret text replaced by its secret,
// and whether any was. It walks the values a transform receives (pulumi.Map, Array, String and
// scalars); outputs there are already secret or unknown, and an unknown cannot be judged: it is
// judged when the update registers it known.
func taintProps(v pulumi.Input, secrets []string) (pulumi.Input, bool) {
	switch x := v.(type) {
	case pulumi.String, pulumi.Float64, pulumi.Bool:
		// render, as for stack outputs: a scalar is judged by its JSON and its printed text.
		if containsSecret(render(x), secrets) {
			return pulumi.ToSecret(x), true
		}
	case pulumi.Map:
		out, changed := make(pulumi.Map, len(x)), false
		for k, e := range x {
			ne, c := taintProps(e, secrets)
			out[k], changed = ne, changed || c
		}
		if changed {
			return out, true
		}
	case pulumi.Array:
		out, changed := make(pulumi.Array, len(x)), false
		for i, e := range x {
			ne, c := taintProps(e, secrets)
			out[i], changed = ne, changed || c
		}
		if changed {
			return out, true
		}
	}
	return v, false
}

// taintInput returns in, or a secret in its place when its value contains a secret text.
func taintInput(in pulumi.Input, secrets []string) pulumi.Input {
	if in == nil || len(secrets) == 0 {
		return in
	}
	return taintValue(reflect.ValueOf(in), secrets).Interface().(pulumi.Input)
}

var (
	outputType = reflect.TypeOf((*pulumi.Output)(nil)).Elem()
	inputType  = reflect.TypeOf((*pulumi.Input)(nil)).Elem()
)

// taintValue walks an input value: args structs (by value or pointer), arrays and maps of
// inputs, and scalars. A known scalar that contains a secret becomes pulumi.ToSecret of
// itself; an output is re-derived so that it turns secret once its value is known to contain
// one (ApplyT flattens the returned output, secrecy included). Anything else is kept as is.
func taintValue(v reflect.Value, secrets []string) reflect.Value {
	if !v.IsValid() {
		return v
	}
	if v.Type().Implements(outputType) {
		return taintOutput(v, secrets)
	}
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		return taintValue(v.Elem(), secrets)
	case reflect.Pointer:
		if v.IsNil() || v.Elem().Kind() != reflect.Struct {
			return v
		}
		cp := reflect.New(v.Elem().Type())
		cp.Elem().Set(taintStruct(v.Elem(), secrets))
		return cp
	case reflect.Struct:
		return taintStruct(v, secrets)
	case reflect.Slice:
		cp := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			setIfFits(cp.Index(i), taintValue(v.Index(i), secrets))
		}
		return cp
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		cp := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			nv := taintValue(it.Value(), secrets)
			if !nv.Type().AssignableTo(v.Type().Elem()) {
				nv = it.Value()
			}
			cp.SetMapIndex(it.Key(), nv)
		}
		return cp
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int64, reflect.Float64:
		if v.Type().Implements(inputType) && containsSecret(render(v.Interface()), secrets) {
			return reflect.ValueOf(pulumi.ToSecret(v.Interface()))
		}
	}
	return v
}

func taintStruct(v reflect.Value, secrets []string) reflect.Value {
	cp := reflect.New(v.Type()).Elem()
	cp.Set(v)
	for i := 0; i < v.NumField(); i++ {
		if f := cp.Field(i); f.CanSet() {
			setIfFits(f, taintValue(v.Field(i), secrets))
		}
	}
	return cp
}

// setIfFits stores nv into dst when the type allows (a secret output where an input
// interface is expected); otherwise dst keeps its value.
func setIfFits(dst, nv reflect.Value) {
	if nv.IsValid() && nv.Type().AssignableTo(dst.Type()) {
		dst.Set(nv)
	}
}

// taintOutput re-derives an output: once known, its value is checked and, if it contains a
// secret, the secret form of the same output is returned in its place.
func taintOutput(v reflect.Value, secrets []string) reflect.Value {
	out := v.Interface().(pulumi.Output)
	typ := v.Type()
	fnType := reflect.FuncOf([]reflect.Type{out.ElementType()}, []reflect.Type{typ}, false)
	fn := reflect.MakeFunc(fnType, func(args []reflect.Value) []reflect.Value {
		if containsSecret(render(args[0].Interface()), secrets) {
			// ToSecret keeps the output's concrete type (sdk internal.toOutputWithContext).
			return []reflect.Value{reflect.ValueOf(pulumi.ToSecret(out))}
		}
		return []reflect.Value{v}
	})
	return reflect.ValueOf(out.ApplyT(fn.Interface()))
}

// render is a value's text as JSON (nested structures included) and as Go prints it.
func render(v any) string {
	data, _ := json.Marshal(v)
	return string(data) + "\n" + fmt.Sprint(v)
}

func containsSecret(text string, secrets []string) bool {
	for _, s := range secrets {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}
