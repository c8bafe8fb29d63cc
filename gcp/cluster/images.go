package cluster

import (
	"fmt"

	"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/artifactregistry"
	"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/binaryauthorization"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

const (
	// dockerHubMirrorID names the Artifact Registry remote repository that proxies Docker Hub.
	dockerHubMirrorID = "dockerhub"
	// csmProxyImages are the managed Cloud Service Mesh proxy images the mesh injects into
	// every meshed pod (gcr.io/gke-release/asm/proxyv2:<version>-asm.<n>, the image Google's
	// Cloud Service Mesh guides show in `kubectl get pods … .status.containerStatuses[].image`).
	// They come from Google, not from the project's registry, so the project policy must exempt
	// them or no meshed pod starts.
	csmProxyImages = "gcr.io/gke-release/asm/*"
)

// trustedImages creates the project's image supply: an Artifact Registry remote repository in
// the cluster's region that proxies Docker Hub, and the project's Binary Authorization policy
// (CIS GKE 5.1.4, AVD-KSV-0125). It returns the repository's Docker host and path,
// REGION-docker.pkg.dev/PROJECT/REPOSITORY, from the repository's outputs (an image named
// through it waits for the repository).
//
// Remote repository: "A remote repository acts as a proxy for the upstream source … The first
// time that you request a version of a package, Artifact Registry downloads and caches the
// package" (Artifact Registry, "Create remote repositories", cloud.google.com/artifact-registry/
// docs/repositories/remote-repo). Artifact Registry fetches from Docker Hub itself, so the nodes
// pull from a Google endpoint they reach through Private Google Access; the node service
// account's roles/artifactregistry.reader (NodeRoles) covers every repository of the project.
//
// No customer-managed key on the repository (Checkov CKV_GCP_84, a decision): it caches only
// public Docker Hub images, which a key of ours would not make more confidential, and "By
// default, Artifact Registry encrypts customer content at rest" (Artifact Registry, "Customer-
// managed encryption keys", cloud.google.com/artifact-registry/docs/cmek).
//
// Policy: deny every image (ALWAYS_DENY, enforced and audit-logged) except
//   - Google's system images: globalPolicyEvaluationMode ENABLE evaluates "a Google-maintained
//     global admission policy for common system-level images" (Binary Authorization REST
//     reference, Policy.globalPolicyEvaluationMode; the policy YAML reference says it keeps GKE
//     working);
//   - the project's Artifact Registry in the cluster's region, the remote repository above
//     included: the microservice image and the mesh-ready Job's image come from there (policy
//     POD-008 and BINAUTHZ-001 check both);
//   - the managed mesh's proxy images (csmProxyImages).
//
// The policy is the project's singleton: `pulumi up` replaces whatever policy the project had,
// and destroying the stack resets it to Google's default (allow all).
func trustedImages(ctx *pulumi.Context, name string, parent pulumi.Resource, s *ClusterArgs, project pulumi.StringInput) (pulumi.StringOutput, error) {
	repo, err := artifactregistry.NewRepository(ctx, name+"-dockerhub", &artifactregistry.RepositoryArgs{
		Project:      project,
		Location:     pulumi.String(s.Region),
		RepositoryId: pulumi.String(dockerHubMirrorID),
		Format:       pulumi.String("DOCKER"),
		Mode:         pulumi.String("REMOTE_REPOSITORY"),
		Description:  pulumi.String("Docker Hub through Artifact Registry: the cluster pulls public images only from here"),
		RemoteRepositoryConfig: &artifactregistry.RepositoryRemoteRepositoryConfigArgs{
			Description: pulumi.String("Docker Hub"),
			DockerRepository: &artifactregistry.RepositoryRemoteRepositoryConfigDockerRepositoryArgs{
				PublicRepository: pulumi.String("DOCKER_HUB"),
			},
		},
		Labels: pulumi.ToStringMap(s.Labels),
	}, childOpts(parent)...)
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	host := fmt.Sprintf("%s-docker.pkg.dev", s.Region)
	_, err = binaryauthorization.NewPolicy(ctx, name+"-binauthz", &binaryauthorization.PolicyArgs{
		Project:                    project,
		Description:                pulumi.String("ML platform: only the project's Artifact Registry, the managed mesh and Google's system images"),
		GlobalPolicyEvaluationMode: pulumi.String("ENABLE"),
		AdmissionWhitelistPatterns: binaryauthorization.PolicyAdmissionWhitelistPatternArray{
			&binaryauthorization.PolicyAdmissionWhitelistPatternArgs{NamePattern: pulumi.Sprintf("%s/%s/**", host, project)},
			&binaryauthorization.PolicyAdmissionWhitelistPatternArgs{NamePattern: pulumi.String(csmProxyImages)},
		},
		DefaultAdmissionRule: &binaryauthorization.PolicyDefaultAdmissionRuleArgs{
			EvaluationMode:  pulumi.String("ALWAYS_DENY"),
			EnforcementMode: pulumi.String("ENFORCED_BLOCK_AND_AUDIT_LOG"),
		},
	}, childOpts(parent)...)
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	return pulumi.Sprintf("%s-docker.pkg.dev/%s/%s", repo.Location, repo.Project, repo.RepositoryId), nil
}
