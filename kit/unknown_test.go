package kit

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// A check that passes because a value is unknown says which one; a known value leaves nothing.
func TestUnknownsNamesWhatACheckCouldNotJudge(t *testing.T) {
	check := All(IsTrue("properties.enableRbacAuthorization"), Enum("sku.name", "", "premium"))
	unknown := Resource{Inputs: resource.PropertyMap{
		"properties": resource.MakeComputed(resource.NewStringProperty("")),
		"sku":        resource.NewObjectProperty(resource.PropertyMap{"name": resource.NewStringProperty("premium")}),
	}}
	msgs, paths := Unknowns(check, unknown)
	if len(msgs) != 0 || strings.Join(paths, ",") != "properties.enableRbacAuthorization" {
		t.Errorf("unknown properties: messages %v, unknown %v; want none and the one path", msgs, paths)
	}
	known := Resource{Inputs: resource.PropertyMap{
		"properties": resource.NewObjectProperty(resource.PropertyMap{"enableRbacAuthorization": resource.NewBoolProperty(true)}),
		"sku":        resource.MakeComputed(resource.NewStringProperty("")),
	}}
	if _, paths := Unknowns(check, known); strings.Join(paths, ",") != "sku.name" {
		t.Errorf("unknown sku: %v", paths)
	}
	// Outside a trace nothing is recorded.
	Get(unknown.Inputs, "properties.x")
	if _, paths := Unknowns(func(Resource) []string { return nil }, unknown); len(paths) != 0 {
		t.Errorf("a check that reads nothing reports %v", paths)
	}
}
