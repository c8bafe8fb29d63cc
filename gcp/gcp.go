// Package gcp stands up the Google Cloud half of the platform: the project's APIs, a private
// VPC, a private GKE cluster with application-layer secrets encryption, the fleet-managed
// service mesh and the microservice's keyless identity (GKE Workload Identity towards Google
// APIs, an Entra federated credential towards Azure).
//
// Each piece is a component resource. Components take plain settings plus the outputs other
// components produce, so every dependency travels with a value and shows in the graph.
package gcp

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/example/mlplatform/settings"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Fixed values shared by the components.
const (
	// PodsRangeName and ServicesRangeName name the subnet's secondary ranges the cluster uses.
	PodsRangeName     = "pods"
	ServicesRangeName = "services"
	// cloudPlatformScope: access is governed by IAM roles on the node service account, not
	// by legacy OAuth scopes (Google's recommendation for GKE nodes).
	cloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform"
	// fleetLocation: memberships of GKE clusters and the servicemesh feature are global.
	fleetLocation = "global"
)

var errNilSettings = errors.New("args and args.Settings are required")

// childOpts parents children to the component.
func childOpts(parent pulumi.Resource, extra ...pulumi.ResourceOption) []pulumi.ResourceOption {
	return append([]pulumi.ResourceOption{pulumi.Parent(parent)}, extra...)
}

// labels are the GCP labels every labelable resource carries.
func labels(s *settings.Settings) pulumi.StringMap {
	return pulumi.StringMap{
		"environment": pulumi.String(LabelValue(s.Env)),
		"owner":       pulumi.String(LabelValue(s.OwnerEmail)),
		"managed-by":  pulumi.String("pulumi"),
	}
}

// LabelValue makes s a valid GCP label value: at most 63 lowercase letters, digits, '_' and
// '-'. "@" reads "_at_" so an owner address stays recognisable.
func LabelValue(s string) string {
	s = strings.ReplaceAll(strings.ToLower(s), "@", "_at_")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	out := b.String()
	if len(out) > 63 {
		out = out[:63]
	}
	return out
}

// roleSuffix turns a role name into a stable logical-name suffix ("roles/logging.logWriter"
// -> "logging.logWriter"); role names are unique per grant list, so suffixes are too.
func roleSuffix(role string) string {
	return strings.ReplaceAll(strings.TrimPrefix(role, "roles/"), "/", "-")
}

// requireInputs names every input that is nil or a zero-value output (an output field read
// from a component that was never constructed), which would otherwise fail deep in the SDK.
func requireInputs(kind string, inputs map[string]pulumi.Input) error {
	var missing []string
	for name, in := range inputs {
		if in == nil {
			missing = append(missing, name)
			continue
		}
		if v := reflect.ValueOf(in); v.Kind() == reflect.Struct {
			if f := v.FieldByName("OutputState"); f.IsValid() && f.Kind() == reflect.Pointer && f.IsNil() {
				missing = append(missing, name)
			}
		}
	}
	if len(missing) == 0 {
		return nil
	}
	sort.Strings(missing)
	return fmt.Errorf("%s: args.%s not set", kind, strings.Join(missing, ", args."))
}
