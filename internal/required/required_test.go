package required

import (
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestArgsNamesEveryMissingArgument(t *testing.T) {
	var nilPtr *struct{}
	var neverBuilt pulumi.StringOutput // a field of a component that was never constructed
	err := Args("gcp.NewThing", map[string]any{
		"Present": pulumi.String("x"), "Output": pulumi.String("y").ToStringOutput(), "Count": 0,
		"Nil": nil, "NilPointer": nilPtr, "Empty": "", "NeverBuilt": neverBuilt, "NoSlice": []string(nil), "Never": time.Time{}, "Now": time.Now(),
	})
	want := "gcp.NewThing: missing required arguments: Empty, Never, NeverBuilt, Nil, NilPointer, NoSlice"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	if err := Args("gcp.NewThing", map[string]any{"Present": "x", "Flag": false}); err != nil {
		t.Errorf("all present: %v", err)
	}
}
