package spec

import "github.com/example/mlplatform/kit"

// rules are the per-resource rules on types only this component registers: the subnet's
// Private Google Access and flow logs, and Cloud NAT's subnet list.
func rules() []kit.Rule {
	return []kit.Rule{
		{ID: "NET-001", Severity: kit.Medium, Types: []string{SubnetworkType},
			External:    []string{"CKV_GCP_74", "AVD-GCP-0075", "KICS ee7b93c1"},
			Description: "Subnets must enable Private Google Access. Medium: private nodes otherwise need public egress to reach Google APIs.",
			Remediation: "Set privateIpGoogleAccess to true.",
			Check:       kit.IsTrue("privateIpGoogleAccess"),
			Cases: kit.Cases{Pass: []kit.Case{subnetCase()},
				Fail: []kit.Case{subnetCase("privateIpGoogleAccess", false), subnetCase("privateIpGoogleAccess", kit.Deleted{})}}},
		{ID: "NET-002", Severity: kit.Low, Types: []string{SubnetworkType},
			External:    []string{"CKV_GCP_26", "AVD-GCP-0029", "AVD-GCP-0076", "KICS 40430747", "CIS GKE 5.6.1"},
			Description: "Subnets should export VPC flow logs (logConfig). Low: visibility for investigations.",
			Remediation: "Set logConfig (e.g. aggregationInterval INTERVAL_5_SEC, flowSampling 0.5).",
			Check:       kit.NonEmpty("logConfig"),
			Cases:       kit.Cases{Pass: []kit.Case{subnetCase()}, Fail: []kit.Case{subnetCase("logConfig", kit.Deleted{})}}},
		{ID: "NAT-001", Severity: kit.Low, Types: []string{RouterNatType},
			Description: "Cloud NAT must serve a list of subnets (sourceSubnetworkIpRangesToNat LIST_OF_SUBNETWORKS with subnetworks), not every subnet of the VPC. Low: a subnet added later would otherwise get internet egress without anyone deciding it.",
			Remediation: "Set sourceSubnetworkIpRangesToNat to LIST_OF_SUBNETWORKS and list the cluster subnet in subnetworks.",
			Check:       kit.All(kit.Enum("sourceSubnetworkIpRangesToNat", "", "LIST_OF_SUBNETWORKS"), kit.NonEmpty("subnetworks")),
			Cases: kit.Cases{Pass: []kit.Case{natCase()},
				Fail: []kit.Case{natCase("sourceSubnetworkIpRangesToNat", "ALL_SUBNETWORKS_ALL_IP_RANGES"), natCase("subnetworks", []any{})}}},
	}
}

// Subnet is the GKE subnet as the platform registers it: the base the cases edit, and the
// policy tests' compliant subnet.
func Subnet() map[string]any {
	return map[string]any{"network": "vpc-mlp-prod", "ipCidrRange": "10.10.0.0/20", "privateIpGoogleAccess": true,
		"logConfig": map[string]any{"aggregationInterval": "INTERVAL_5_SEC", "flowSampling": 0.5}}
}

// RouterNat is Cloud NAT serving the cluster subnet only, as the platform registers it.
func RouterNat() map[string]any {
	return map[string]any{"name": "vpc-mlp-prod-nat", "natIpAllocateOption": "AUTO_ONLY",
		"sourceSubnetworkIpRangesToNat": "LIST_OF_SUBNETWORKS",
		"subnetworks":                   []any{map[string]any{"name": "projects/p/regions/europe-west4/subnetworks/gke", "sourceIpRangesToNats": []any{"ALL_IP_RANGES"}}}}
}

func subnetCase(edits ...any) kit.Case {
	return kit.Case{Type: SubnetworkType, Base: Subnet, Edits: edits}
}

func natCase(edits ...any) kit.Case {
	return kit.Case{Type: RouterNatType, Base: RouterNat, Edits: edits}
}
