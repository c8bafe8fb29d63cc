// Package spec is what the tooling knows about the GKE cluster component (the cluster, its
// node pool, the Cloud KMS key ring with the secrets and boot-disk keys and their grants, and
// the project's image supply: the Docker Hub remote repository and the Binary Authorization
// policy): its policy rules with their cases, the offline plan's mock responders and typical
// creation times. It imports only kit; the component's resources are built by the parent
// folder's package cluster.
//
// The node service account and its project roles are the cluster's too, but other components
// register the same types (the workload's service account and roles), so their rules, mocks
// and times stay with the tooling.
package spec

import (
	"time"

	"github.com/example/mlplatform/kit"
)

// The type tokens only this component registers.
const (
	ClusterType    = "gcp:container/cluster:Cluster"
	NodePoolType   = "gcp:container/nodePool:NodePool"
	KeyRingType    = "gcp:kms/keyRing:KeyRing"
	CryptoKeyType  = "gcp:kms/cryptoKey:CryptoKey"
	KeyMemberType  = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember"
	RepositoryType = "gcp:artifactregistry/repository:Repository"
	BinauthzType   = "gcp:binaryauthorization/policy:Policy"
)

// Component is the GKE cluster component as the tooling sees it.
var Component = kit.Component{
	Name:  "cluster",
	Rules: rules(),
	Mocks: map[string]kit.Mock{
		ClusterType:    {Provision: cluster},
		NodePoolType:   {Provision: nodePool},
		KeyRingType:    {Provision: keyRing},
		CryptoKeyType:  {Provision: cryptoKey},
		KeyMemberType:  {Provision: keyMember},
		RepositoryType: {Provision: repository},
		BinauthzType:   {Provision: binauthzPolicy},
	},
	CreateTimes: map[string]time.Duration{
		// Estimate, 8 min: regional private cluster. Google's docs say creation takes several
		// minutes; public Terraform logs show 5-10 min (e.g. still creating at 4m40s in
		// github.com/turbot/steampipe-plugin-gcp/pull/530); remove_default_node_pool adds deleting
		// the default pool (TF timeout, google_container_cluster: create 40 min).
		ClusterType: 8 * time.Minute,
		// Estimate, 3 min: instance groups in three zones, nodes must register (TF timeout,
		// google_container_node_pool: create 30 min).
		NodePoolType: 3 * time.Minute,
		// Estimate: an Artifact Registry repository is a long-running operation of seconds; a
		// Binary Authorization policy is one synchronous PUT of the project's singleton.
		RepositoryType: 10 * time.Second,
		BinauthzType:   2 * time.Second,
		// Estimate: synchronous Cloud KMS calls.
		KeyRingType:   2 * time.Second,
		CryptoKeyType: 3 * time.Second,
		// Estimate: IAM policy read-modify-write of the key's policy.
		KeyMemberType: 5 * time.Second,
	},
}
