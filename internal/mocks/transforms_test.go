package mocks

import (
	"context"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

type thing struct{ pulumi.CustomResourceState }

// The mocks run a stack transform on every later registration, as the engine does: its result
// is what they record and provision, its nil answer keeps the inputs exactly as sent, and a read
// is not transformed. (No resource is registered before the transform: the Go SDK sends a
// registration from a goroutine, so one made just before may still reach the monitor after it;
// the program registers its transform before any resource.)
func TestStackTransformsRun(t *testing.T) {
	m := New("proj", "dev")
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		err := ctx.RegisterResourceTransform(func(_ context.Context, a *pulumi.ResourceTransformArgs) *pulumi.ResourceTransformResult {
			if a.Name == "untouched" {
				return nil
			}
			props := pulumi.Map{}
			for k, v := range a.Props {
				props[k] = v
			}
			props["v"] = pulumi.ToSecret(props["v"])
			props["added"] = pulumi.Array{pulumi.Float64(1), pulumi.Map{"b": pulumi.Bool(true)}}
			return &pulumi.ResourceTransformResult{Props: props, Opts: a.Opts}
		})
		if err != nil {
			return err
		}
		in := pulumi.Map{"v": pulumi.String("x"), "nested": pulumi.Map{"s": pulumi.ToSecret(pulumi.String("y"))}}
		for _, name := range []string{"after", "untouched"} {
			var r thing
			if err := ctx.RegisterResource("test:index:Thing", name, in, &r); err != nil {
				return err
			}
		}
		var read thing
		return ctx.ReadResource("test:index:Thing", "read", pulumi.ID("id-1"), pulumi.Map{"v": pulumi.String("x")}, &read)
	}, m.RunOptions(nil, nil)...)
	if err != nil {
		t.Fatal(err)
	}
	nested := resource.NewObjectProperty(resource.PropertyMap{"s": resource.MakeSecret(resource.NewStringProperty("y"))})
	want := map[string]resource.PropertyMap{
		"untouched": {"v": resource.NewStringProperty("x"), "nested": nested},
		"read":      {"v": resource.NewStringProperty("x")},
		"after": {"v": resource.MakeSecret(resource.NewStringProperty("x")), "nested": nested,
			"added": resource.NewArrayProperty([]resource.PropertyValue{resource.NewNumberProperty(1),
				resource.NewObjectProperty(resource.PropertyMap{"b": resource.NewBoolProperty(true)})})},
	}
	for name, w := range want {
		r, ok := m.Find("test:index:Thing", name)
		if !ok {
			t.Fatalf("%s not registered", name)
		}
		if !r.Inputs.DeepEquals(w) {
			t.Errorf("%s: inputs %v, want %v", name, r.Inputs, w)
		}
		if name == "after" && !r.Outputs["v"].IsSecret() {
			t.Errorf("after: output v %v is not secret: the provider was not given the transformed inputs", r.Outputs["v"])
		}
	}
}
