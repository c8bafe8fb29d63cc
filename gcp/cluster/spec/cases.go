package spec

import "github.com/example/mlplatform/kit"

// SecureCluster is the cluster's inputs in the program's shape (private endpoint only,
// private authorized networks, labels, VPC-native): the base of the cases and the policy
// tests' compliant cluster. Each call returns a fresh map.
func SecureCluster() map[string]any {
	c := PublicEndpointCluster()
	kit.SetPath(c, "privateClusterConfig.enablePrivateEndpoint", true)
	kit.SetPath(c, "masterAuthorizedNetworksConfig.cidrBlocks", []any{map[string]any{"cidrBlock": "10.10.0.0/28", "displayName": "admin"}})
	kit.SetPath(c, "resourceLabels", map[string]any{"environment": "prod"})
	kit.SetPath(c, "networkingMode", "VPC_NATIVE")
	kit.SetPath(c, "ipAllocationPolicy", map[string]any{"clusterSecondaryRangeName": "pods", "servicesSecondaryRangeName": "services"})
	return c
}

// PublicEndpointCluster is a hardened cluster that keeps a public control-plane endpoint,
// reachable from one admin network (198.51.100.0/28), without labels or alias IP ranges: it
// passes the rules GKE-001..014 and fails GKE-016..019. The policy tests' deployer scenarios
// use it as a cluster the runner reaches directly.
func PublicEndpointCluster() map[string]any {
	return map[string]any{"name": "gke-mlp-prod", "location": "europe-west4", "initialNodeCount": 1,
		"removeDefaultNodePool": true, "deletionProtection": true, "enableShieldedNodes": true, "enableLegacyAbac": false,
		"datapathProvider": "ADVANCED_DATAPATH", "loggingService": "logging.googleapis.com/kubernetes",
		"monitoringService": "monitoring.googleapis.com/kubernetes",
		"privateClusterConfig": map[string]any{"enablePrivateNodes": true, "enablePrivateEndpoint": false,
			"masterIpv4CidrBlock": "172.16.0.0/28"},
		"workloadIdentityConfig": map[string]any{"workloadPool": "mlplatform-prod-7310.svc.id.goog"},
		"releaseChannel":         map[string]any{"channel": "STABLE"},
		"binaryAuthorization":    map[string]any{"evaluationMode": "PROJECT_SINGLETON_POLICY_ENFORCE"},
		"databaseEncryption": map[string]any{"state": "ENCRYPTED",
			"keyName": "projects/mlplatform-prod-7310/locations/europe-west4/keyRings/gke/cryptoKeys/secrets"},
		"masterAuthorizedNetworksConfig": map[string]any{"gcpPublicCidrsAccessEnabled": false,
			"cidrBlocks": []any{map[string]any{"cidrBlock": "198.51.100.0/28", "displayName": "admin"}}},
		"masterAuth":                map[string]any{"clientCertificateConfig": map[string]any{"issueClientCertificate": false}},
		"loggingConfig":             map[string]any{"enableComponents": []any{"SYSTEM_COMPONENTS", "WORKLOADS"}},
		"enableIntranodeVisibility": true, "securityPostureConfig": map[string]any{"mode": "BASIC"}}
}

// SecureNodePool is the node pool as the program registers it.
func SecureNodePool() map[string]any {
	return map[string]any{"cluster": "gke-mlp-prod", "location": "europe-west4",
		"management": map[string]any{"autoRepair": true, "autoUpgrade": true},
		"nodeConfig": map[string]any{"machineType": "e2-standard-4", "imageType": "COS_CONTAINERD",
			"serviceAccount":         "mlp-prod-nodes@mlplatform-prod-7310.iam.gserviceaccount.com",
			"oauthScopes":            []any{"https://www.googleapis.com/auth/cloud-platform"},
			"metadata":               map[string]any{"disable-legacy-endpoints": "true"},
			"workloadMetadataConfig": map[string]any{"mode": "GKE_METADATA"},
			"shieldedInstanceConfig": map[string]any{"enableSecureBoot": true, "enableIntegrityMonitoring": true},
			"bootDiskKmsKey":         "projects/mlplatform-prod-7310/locations/europe-west4/keyRings/gke/cryptoKeys/boot"}}
}

// SecureCryptoKey is the secrets key: rotating every 90 days, KMS-001's bound.
func SecureCryptoKey() map[string]any {
	return map[string]any{"keyRing": "projects/mlplatform-prod-7310/locations/europe-west4/keyRings/gke",
		"name": "secrets", "rotationPeriod": "7776000s", "purpose": "ENCRYPT_DECRYPT"}
}

func gke(edits ...any) kit.Case {
	return kit.Case{Type: ClusterType, Base: SecureCluster, Edits: edits}
}
func pub(edits ...any) kit.Case {
	return kit.Case{Type: ClusterType, Base: PublicEndpointCluster, Edits: edits}
}
func pool(edits ...any) kit.Case {
	return kit.Case{Type: NodePoolType, Base: SecureNodePool, Edits: edits}
}
func key(edits ...any) kit.Case {
	return kit.Case{Type: CryptoKeyType, Base: SecureCryptoKey, Edits: edits}
}

// authorized is the program's cluster with one authorized network.
func authorized(cidr string) kit.Case {
	return gke("masterAuthorizedNetworksConfig.cidrBlocks", []any{map[string]any{"cidrBlock": cidr, "displayName": "admin"}})
}
