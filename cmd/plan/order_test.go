package main

import (
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/plan"
	"github.com/example/mlplatform/policy"
)

// The journey "first `up` ordering" in the real prod plan: every Istio object and every meshed
// Deployment waits for the mesh gate, which checks what each needs within Google's install time.
// Breaking any one link makes ORDER-001 name it.
func TestFirstUpOrderingNamesEveryBrokenLink(t *testing.T) {
	r, err := plan.Run(stacktest.Root(), "prod", time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	full := r.PolicyInput().Resources
	if fs := ruleFindings(full, "ORDER-001"); len(fs) != 0 {
		t.Fatalf("prod ordering incomplete: %v", fs)
	}
	const (
		job   = "kubernetes:batch/v1:Job"
		role  = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole"
		authz = "kubernetes:security.istio.io/v1:AuthorizationPolicy"
		dep   = "kubernetes:apps/v1:Deployment"
	)
	var gate string
	for _, x := range full {
		if x.Type == job {
			gate = x.URN
		}
	}
	for _, tc := range []struct {
		broken, subject, link string
		edit                  func(policy.Resource) policy.Resource
	}{
		{"AuthorizationPolicy's dependency on the gate", "microservice-deny-all", "waits for the mesh gate",
			onlyFor(authz, "microservice-deny-all", withoutDependency(gate))},
		{"ingress gateway Deployment's dependency on the gate", "entry-gateway-deployment", "waits for the mesh gate",
			onlyFor(dep, "entry-gateway-deployment", withoutDependency(gate))},
		{"microservice Deployment's dependency on the gate", "microservice-deployment", "waits for the mesh gate",
			onlyFor(dep, "microservice-deployment", withoutDependency(gate))},
		{"gate's CRD coverage", "entry-allow-load-balancer", "gate checks customresourcedefinitions/authorizationpolicies.security.istio.io",
			onlyFor(role, "", withoutRuleFor("authorizationpolicies.security.istio.io"))},
		{"gate's CRD coverage", "entry-virtualservice", "gate checks customresourcedefinitions/virtualservices.networking.istio.io",
			onlyFor(role, "", withoutRuleFor("virtualservices.networking.istio.io"))},
		{"gate's injection coverage", "microservice-deployment", "gate checks controlplanerevisions/",
			onlyFor(role, "", withoutRuleFor("controlplanerevisions"))},
		{"gate's deadline", "", "gate's wait covers the mesh install",
			onlyFor(job, "", withDeadline(600))},
		{"gate's replacement after a failure", "", "gate runs again after it failed",
			onlyFor(job, "", withAnnotation("pulumi.com/replaceUnready", "false"))},
	} {
		var edited []policy.Resource
		for _, x := range full {
			edited = append(edited, tc.edit(x))
		}
		found := false
		for _, f := range ruleFindings(edited, "ORDER-001") {
			if strings.Contains(f.Message, "missing link: "+tc.link) && (tc.subject == "" || f.Name == tc.subject) {
				found = true
			}
		}
		if !found {
			t.Errorf("without the %s: want a finding on %q naming %q, got %v", tc.broken, tc.subject, tc.link, ruleFindings(edited, "ORDER-001"))
		}
	}
}

func onlyFor(typ, name string, edit func(policy.Resource) policy.Resource) func(policy.Resource) policy.Resource {
	return func(r policy.Resource) policy.Resource {
		if r.Type == typ && (name == "" || r.Name == name) {
			return edit(r)
		}
		return r
	}
}

func withoutDependency(urn string) func(policy.Resource) policy.Resource {
	return func(r policy.Resource) policy.Resource {
		var deps []string
		for _, d := range r.Dependencies {
			if d != urn {
				deps = append(deps, d)
			}
		}
		r.Dependencies = deps
		return r
	}
}

// withoutRuleFor drops the ClusterRole rules that name what (a resource or a resource name).
func withoutRuleFor(what string) func(policy.Resource) policy.Resource {
	return func(r policy.Resource) policy.Resource {
		in := r.Inputs.Copy()
		var kept []resource.PropertyValue
		for _, rule := range in["rules"].ArrayValue() {
			m := rule.ObjectValue().Mappable()
			if strings.Contains(strings.Join(strs(m["resources"]), " ")+" "+strings.Join(strs(m["resourceNames"]), " "), what) {
				continue
			}
			kept = append(kept, rule)
		}
		in["rules"] = resource.NewArrayProperty(kept)
		r.Inputs = in
		return r
	}
}

func strs(v any) []string {
	var out []string
	l, _ := v.([]any)
	for _, x := range l {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

func withAnnotation(key, value string) func(policy.Resource) policy.Resource {
	return func(r policy.Resource) policy.Resource {
		in := r.Inputs.Copy()
		meta := in["metadata"].ObjectValue().Copy()
		ann := meta["annotations"].ObjectValue().Copy()
		ann[resource.PropertyKey(key)] = resource.NewStringProperty(value)
		meta["annotations"] = resource.NewObjectProperty(ann)
		in["metadata"] = resource.NewObjectProperty(meta)
		r.Inputs = in
		return r
	}
}

func withDeadline(seconds float64) func(policy.Resource) policy.Resource {
	return func(r policy.Resource) policy.Resource {
		in := r.Inputs.Copy()
		spec := in["spec"].ObjectValue().Copy()
		spec["activeDeadlineSeconds"] = resource.NewNumberProperty(seconds)
		in["spec"] = resource.NewObjectProperty(spec)
		r.Inputs = in
		return r
	}
}
