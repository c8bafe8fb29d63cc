package network

import (
	"fmt"
	"net/netip"

	"github.com/example/mlplatform/gcpnative/compute"
	"github.com/example/mlplatform/internal/required"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The subnet's secondary ranges the cluster uses, by name.
const (
	PodsRangeName     = "pods"
	ServicesRangeName = "services"
)

// NetworkArgs configures NewNetwork with plain values (stack maps the configuration).
type NetworkArgs struct {
	// Env names the environment in the VPC's description.
	Env string
	// Name is the VPC's name; the subnet, router and NAT are named after it (-gke, -router, -nat).
	Name string
	// Region holds the subnet, the router and the NAT.
	Region string
	// SubnetCIDR is the nodes' range; PodsCIDR and ServicesCIDR the subnet's secondary ranges
	// (PodsRangeName, ServicesRangeName).
	SubnetCIDR, PodsCIDR, ServicesCIDR netip.Prefix
	// Project is the project id gated on the compute API (services.Services.NetworkProject).
	Project pulumi.StringInput
}

// Network is a custom-mode VPC with one regional subnet for GKE (nodes, pods and services
// ranges) and Cloud NAT, so private nodes reach the internet without external addresses.
type Network struct {
	pulumi.ResourceState

	NetworkName     pulumi.StringOutput
	NetworkID       pulumi.StringOutput // projects/<p>/global/networks/<name>
	NetworkSelfLink pulumi.StringOutput
	SubnetName      pulumi.StringOutput
	SubnetID        pulumi.StringOutput // projects/<p>/regions/<r>/subnetworks/<name>
	SubnetSelfLink  pulumi.StringOutput
	// PodsRangeName and ServicesRangeName are the subnet's secondary ranges for GKE.
	PodsRangeName     pulumi.StringOutput
	ServicesRangeName pulumi.StringOutput
	RouterName        pulumi.StringOutput
	NATName           pulumi.StringOutput
}

// NewNetwork creates the VPC, the GKE subnet, a Cloud Router and Cloud NAT.
func NewNetwork(ctx *pulumi.Context, name string, args *NetworkArgs, opts ...pulumi.ResourceOption) (*Network, error) {
	if args == nil {
		args = &NetworkArgs{}
	}
	if err := required.Args("network.NewNetwork", map[string]any{"Env": args.Env, "Name": args.Name, "Region": args.Region,
		"SubnetCIDR": text(args.SubnetCIDR), "PodsCIDR": text(args.PodsCIDR), "ServicesCIDR": text(args.ServicesCIDR),
		"Project": args.Project}); err != nil {
		return nil, err
	}
	s := args

	c := &Network{}
	if err := ctx.RegisterComponentResource("mlplatform:gcp:Network", name, c, opts...); err != nil {
		return nil, err
	}
	vpc, err := vpcNetwork(ctx, name, c, s)
	if err != nil {
		return nil, err
	}
	subnet, err := gkeSubnet(ctx, name, c, s, vpc)
	if err != nil {
		return nil, err
	}
	router, nat, err := cloudNAT(ctx, name, c, s, vpc, subnet)
	if err != nil {
		return nil, err
	}

	c.NetworkName = vpc.Name
	c.NetworkID = vpc.ID().ToStringOutput()
	c.NetworkSelfLink = vpc.SelfLink
	c.SubnetName = subnet.Name
	c.SubnetID = subnet.ID().ToStringOutput()
	c.SubnetSelfLink = subnet.SelfLink
	// Read from the subnet so a consumer of the range names also waits for the subnet.
	c.PodsRangeName = rangeName(subnet, PodsRangeName)
	c.ServicesRangeName = rangeName(subnet, ServicesRangeName)
	c.RouterName = router.Name
	c.NATName = nat.Name
	if err := ctx.RegisterResourceOutputs(c, c.outputMap()); err != nil {
		return nil, err
	}
	return c, nil
}

// vpcNetwork is the custom-mode VPC.
//
// No firewall rules of our own (CIS GKE 5.6.6 "Consider firewalling GKE worker nodes",
// Manual; a decision, not an omission): ingress to the nodes is refused by the VPC's implied
// deny-ingress rule except what GKE's own rules admit (Google Cloud, "VPC firewall rules":
// implied rules; GKE, "Automatically created firewall rules"), and those GKE rules must
// stay. Restricting node egress would mean tracking Google's API ranges, the control plane,
// the managed mesh and the Azure link by hand; terraform-google-kubernetes-engine leaves such
// rules off too (variables.tf: add_cluster_firewall_rules, add_shadow_firewall_rules default
// false). Pod traffic is filtered by NetworkPolicy instead (NETPOL-001, gcp/mesh/netpol.go), and
// Cloud NAT serves only the cluster subnet (NAT-001).
func vpcNetwork(ctx *pulumi.Context, name string, c *Network, s *NetworkArgs) (*compute.Network, error) {
	return compute.NewNetwork(ctx, name+"-vpc", &compute.NetworkArgs{
		Project:     s.Project,
		Name:        pulumi.String(s.Name),
		Description: pulumi.String("ML platform VPC (" + s.Env + ")"),
		// Custom mode: no auto subnets in every region, only the ranges declared here.
		AutoCreateSubnetworks: pulumi.Bool(false),
		RoutingMode:           pulumi.String("REGIONAL"),
	}, childOpts(c)...)
}

// gkeSubnet is the cluster's subnet, with the secondary ranges of pods and services.
func gkeSubnet(ctx *pulumi.Context, name string, c *Network, s *NetworkArgs, vpc *compute.Network) (*compute.Subnetwork, error) {
	return compute.NewSubnetwork(ctx, name+"-gke", &compute.SubnetworkArgs{
		Project:     vpc.Project,
		Name:        pulumi.String(s.Name + "-gke"),
		Description: pulumi.String("GKE nodes, with secondary ranges for pods and services"),
		Region:      pulumi.String(s.Region),
		Network:     vpc.ID(),
		IpCidrRange: pulumi.String(s.SubnetCIDR.String()),
		SecondaryIpRanges: []compute.SubnetworkSecondaryIpRangeArgs{
			{RangeName: pulumi.String(PodsRangeName), IpCidrRange: pulumi.String(s.PodsCIDR.String())},
			{RangeName: pulumi.String(ServicesRangeName), IpCidrRange: pulumi.String(s.ServicesCIDR.String())},
		},
		// Private nodes reach Google APIs (Artifact Registry, logging, KMS) without NAT.
		PrivateIpGoogleAccess: pulumi.Bool(true),
		// VPC flow logs for forensics; half the flows keep the volume affordable.
		LogConfig: &compute.SubnetworkLogConfigArgs{
			AggregationInterval: pulumi.String("INTERVAL_5_SEC"),
			FlowSampling:        pulumi.Float64(0.5),
			Metadata:            pulumi.String("INCLUDE_ALL_METADATA"),
		},
	}, childOpts(c)...)
}

// cloudNAT gives the private nodes internet egress: a Cloud Router and its NAT.
func cloudNAT(ctx *pulumi.Context, name string, c *Network, s *NetworkArgs, vpc *compute.Network,
	subnet *compute.Subnetwork) (*compute.Router, *compute.RouterNat, error) {
	router, err := compute.NewRouter(ctx, name+"-router", &compute.RouterArgs{
		Project:     vpc.Project,
		Name:        pulumi.String(s.Name + "-router"),
		Description: pulumi.String("Cloud NAT for private GKE nodes"),
		Region:      pulumi.String(s.Region),
		Network:     vpc.ID(),
	}, childOpts(c)...)
	if err != nil {
		return nil, nil, err
	}

	nat, err := compute.NewRouterNat(ctx, name+"-nat", &compute.RouterNatArgs{
		Project:             router.Project,
		Name:                pulumi.String(s.Name + "-nat"),
		Region:              router.Region,
		Router:              router.Name,
		NatIpAllocateOption: pulumi.String("AUTO_ONLY"),
		// Only the cluster subnet (nodes, pods, services) may leave through NAT: a subnet added
		// to the VPC later gets no internet egress by accident (NAT-001).
		SourceSubnetworkIpRangesToNat: pulumi.String("LIST_OF_SUBNETWORKS"),
		Subnetworks: []compute.RouterNatSubnetworkArgs{{
			Name:                 subnet.SelfLink,
			SourceIpRangesToNats: pulumi.ToStringArray([]string{"ALL_IP_RANGES"}),
		}},
		LogConfig: &compute.RouterNatLogConfigArgs{
			Enable: pulumi.Bool(true),
			Filter: pulumi.String("ERRORS_ONLY"),
		},
	}, childOpts(c)...)
	if err != nil {
		return nil, nil, err
	}
	return router, nat, nil
}

// outputMap is what RegisterResourceOutputs records for the component.
func (c *Network) outputMap() pulumi.Map {
	return pulumi.Map{
		"networkName":       c.NetworkName,
		"networkId":         c.NetworkID,
		"networkSelfLink":   c.NetworkSelfLink,
		"subnetName":        c.SubnetName,
		"subnetId":          c.SubnetID,
		"subnetSelfLink":    c.SubnetSelfLink,
		"podsRangeName":     c.PodsRangeName,
		"servicesRangeName": c.ServicesRangeName,
		"routerName":        c.RouterName,
		"natName":           c.NATName,
	}
}

// rangeName returns the named secondary range of subnet, failing if the subnet lacks it.
func rangeName(subnet *compute.Subnetwork, want string) pulumi.StringOutput {
	return subnet.SecondaryIpRanges.ApplyT(func(ranges []compute.SubnetworkSecondaryIpRange) (string, error) {
		for _, r := range ranges {
			if r.RangeName == want {
				return r.RangeName, nil
			}
		}
		return "", fmt.Errorf("subnet has no secondary range %q", want)
	}).(pulumi.StringOutput)
}

// text is p in CIDR notation, or "" for the zero prefix (a missing argument).
func text(p netip.Prefix) string {
	if !p.IsValid() {
		return ""
	}
	return p.String()
}

// childOpts parents children to the component.
func childOpts(parent pulumi.Resource, extra ...pulumi.ResourceOption) []pulumi.ResourceOption {
	return append([]pulumi.ResourceOption{pulumi.Parent(parent)}, extra...)
}
