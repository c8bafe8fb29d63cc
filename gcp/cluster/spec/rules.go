package spec

import (
	"github.com/example/mlplatform/kit"
)

// rules are the per-resource rules on the types only this component registers. The rules that
// look across resources (GKE-015 Container Scanning API, NODE-008 node account roles,
// BINAUTHZ-001 the project policy and the workload images) stay in package policy.
func rules() []kit.Rule {
	var out []kit.Rule
	for _, group := range [][]kit.Rule{controlPlaneRules(), clusterHardeningRules(), clusterOperationsRules(),
		nodePoolRules(), keyRules()} {
		out = append(out, group...)
	}
	return out
}

// The rules' types.
var (
	clusterTypes   = []string{ClusterType}
	nodePoolTypes  = []string{NodePoolType}
	cryptoKeyTypes = []string{CryptoKeyType}
)

// controlPlaneRules: who reaches the control plane, and with which credentials.
func controlPlaneRules() []kit.Rule {
	return []kit.Rule{
		{ID: "GKE-001", Severity: kit.High, Types: clusterTypes,
			External:    []string{"CKV_GCP_25", "CKV_GCP_64", "AVD-GCP-0059", "KICS 6ccb85d7", "CIS GKE 5.6.5"},
			Description: "GKE nodes must be private (privateClusterConfig.enablePrivateNodes=true). High: nodes with public IPs are reachable from the internet.",
			Remediation: "Set privateClusterConfig.enablePrivateNodes to true (Cloud NAT for egress).",
			Check:       kit.IsTrue("privateClusterConfig.enablePrivateNodes"),
			Cases: kit.Cases{Pass: []kit.Case{pub()},
				Fail: []kit.Case{pub("privateClusterConfig.enablePrivateNodes", false), pub("privateClusterConfig", kit.Deleted{})}}},
		{ID: "GKE-002", Severity: kit.High, Types: clusterTypes,
			External:    []string{"KICS edea054b", "CIS GKE 5.2.2"},
			Description: "GKE must enable Workload Identity (workloadIdentityConfig.workloadPool). High: without it pods use the node's service account.",
			Remediation: "Set workloadIdentityConfig.workloadPool to PROJECT_ID.svc.id.goog.",
			Check:       kit.NonEmpty("workloadIdentityConfig.workloadPool"),
			Cases: kit.Cases{Pass: []kit.Case{pub()},
				Fail: []kit.Case{pub("workloadIdentityConfig", kit.Deleted{}), pub("workloadIdentityConfig.workloadPool", "")}}},
		{ID: "GKE-008", Severity: kit.High, Types: clusterTypes,
			External:    []string{"CKV_GCP_20", "AVD-GCP-0061", "CIS GKE 5.6.3"},
			Description: "The GKE control plane must only be reachable from listed networks: masterAuthorizedNetworksConfig set, no 0.0.0.0/0, no blanket Google Cloud public IPs. High: the API server is then exposed to the internet.",
			Remediation: "Set masterAuthorizedNetworksConfig.cidrBlocks to the admin networks and gcpPublicCidrsAccessEnabled to false (or use a private endpoint).",
			Check:       controlPlaneExposure,
			Cases: kit.Cases{Pass: []kit.Case{pub(), pub("masterAuthorizedNetworksConfig", kit.Deleted{}, "privateClusterConfig.enablePrivateEndpoint", true)},
				Fail: []kit.Case{pub("masterAuthorizedNetworksConfig.cidrBlocks", []any{map[string]any{"cidrBlock": "0.0.0.0/0"}}),
					pub("masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled", true), pub("masterAuthorizedNetworksConfig", kit.Deleted{})}}},
		{ID: "GKE-010", Severity: kit.High, Types: clusterTypes,
			External:    []string{"CKV_GCP_13", "AVD-GCP-0064", "KICS 73fb21a1", "CIS GKE 5.8.1"},
			Description: "GKE must not issue a client certificate. High: it is a long-lived, non-revocable cluster-admin credential.",
			Remediation: "Remove masterAuth.clientCertificateConfig or set issueClientCertificate to false.",
			Check:       kit.NotTrue("masterAuth.clientCertificateConfig.issueClientCertificate"),
			Cases: kit.Cases{Pass: []kit.Case{pub()},
				Fail: []kit.Case{pub("masterAuth.clientCertificateConfig.issueClientCertificate", true)}}},
		{ID: "GKE-016", Severity: kit.High, Types: clusterTypes,
			Description: "The GKE control plane must have only its private endpoint (privateClusterConfig.enablePrivateEndpoint=true). High: a public endpoint is reachable from the internet, filtered only by the authorized networks.",
			Remediation: "Set privateClusterConfig.enablePrivateEndpoint to true and deploy through the fleet Connect gateway.",
			External:    []string{"CIS GKE 5.6.4", "KICS 6ccb85d7-0420-4907-9380-50313f80946b", "AVD-GCP-0053"},
			Check:       kit.IsTrue("privateClusterConfig.enablePrivateEndpoint"),
			Cases: kit.Cases{Pass: []kit.Case{gke()},
				Fail: []kit.Case{gke("privateClusterConfig.enablePrivateEndpoint", false), gke("privateClusterConfig", kit.Deleted{})}}},
		{ID: "GKE-017", Severity: kit.High, Types: clusterTypes,
			Description: "Master authorized networks must list only private (RFC 1918, RFC 6598) ranges. High: a public range lets addresses on the internet reach the control plane.",
			Remediation: "Remove public CIDRs from masterAuthorizedNetworksConfig.cidrBlocks; reach the cluster through the Connect gateway or a private network.",
			External:    []string{"AVD-GCP-0053", "CKV_GCP_18", "CIS GKE 5.6.3"},
			Check:       privateAuthorizedNetworks,
			// Each private range's edges: the last block inside, the first outside.
			Cases: kit.Cases{Pass: []kit.Case{gke(), gke("masterAuthorizedNetworksConfig.cidrBlocks", kit.Deleted{}),
				authorized("100.64.1.0/24"), authorized("100.127.0.0/16"), authorized("172.31.0.0/16"), authorized("10.0.0.0/8")},
				Fail: []kit.Case{pub(), authorized("0.0.0.0/0"), authorized("10.0.0.0/7"), authorized("100.128.0.0/16"),
					authorized("172.32.0.0/16"), authorized("not-a-cidr")}}},
	}
}

