package main

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/example/mlplatform/policy"
)

// The prod plan walks "a person in iapAccessMembers → entryUrl → the microservice" whole;
// removing or breaking any one link makes ENTRY-001 name that link.
func TestEntryJourneyNamesEveryBrokenLink(t *testing.T) {
	m, err := runWith(t, "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	full := policyView(m)
	if fs := ruleFindings(full, "ENTRY-001"); len(fs) != 0 {
		t.Fatalf("prod journey incomplete: %v", fs)
	}
	byName := func(name string) func(policy.Resource) bool {
		return func(r policy.Resource) bool { return r.Name == name }
	}
	noLabels := func(r policy.Resource) policy.Resource {
		r.Inputs = r.Inputs.Copy()
		meta := r.Inputs["metadata"].ObjectValue().Copy()
		meta["labels"] = resource.NewObjectProperty(resource.PropertyMap{})
		r.Inputs["metadata"] = resource.NewObjectProperty(meta)
		return r
	}
	without := func(path string) func(policy.Resource) policy.Resource {
		return func(r policy.Resource) policy.Resource {
			r.Inputs = r.Inputs.Copy()
			spec := r.Inputs["spec"].ObjectValue().Copy()
			def := spec["default"].ObjectValue().Copy()
			delete(def, resource.PropertyKey(path))
			spec["default"] = resource.NewObjectProperty(def)
			r.Inputs["spec"] = resource.NewObjectProperty(spec)
			return r
		}
	}
	for _, tc := range []struct {
		link  string
		match func(policy.Resource) bool
		edit  func(policy.Resource) policy.Resource // nil removes the resource
	}{
		{"address", typeIs("gcp:compute/globalAddress:GlobalAddress"), nil},
		{"certificate", typeIs("gcp:certificatemanager/certificateMapEntry:CertificateMapEntry"), nil},
		{"route", byName("entry-route-https"), nil},
		{"IAP", byName("entry-iap-oauth-client"), nil},
		{"IAP access", typeIs("gcp:iap/webTypeComputeIamMember:WebTypeComputeIamMember"), nil},
		{"Cloud Armor", typeIs("gcp:compute/securityPolicy:SecurityPolicy"), nil},
		{"Cloud Armor", byName("entry-backend-policy"), without("securityPolicy")},
		{"mesh ingress", byName("entry-gateway-service"), nil},
		{"mesh ingress", byName("entry-namespace"), noLabels},
		{"IAP header check", byName("entry-iap-jwt"), nil},
		{"IAP header check", byName("entry-allow-load-balancer"), nil},
		{"IAP keys", byName("entry-iap-jwks-entry"), nil},
		{"IAP keys", byName("entry-iap-jwks-tls"), nil},
		{"mesh routing", byName("entry-mesh-gateway"), nil},
		{"mesh routing", byName("entry-virtualservice"), nil},
		{"AuthorizationPolicy", byName("microservice-allow-ingress"), nil},
		{"sidecar", byName("mesh-namespace"), noLabels},
	} {
		var kept []policy.Resource
		hit := 0
		for _, r := range full {
			if !tc.match(r) {
				kept = append(kept, r)
				continue
			}
			hit++
			if tc.edit != nil {
				kept = append(kept, tc.edit(r))
			}
		}
		if hit == 0 {
			t.Fatalf("%s: the plan has no such resource", tc.link)
		}
		fs := ruleFindings(kept, "ENTRY-001")
		if len(fs) != 1 || !strings.Contains(fs[0].Message, "link \""+tc.link+"\"") {
			t.Errorf("breaking %s (%d resource(s)): want one finding naming it, got %v", tc.link, hit, fs)
		}
	}
}
