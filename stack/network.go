package stack

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/gcp/network"
	"github.com/example/mlplatform/settings"
)

// networkArgs maps the configuration into the network's plain inputs; project is the project
// id gated on the compute API.
func networkArgs(s *settings.Settings, project pulumi.StringInput) *network.NetworkArgs {
	return &network.NetworkArgs{Env: s.Env, Name: s.Names.Network(), Region: s.GCP.Region,
		SubnetCIDR: s.GKE.SubnetCIDR, PodsCIDR: s.GKE.PodsCIDR, ServicesCIDR: s.GKE.ServicesCIDR, Project: project}
}
