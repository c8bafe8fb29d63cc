package mocks

import (
	"context"
	"fmt"
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/internals"
)

// The SDK's mock monitor records stack transforms (ctx.RegisterResourceTransform) but does not
// run them: it hands them to mocks that implement pulumi.MockResourceMonitorWithTransforms.
// The engine runs them on every registration before it calls the provider and writes state, so
// these mocks do the same; otherwise the offline plan would show inputs the engine never stores.

// RegisterTransform records a stack transform; NewResource runs it on every later registration.
func (m *Mocks) RegisterTransform(t pulumi.ResourceTransform) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.transforms = append(m.transforms, t)
}

// RegisterInvokeTransform records nothing: the program registers no invoke transform, and one
// that it did would need running in Call as the engine does.
func (m *Mocks) RegisterInvokeTransform(pulumi.InvokeTransform) {}

// transform runs the stack transforms on a registration's inputs, in registration order, as the
// engine does. A transform answering nil leaves the inputs as they were sent.
func (m *Mocks) transform(args pulumi.MockResourceArgs) (resource.PropertyMap, error) {
	m.mu.Lock()
	transforms := append([]pulumi.ResourceTransform(nil), m.transforms...)
	m.mu.Unlock()
	inputs := args.Inputs
	if args.ReadRPC != nil { // the engine runs transforms on registrations, not on reads
		return inputs, nil
	}
	for _, t := range transforms {
		res := t(context.Background(), &pulumi.ResourceTransformArgs{
			Custom: args.Custom, Type: args.TypeToken, Name: args.Name, Props: toInputMap(inputs),
		})
		if res == nil {
			continue
		}
		out, err := fromInput(context.Background(), res.Props)
		if err != nil {
			return nil, fmt.Errorf("transform of %s %q: %w", args.TypeToken, args.Name, err)
		}
		inputs = out.ObjectValue()
	}
	return inputs, nil
}

// kept carries a property value that has no plain input form (an asset, archive or resource
// reference) through a transform unchanged.
type kept struct{ v resource.PropertyValue }

func (kept) ElementType() reflect.Type { return reflect.TypeOf(resource.PropertyValue{}) }

// toInputMap gives inputs the form the engine's transform protocol gives a Go transform (the
// SDK's unmarshalPropertyMap): plain values as String, Float64, Bool, Array and Map; a secret as
// the secret output of its value; an unknown as an unknown output.
func toInputMap(props resource.PropertyMap) pulumi.Map {
	out := make(pulumi.Map, len(props))
	for k, v := range props {
		out[string(k)] = toInput(v)
	}
	return out
}

func toInput(v resource.PropertyValue) pulumi.Input {
	switch {
	case v.IsNull():
		return nil
	case v.IsString():
		return pulumi.String(v.StringValue())
	case v.IsNumber():
		return pulumi.Float64(v.NumberValue())
	case v.IsBool():
		return pulumi.Bool(v.BoolValue())
	case v.IsArray():
		out := make(pulumi.Array, len(v.ArrayValue()))
		for i, e := range v.ArrayValue() {
			out[i] = toInput(e)
		}
		return out
	case v.IsObject():
		return toInputMap(v.ObjectValue())
	case v.IsSecret():
		return pulumi.ToSecret(toInput(v.SecretValue().Element))
	case v.IsComputed():
		return pulumi.UnsafeUnknownOutput(nil)
	}
	return kept{v}
}

// fromInput is toInput's inverse: what the SDK sends the engine for a transform's result.
func fromInput(ctx context.Context, in pulumi.Input) (resource.PropertyValue, error) {
	switch x := in.(type) {
	case nil:
		return resource.NewNullProperty(), nil
	case kept:
		return x.v, nil
	case pulumi.Output:
		r, err := internals.UnsafeAwaitOutput(ctx, x)
		if err != nil {
			return resource.PropertyValue{}, err
		}
		if !r.Known {
			return resource.MakeComputed(resource.NewStringProperty("")), nil
		}
		v, err := fromValue(ctx, r.Value)
		if err != nil || !r.Secret {
			return v, err
		}
		return resource.MakeSecret(v), nil
	}
	return fromValue(ctx, in)
}

// fromValue converts a plain or input value (the element of an awaited output included).
func fromValue(ctx context.Context, v any) (resource.PropertyValue, error) {
	switch x := v.(type) {
	case pulumi.Map:
		return fromMap(ctx, x)
	case map[string]any:
		m := make(pulumi.Map, len(x))
		for k, e := range x {
			m[k] = plain{e}
		}
		return fromMap(ctx, m)
	case pulumi.Array:
		return fromArray(ctx, x)
	case []any:
		a := make(pulumi.Array, len(x))
		for i, e := range x {
			a[i] = plain{e}
		}
		return fromArray(ctx, a)
	case plain:
		return fromValue(ctx, x.v)
	case pulumi.Output, kept:
		return fromInput(ctx, x.(pulumi.Input))
	case pulumi.String:
		return resource.NewStringProperty(string(x)), nil
	case pulumi.Float64:
		return resource.NewNumberProperty(float64(x)), nil
	case pulumi.Bool:
		return resource.NewBoolProperty(bool(x)), nil
	case string, float64, bool, nil:
		return resource.NewPropertyValue(x), nil
	}
	return resource.PropertyValue{}, fmt.Errorf("mocks: a transform returned %T, which the mocks cannot send", v)
}

// plain carries an awaited output's nested Go value back through fromMap and fromArray.
type plain struct{ v any }

func (plain) ElementType() reflect.Type { return reflect.TypeOf((*any)(nil)).Elem() }

func fromMap(ctx context.Context, m pulumi.Map) (resource.PropertyValue, error) {
	out := make(resource.PropertyMap, len(m))
	for k, e := range m {
		v, err := fromInput(ctx, e)
		if err != nil {
			return resource.PropertyValue{}, err
		}
		out[resource.PropertyKey(k)] = v
	}
	return resource.NewObjectProperty(out), nil
}

func fromArray(ctx context.Context, a pulumi.Array) (resource.PropertyValue, error) {
	out := make([]resource.PropertyValue, len(a))
	for i, e := range a {
		v, err := fromInput(ctx, e)
		if err != nil {
			return resource.PropertyValue{}, err
		}
		out[i] = v
	}
	return resource.NewArrayProperty(out), nil
}
