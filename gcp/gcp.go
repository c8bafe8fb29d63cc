// Package gcp stands up the Google Cloud half of the platform that has no folder of its own
// (gcp/services, gcp/network, gcp/mesh, …): the microservice's keyless identity (GKE Workload
// Identity towards Google APIs, an Entra federated credential towards Azure). The private GKE
// cluster is its own folder, gcp/cluster, which imports this package (never the reverse): the
// components here take the cluster's outputs as plain inputs.
//
// Each piece is a component resource. Components take plain settings plus the outputs other
// components produce, so every dependency travels with a value and shows in the graph.
package gcp

import (
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/settings"
)

// childOpts parents children to the component.
func childOpts(parent pulumi.Resource, extra ...pulumi.ResourceOption) []pulumi.ResourceOption {
	return append([]pulumi.ResourceOption{pulumi.Parent(parent)}, extra...)
}

// labels are the GCP labels every labelable resource carries.
func labels(s settings.Common) pulumi.StringMap {
	return pulumi.ToStringMap(Labels(s.Env, s.OwnerEmail))
}

// Labels are the GCP labels every labelable resource carries, as plain values (the components
// in sub-folders take them as an input).
func Labels(env, ownerEmail string) map[string]string {
	return map[string]string{"environment": LabelValue(env), "owner": LabelValue(ownerEmail), "managed-by": "pulumi"}
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

// RoleSuffix turns a role name into a stable logical-name suffix ("roles/logging.logWriter"
// -> "logging.logWriter"); role names are unique per grant list, so suffixes are too.
func RoleSuffix(role string) string {
	return strings.ReplaceAll(strings.TrimPrefix(role, "roles/"), "/", "-")
}
