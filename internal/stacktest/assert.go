package stacktest

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/example/mlplatform/internal/mocks"
)

// The assertions the components' tests share about what a program registered.

// Checker compares values at paths of one registration's inputs.
type Checker struct {
	t    *testing.T
	what string
	pm   resource.PropertyMap
}

// In checks r's inputs.
func In(t *testing.T, r mocks.Resource) Checker {
	return Checker{t: t, what: r.Type + " " + r.Name, pm: r.Inputs}
}

// Eq: the value at path (object keys and array indexes) prints as want does; an int want is
// compared as the float64 the inputs hold.
func (c Checker) Eq(want interface{}, path ...interface{}) {
	c.t.Helper()
	got := mocks.At(c.pm, path...)
	if n, ok := want.(int); ok {
		want = float64(n)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		c.t.Errorf("%s %v = %#v, want %#v", c.what, path, got, want)
	}
}

// Absent: nothing is set at path.
func (c Checker) Absent(path ...interface{}) {
	c.t.Helper()
	if got := mocks.At(c.pm, path...); got != nil {
		c.t.Errorf("%s %v = %#v, want unset", c.what, path, got)
	}
}

// One is the single registration of token.
func One(t *testing.T, m *mocks.Mocks, token string) mocks.Resource {
	t.Helper()
	rs := m.ByType(token)
	if len(rs) != 1 {
		t.Fatalf("%d resources of type %s, want 1", len(rs), token)
	}
	return rs[0]
}

// DependsOn: r depends on each of on (among others).
func DependsOn(t *testing.T, r mocks.Resource, on ...mocks.Resource) {
	t.Helper()
	for _, d := range on {
		if !slices.Contains(r.Dependencies, d.URN) {
			t.Errorf("%s %s does not depend on %s %s", r.Type, r.Name, d.Type, d.Name)
		}
	}
}

// Deps: r depends on exactly the given registrations (the resources whose outputs it
// consumes), so any needless DependsOn shows up as an extra entry.
func Deps(t *testing.T, r mocks.Resource, on ...mocks.Resource) {
	t.Helper()
	var want []string
	for _, d := range on {
		want = append(want, d.URN)
	}
	sort.Strings(want)
	if !reflect.DeepEqual(r.Dependencies, want) {
		t.Errorf("%s %s dependencies:\n got %v\nwant %v", r.Type, r.Name, r.Dependencies, want)
	}
}

// Inputs checks each dot-separated path of r's inputs against its plain value.
func Inputs(t *testing.T, r mocks.Resource, want map[string]interface{}) {
	t.Helper()
	in := r.Inputs.Mappable()
	for path, w := range want {
		var cur interface{} = in
		for _, part := range strings.Split(path, ".") {
			obj, _ := cur.(map[string]interface{})
			cur = obj[part]
		}
		if !reflect.DeepEqual(cur, w) {
			t.Errorf("%s %s: %s = %#v, want %#v", r.Type, r.Name, path, cur, w)
		}
	}
}

// RoleMembers are the roles the IAM members of token grant member, sorted.
func RoleMembers(m *mocks.Mocks, token, member string) []string {
	var roles []string
	for _, r := range m.ByType(token) {
		if mocks.At(r.Inputs, "member") == member {
			roles = append(roles, mocks.At(r.Inputs, "role").(string))
		}
	}
	sort.Strings(roles)
	return roles
}