// clusterHardeningRules: what the cluster lets workloads and images do.
func clusterHardeningRules() []kit.Rule {
	return []kit.Rule{
		{ID: "GKE-003", Severity: kit.Medium, Types: clusterTypes,
			External:    []string{"CKV_GCP_71", "AVD-GCP-0055", "KICS 579a0727", "CIS GKE 5.5.5"},
			Description: "GKE shielded nodes must not be disabled. Medium: they stop a compromised node impersonating another.",
			Remediation: "Remove enableShieldedNodes or set it to true.",
			Check:       kit.NotFalse("enableShieldedNodes"),
			Cases: kit.Cases{Pass: []kit.Case{pub(), pub("enableShieldedNodes", kit.Deleted{})},
				Fail: []kit.Case{pub("enableShieldedNodes", false)}}},
		{ID: "GKE-005", Severity: kit.Medium, Types: clusterTypes,
			External:    []string{"CKV_GCP_66", "KICS 4ca625e5"},
			Description: "GKE must enforce Binary Authorization (evaluationMode PROJECT_SINGLETON_POLICY_ENFORCE). Medium: otherwise any image can run.",
			Remediation: "Set binaryAuthorization.evaluationMode to PROJECT_SINGLETON_POLICY_ENFORCE.",
			Check:       kit.Enum("binaryAuthorization.evaluationMode", "", "PROJECT_SINGLETON_POLICY_ENFORCE"),
			Cases: kit.Cases{Pass: []kit.Case{pub()},
				Fail: []kit.Case{pub("binaryAuthorization.evaluationMode", "DISABLED"), pub("binaryAuthorization", kit.Deleted{})}}},
		{ID: "GKE-006", Severity: kit.Medium, Types: clusterTypes,
			External:    []string{"KICS 83d1c89f", "CIS GKE 5.3.1"},
			Description: "GKE must encrypt Kubernetes Secrets at the application layer with a Cloud KMS key. Medium: etcd then holds only ciphertext.",
			Remediation: "Set databaseEncryption to {state: ENCRYPTED, keyName: <KMS key id>}.",
			Check:       kit.All(kit.Enum("databaseEncryption.state", "", "ENCRYPTED"), kit.NonEmpty("databaseEncryption.keyName")),
			Cases: kit.Cases{Pass: []kit.Case{pub()},
				Fail: []kit.Case{pub("databaseEncryption.state", "DECRYPTED"), pub("databaseEncryption.keyName", "")}}},
		{ID: "GKE-007", Severity: kit.Medium, Types: clusterTypes,
			External:    []string{"CIS GKE 5.2.1", "CKV_GCP_123"},
			Description: "GKE must remove the default node pool and declare no node pool inline. Medium: the default pool runs as the Compute Engine default service account with unhardened settings, and inline pools cannot be changed without replacing the cluster.",
			Remediation: "Set removeDefaultNodePool to true and manage node pools as gcp.container.NodePool.",
			Check:       kit.All(kit.IsTrue("removeDefaultNodePool"), noInlinePools),
			Cases: kit.Cases{Pass: []kit.Case{pub(), pub("nodePools", []any{})},
				Fail: []kit.Case{pub("removeDefaultNodePool", false), pub("removeDefaultNodePool", kit.Deleted{}),
					pub("nodePools", []any{map[string]any{"name": "inline", "nodeCount": 1}})}}},
		{ID: "GKE-009", Severity: kit.High, Types: clusterTypes,
			External:    []string{"CKV_GCP_7", "AVD-GCP-0062", "KICS 5baa92d2", "CIS GKE 5.8.3"},
			Description: "GKE legacy ABAC must be off. High: ABAC grants broad, unaudited permissions that bypass RBAC.",
			Remediation: "Remove enableLegacyAbac or set it to false.",
			Check:       kit.NotTrue("enableLegacyAbac"),
			Cases:       kit.Cases{Pass: []kit.Case{pub()}, Fail: []kit.Case{pub("enableLegacyAbac", true)}}},
		{ID: "GKE-011", Severity: kit.Medium, Types: clusterTypes,
			External:    []string{"CKV_GCP_12", "AVD-GCP-0056", "CIS GKE 4.3.1"},
			Description: "GKE must enforce network policies (Dataplane V2 or networkPolicy.enabled). Medium: otherwise every pod can reach every other pod.",
			Remediation: "Set datapathProvider to ADVANCED_DATAPATH.",
			Check:       networkPolicyEnforced,
			Cases: kit.Cases{Pass: []kit.Case{pub(), pub("datapathProvider", kit.Deleted{}, "networkPolicy.enabled", true)},
				Fail: []kit.Case{pub("datapathProvider", "LEGACY_DATAPATH"), pub("datapathProvider", kit.Deleted{})}}},
		{ID: "GKE-020", Severity: kit.Medium, Types: clusterTypes,
			External:    []string{"CIS GKE 5.10.2", "KICS 8ca7e731-56f6-4fb4-9b98-fcb0a93518c8"},
			Description: "A GKE cluster must not enable Kubernetes alpha features (enableKubernetesAlpha). Medium: alpha clusters get no upgrades or support and expire after 30 days.",
			Remediation: "Remove enableKubernetesAlpha or set it to false.",
			Check:       kit.NotTrue("enableKubernetesAlpha"),
			Cases: kit.Cases{Pass: []kit.Case{gke(), gke("enableKubernetesAlpha", false)},
				Fail: []kit.Case{gke("enableKubernetesAlpha", true)}}},
	}
}
