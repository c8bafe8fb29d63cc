package services

import (
	"fmt"
	"github.com/example/mlplatform/internal/required"
	"strings"

	"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/projects"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The project APIs the platform uses. Managed Cloud Service Mesh has no API of its own
// (there is no istio.googleapis.com): it is the fleet's "servicemesh" feature, served by
// gkehub and mesh.googleapis.com (which enables meshconfig/meshca as its dependencies).
const (
	apiArtifactRegistry    = "artifactregistry.googleapis.com"
	apiBinaryAuthorization = "binaryauthorization.googleapis.com"
	apiCertificateManager  = "certificatemanager.googleapis.com" // the entry's managed certificate
	// Cloud Asset Inventory keeps the history of the project's resources and IAM policies,
	// what an investigation or a scanner reads (KICS 4f60da73 "Cloud Asset Inventory
	// Disabled"; CIS Google Cloud Foundations 2.13). No component needs it to create anything.
	apiCloudAsset      = "cloudasset.googleapis.com"
	apiCloudKMS        = "cloudkms.googleapis.com"
	apiResourceManager = "cloudresourcemanager.googleapis.com"
	apiCompute         = "compute.googleapis.com"
	apiContainer       = "container.googleapis.com"
	// Artifact Analysis scans images pushed to Artifact Registry for vulnerabilities (CIS GKE
	// 5.1.1); GKE's own posture scanning needs GKE Enterprise (see cluster.NewCluster).
	apiContainerScanning = "containerscanning.googleapis.com"
	apiContainerSecurity = "containersecurity.googleapis.com" // GKE security posture
	// The Connect gateway carries the program's in-cluster writes (mesh.NewMesh); "Set up the
	// Connect gateway" (cloud.google.com/kubernetes-engine/enterprise/multicluster-management/
	// gateway/setup, "Enable APIs") has the project enable it with gkeconnect, gkehub and
	// cloudresourcemanager. Not anthos.googleapis.com, which an older revision of that page
	// listed: it is the GKE Enterprise API, and enabling it is what bills the project for GKE
	// Enterprise (Cloud Service Mesh prerequisites: to use the mesh standalone, don't enable it).
	apiConnectGateway = "connectgateway.googleapis.com"
	apiGKEConnect     = "gkeconnect.googleapis.com"
	apiGKEHub         = "gkehub.googleapis.com"
	apiIAM            = "iam.googleapis.com"
	apiIAMCredentials = "iamcredentials.googleapis.com" // Workload Identity token minting
	apiIAP            = "iap.googleapis.com"            // Identity-Aware Proxy on the entry
	apiLogging        = "logging.googleapis.com"
	apiMesh           = "mesh.googleapis.com"
	apiMonitoring     = "monitoring.googleapis.com"
)

// APIs is every API NewServices enables, sorted.
var APIs = []string{
	apiArtifactRegistry, apiBinaryAuthorization, apiCertificateManager, apiCloudAsset, apiCloudKMS, apiResourceManager, apiCompute,
	apiConnectGateway, apiContainer, apiContainerScanning, apiContainerSecurity, apiGKEConnect, apiGKEHub, apiIAM, apiIAMCredentials, apiIAP, apiLogging,
	apiMesh, apiMonitoring,
}

// The APIs each downstream component needs before its first resource is created.
var (
	networkAPIs  = []string{apiCompute}
	clusterAPIs  = []string{apiArtifactRegistry, apiBinaryAuthorization, apiCloudKMS, apiResourceManager, apiCompute, apiContainer, apiContainerSecurity, apiIAM, apiLogging, apiMonitoring}
	workloadAPIs = []string{apiResourceManager, apiIAM, apiIAMCredentials}
	meshAPIs     = []string{apiConnectGateway, apiGKEConnect, apiGKEHub, apiResourceManager, apiMesh}
	entryAPIs    = []string{apiCompute, apiCertificateManager, apiIAP}
)

// ServicesArgs configures NewServices.
type ServicesArgs struct {
	// Project is the GCP project whose APIs are enabled.
	Project string
}

// Services enables the project's APIs. Its *Project outputs carry the project id, resolved
// only once the APIs a component needs are on: a resource that takes its project from one
// of them waits for those APIs without any DependsOn.
type Services struct {
	pulumi.ResourceState

	// APIs are the enabled service names.
	APIs pulumi.StringArrayOutput
	// NetworkProject: for network.NewNetwork (compute).
	NetworkProject pulumi.StringOutput
	// ClusterProject: for cluster.NewCluster (container, compute, KMS, IAM, logging, monitoring,
	// Binary Authorization, security posture, Artifact Registry).
	ClusterProject pulumi.StringOutput
	// WorkloadProject: for gcp.NewWorkloadIdentity (IAM, IAM credentials, resource manager).
	WorkloadProject pulumi.StringOutput
	// MeshProject: for mesh.NewMesh (the Connect gateway and its dependencies, gkehub, mesh).
	MeshProject pulumi.StringOutput
	// EntryProject: for entry.NewEntry (compute, Certificate Manager, IAP).
	EntryProject pulumi.StringOutput

	enabled map[string]*projects.Service
}

// NewServices enables every API in APIs. Destroying the stack leaves them on: other
// workloads in the project may use them, and disabling an API can delete its resources.
func NewServices(ctx *pulumi.Context, name string, args *ServicesArgs, opts ...pulumi.ResourceOption) (*Services, error) {
	if args == nil {
		args = &ServicesArgs{}
	}
	if err := required.Args("services.NewServices", map[string]any{"Project": args.Project}); err != nil {
		return nil, err
	}
	c := &Services{enabled: map[string]*projects.Service{}}
	if err := ctx.RegisterComponentResource("mlplatform:gcp:Services", name, c, opts...); err != nil {
		return nil, err
	}
	names := pulumi.StringArray{}
	for _, api := range APIs {
		svc, err := projects.NewService(ctx, name+"-"+strings.TrimSuffix(api, ".googleapis.com"), &projects.ServiceArgs{
			Project:                  pulumi.String(args.Project),
			Service:                  pulumi.String(api),
			DisableOnDestroy:         pulumi.Bool(false),
			DisableDependentServices: pulumi.Bool(false),
		}, childOpts(c)...)
		if err != nil {
			return nil, err
		}
		c.enabled[api] = svc
		names = append(names, svc.Service)
	}
	c.APIs = names.ToStringArrayOutput()
	var err error
	for _, g := range []struct {
		out  *pulumi.StringOutput
		apis []string
	}{{&c.NetworkProject, networkAPIs}, {&c.ClusterProject, clusterAPIs}, {&c.WorkloadProject, workloadAPIs}, {&c.MeshProject, meshAPIs}, {&c.EntryProject, entryAPIs}} {
		if *g.out, err = c.ProjectAfter(g.apis...); err != nil {
			return nil, err
		}
	}
	if err := ctx.RegisterResourceOutputs(c, pulumi.Map{
		"apis":            c.APIs,
		"networkProject":  c.NetworkProject,
		"clusterProject":  c.ClusterProject,
		"workloadProject": c.WorkloadProject,
		"meshProject":     c.MeshProject,
		"entryProject":    c.EntryProject,
	}); err != nil {
		return nil, err
	}
	return c, nil
}

// ProjectAfter returns the project id as an output that depends on the given APIs being
// enabled. It fails for an API NewServices does not manage.
func (c *Services) ProjectAfter(apis ...string) (pulumi.StringOutput, error) {
	if len(apis) == 0 {
		return pulumi.StringOutput{}, fmt.Errorf("services.Services.ProjectAfter: name at least one API")
	}
	gates := make([]interface{}, 0, len(apis))
	for _, api := range apis {
		svc, ok := c.enabled[api]
		if !ok {
			return pulumi.StringOutput{}, fmt.Errorf("services.Services.ProjectAfter: %s is not enabled by NewServices (add it to services.APIs)", api)
		}
		gates = append(gates, svc.Project)
	}
	return pulumi.All(gates...).ApplyT(func(v []interface{}) string { return v[0].(string) }).(pulumi.StringOutput), nil
}

// childOpts parents children to the component.
func childOpts(parent pulumi.Resource, extra ...pulumi.ResourceOption) []pulumi.ResourceOption {
	return append([]pulumi.ResourceOption{pulumi.Parent(parent)}, extra...)
}
