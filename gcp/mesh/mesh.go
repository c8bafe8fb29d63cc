// Package mesh is the fleet-managed service mesh component: the cluster's fleet membership,
// managed Cloud Service Mesh for it and, in the cluster, the workload's namespace and service
// account, the mesh gate (the mesh-ready Job), mesh-wide STRICT mTLS and the namespace's
// network policies. What the tooling knows about it (rules, mock responders, creation times)
// is in spec/.
package mesh

import (
	"net/netip"

	"github.com/example/mlplatform/gcp"
	"github.com/example/mlplatform/internal/required"
	"github.com/example/mlplatform/kubenative"
	"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/gkehub"
	"github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes"
	"github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/apiextensions"
	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

const (
	// meshRootNamespace is where managed Cloud Service Mesh (like Istio) reads mesh-wide
	// policy; a PeerAuthentication named "default" there applies to every namespace.
	meshRootNamespace = "istio-system"
	// fleetLocation: memberships of GKE clusters and the servicemesh feature are global.
	fleetLocation = "global"
)

const (
	// gsaAnnotation links the Kubernetes service account to its Google service account.
	gsaAnnotation = "iam.gke.io/gcp-service-account"
)

// MeshArgs configures NewMesh.
type MeshArgs struct {
	// Env is the environment label of the in-cluster objects.
	Env string
	// Labels are the GCP labels of the fleet resources (gcp.Labels).
	Labels map[string]string
	// ClusterName is the cluster's name: the fleet membership id, and the name of the
	// mesh-ready Job's cluster-wide role and binding (with "-mesh-ready").
	ClusterName string
	// InCluster creates the Kubernetes objects (meshInCluster); without it the fleet side only.
	InCluster bool
	// Namespace and ServiceAccount name the workload's namespace and Kubernetes service
	// account (workloadNamespace, workloadServiceAccount): created with InCluster, reported
	// as outputs either way.
	Namespace      string
	ServiceAccount string
	// CrossCloud opens the workload's egress to PrivateEndpointSubnetCIDR, the Azure private
	// endpoints reached over the VPN.
	CrossCloud                bool
	PrivateEndpointSubnetCIDR netip.Prefix
	// MasterCIDR is the control plane's private range: the mesh-ready Job's only egress.
	MasterCIDR netip.Prefix
	// Project is the project id gated on the fleet APIs (Services.MeshProject).
	Project pulumi.StringInput
	// ClusterID and OIDCIssuer come from the cluster (Cluster.ClusterID, Cluster.OIDCIssuer).
	ClusterID  pulumi.StringInput
	OIDCIssuer pulumi.StringInput
	// ProjectNumber (Cluster.ProjectNumber) addresses the cluster's membership through the
	// fleet's Connect gateway. Needed only with InCluster.
	ProjectNumber pulumi.StringInput
	// WorkloadServiceAccountEmail is the Google service account the Kubernetes service
	// account impersonates (WorkloadIdentity.ServiceAccountEmail). Needed with InCluster.
	WorkloadServiceAccountEmail pulumi.StringInput
	// ImageMirror (Cluster.ImageMirror) is the Artifact Registry proxy of Docker Hub the
	// mesh-ready Job's image is pulled through. Needed with InCluster.
	ImageMirror pulumi.StringInput
	// ReleaseChannel is the cluster's GKE release channel (gkeReleaseChannel): the managed
	// control plane revision the mesh gate waits for follows it (meshRevision).
	ReleaseChannel string
}

// Mesh registers the cluster in the project's fleet and turns on managed Cloud Service Mesh
// for it. With InCluster it also creates, through a Kubernetes provider built
// from the cluster's outputs, the microservice's namespace (sidecar injection on), its
// Kubernetes service account (bound to the Google service account) and mesh-wide STRICT mTLS.
type Mesh struct {
	pulumi.ResourceState

	// MembershipID is the fleet membership id (the cluster name); MembershipName its full
	// resource name projects/<p>/locations/global/memberships/<id>.
	MembershipID   pulumi.StringOutput
	MembershipName pulumi.StringOutput
	FeatureName    pulumi.StringOutput
	// Namespace and KubernetesServiceAccount name the workload's namespace and service
	// account: read from the created objects with InCluster, from the arguments otherwise.
	Namespace                pulumi.StringOutput
	KubernetesServiceAccount pulumi.StringOutput
	// InCluster reports whether the Kubernetes objects are managed here.
	InCluster pulumi.BoolOutput

	// Provider reaches the cluster; nil without InCluster. Components that put more objects
	// into the cluster (microservice.NewMicroservice, entry.NewEntry) use it rather than building their own.
	Provider *kubernetes.Provider
	// Ready is the mesh gate (the mesh-ready Job, ready.go); nil without InCluster. The
	// managed mesh installs the Istio CRDs and its injection some minutes after the feature
	// membership exists, and no output carries that fact: every object of a mesh-installed
	// kind and every workload in a namespace labelled for injection names Ready in DependsOn
	// (as the STRICT PeerAuthentication here does).
	Ready pulumi.Resource
}

// NewMesh creates the fleet membership, the servicemesh feature and its membership
// configuration, and (with InCluster) the Kubernetes objects.
func NewMesh(ctx *pulumi.Context, name string, args *MeshArgs, opts ...pulumi.ResourceOption) (*Mesh, error) {
	if args == nil {
		args = &MeshArgs{}
	}
	need := map[string]any{"Env": args.Env, "ClusterName": args.ClusterName, "Namespace": args.Namespace,
		"ServiceAccount": args.ServiceAccount, "Project": args.Project, "ClusterID": args.ClusterID, "OIDCIssuer": args.OIDCIssuer}
	if args.InCluster {
		need["ProjectNumber"] = args.ProjectNumber
		need["WorkloadServiceAccountEmail"] = args.WorkloadServiceAccountEmail
		need["ImageMirror"] = args.ImageMirror
		need["ReleaseChannel"] = args.ReleaseChannel
	}
	if err := required.Args("mesh.NewMesh", need); err != nil {
		return nil, err
	}
	s := args

	c := &Mesh{}
	if err := ctx.RegisterComponentResource("mlplatform:gcp:Mesh", name, c, opts...); err != nil {
		return nil, err
	}

	membership, featureMember, err := meshFleet(ctx, name, c, s)
	if err != nil {
		return nil, err
	}

	c.MembershipID = membership.MembershipId
	c.MembershipName = membership.Name
	c.FeatureName = featureMember.Feature
	c.InCluster = pulumi.Bool(s.InCluster).ToBoolOutput()
	c.Namespace = pulumi.String(s.Namespace).ToStringOutput()
	c.KubernetesServiceAccount = pulumi.String(s.ServiceAccount).ToStringOutput()
	if s.InCluster {
		if err := c.inCluster(ctx, name, args, membership, featureMember); err != nil {
			return nil, err
		}
	}
	if err := ctx.RegisterResourceOutputs(c, pulumi.Map{
		"membershipId":             c.MembershipID,
		"membershipName":           c.MembershipName,
		"featureName":              c.FeatureName,
		"namespace":                c.Namespace,
		"kubernetesServiceAccount": c.KubernetesServiceAccount,
		"inCluster":                c.InCluster,
	}); err != nil {
		return nil, err
	}
	return c, nil
}

// meshFleet registers the cluster in the fleet and turns managed Cloud Service Mesh on for it.
func meshFleet(ctx *pulumi.Context, name string, c *Mesh, s *MeshArgs) (*gkehub.Membership, *gkehub.FeatureMembership, error) {
	// The authority lets the fleet (and so the mesh CA) trust the cluster's own tokens.
	membership, err := gkehub.NewMembership(ctx, name+"-membership", &gkehub.MembershipArgs{
		Project:      s.Project,
		MembershipId: pulumi.String(s.ClusterName),
		Location:     pulumi.String(fleetLocation),
		Endpoint: &gkehub.MembershipEndpointArgs{GkeCluster: &gkehub.MembershipEndpointGkeClusterArgs{
			ResourceLink: pulumi.Sprintf("//container.googleapis.com/%s", s.ClusterID),
		}},
		Authority: &gkehub.MembershipAuthorityArgs{Issuer: s.OIDCIssuer},
		Labels:    pulumi.ToStringMap(s.Labels),
	}, childOpts(c)...)
	if err != nil {
		return nil, nil, err
	}
	feature, err := gkehub.NewFeature(ctx, name+"-servicemesh", &gkehub.FeatureArgs{
		Project:  s.Project,
		Name:     pulumi.String("servicemesh"),
		Location: pulumi.String(fleetLocation),
		Labels:   pulumi.ToStringMap(s.Labels),
	}, childOpts(c)...)
	if err != nil {
		return nil, nil, err
	}
	// Google runs the control plane and upgrades the data plane (MANAGEMENT_AUTOMATIC).
	featureMember, err := gkehub.NewFeatureMembership(ctx, name+"-servicemesh-member", &gkehub.FeatureMembershipArgs{
		Project:            feature.Project,
		Location:           feature.Location,
		Feature:            feature.Name,
		Membership:         membership.MembershipId,
		MembershipLocation: pulumi.String(fleetLocation),
		Mesh:               &gkehub.FeatureMembershipMeshArgs{Management: pulumi.String("MANAGEMENT_AUTOMATIC")},
	}, childOpts(c)...)
	if err != nil {
		return nil, nil, err
	}
	return membership, featureMember, nil
}

// inCluster creates the Kubernetes side of the mesh through the fleet's Connect gateway: the
// workload's namespace and service account, the readiness gate, STRICT mTLS and, with the
// cross-cloud path, the egress policies.
func (c *Mesh) inCluster(ctx *pulumi.Context, name string, args *MeshArgs, membership *gkehub.Membership, featureMember *gkehub.FeatureMembership) error {
	k8s, err := gatewayProvider(ctx, name, c, args, membership)
	if err != nil {
		return err
	}
	c.Provider = k8s
	inK8s := childOpts(c, pulumi.Provider(k8s))
	appLabels := pulumi.StringMap{"app.kubernetes.io/managed-by": pulumi.String("pulumi"), "environment": pulumi.String(args.Env)}

	ns, ksa, err := workloadNamespace(ctx, name, args, appLabels, inK8s)
	if err != nil {
		return err
	}
	if err := gcp.QuietDefaultServiceAccount(ctx, name, ns.Metadata.Name(), appLabels, inK8s); err != nil {
		return err
	}
	if err := workloadIngressPolicy(ctx, name, ns.Metadata.Name(), appLabels, inK8s); err != nil {
		return err
	}
	ready, err := meshReadiness(ctx, c, name, args, ns, args.ImageMirror, inK8s, featureMember)
	if err != nil {
		return err
	}
	c.Ready = ready
	if err := strictMTLS(ctx, name, appLabels, ready, inK8s); err != nil {
		return err
	}
	// With the cross-cloud path the microservice's egress is confined to what it needs.
	if args.CrossCloud {
		if err := c.egressPolicy(ctx, name, args, ns, inK8s); err != nil {
			return err
		}
		if err := readyEgressPolicy(ctx, name, args, ns, inK8s); err != nil {
			return err
		}
	}
	c.Namespace = ns.Metadata.Name().Elem()
	c.KubernetesServiceAccount = ksa.Metadata.Name().Elem()
	return nil
}

// gatewayProvider is an explicit provider: the ambient kubeconfig of whoever runs `pulumi up`
// must never decide which cluster these objects land in. It reaches the API server through the
// fleet's Connect gateway, which needs no network path to the cluster (policy DEP-001).
func gatewayProvider(ctx *pulumi.Context, name string, c *Mesh, args *MeshArgs, membership *gkehub.Membership) (*kubernetes.Provider, error) {
	kubeconfig := pulumi.ToSecret(pulumi.All(args.ProjectNumber, membership.Location, membership.MembershipId).
		ApplyT(func(v []interface{}) (string, error) {
			location := ""
			if l := v[1].(*string); l != nil {
				location = *l
			}
			return GatewayKubeconfig(v[0].(string), location, v[2].(string))
		})).(pulumi.StringOutput)
	return kubernetes.NewProvider(ctx, name+"-k8s", &kubernetes.ProviderArgs{
		Kubeconfig: kubeconfig,
	}, childOpts(c)...)
}

// workloadNamespace is the microservice's namespace, labelled for mesh injection, and its
// Kubernetes service account, annotated with the Google service account it impersonates.
func workloadNamespace(ctx *pulumi.Context, name string, args *MeshArgs, appLabels pulumi.StringMap,
	inK8s []pulumi.ResourceOption) (*kubenative.Namespace, *kubenative.ServiceAccount, error) {
	nsLabels := gcp.MeshNamespaceLabels()
	for k, v := range appLabels {
		nsLabels[k] = v
	}
	ns, err := kubenative.NewNamespace(ctx, name+"-namespace", &kubenative.NamespaceArgs{
		Metadata: &metav1.ObjectMetaArgs{Name: pulumi.String(args.Namespace), Labels: nsLabels},
	}, inK8s...)
	if err != nil {
		return nil, nil, err
	}
	ksa, err := kubenative.NewServiceAccount(ctx, name+"-ksa", &kubenative.ServiceAccountArgs{
		Metadata: &metav1.ObjectMetaArgs{
			Name:        pulumi.String(args.ServiceAccount),
			Namespace:   ns.Metadata.Name(), // created inside the namespace, after it
			Labels:      appLabels,
			Annotations: pulumi.StringMap{gsaAnnotation: args.WorkloadServiceAccountEmail},
		},
		// Workload Identity uses the metadata server and Azure federation a projected token
		// with its own audience; the default API token is not needed in the pods.
		AutomountServiceAccountToken: pulumi.Bool(false),
	}, inK8s...)
	if err != nil {
		return nil, nil, err
	}
	return ns, ksa, nil
}

// strictMTLS is the mesh-wide STRICT PeerAuthentication.
//
// DependsOn, not an output: managed Cloud Service Mesh installs the PeerAuthentication CRD
// and istio-system some minutes after the feature membership exists; the readiness Job
// completes only once the CRD is established, and no output carries that fact.
func strictMTLS(ctx *pulumi.Context, name string, appLabels pulumi.StringMap, ready pulumi.Resource, inK8s []pulumi.ResourceOption) error {
	_, err := apiextensions.NewCustomResource(ctx, name+"-strict-mtls", &apiextensions.CustomResourceArgs{
		ApiVersion: pulumi.String("security.istio.io/v1beta1"),
		Kind:       pulumi.String("PeerAuthentication"),
		Metadata: &metav1.ObjectMetaArgs{
			Name:      pulumi.String("default"),
			Namespace: pulumi.String(meshRootNamespace),
			Labels:    appLabels,
		},
		OtherFields: kubernetes.UntypedArgs{
			"spec": map[string]interface{}{"mtls": map[string]interface{}{"mode": "STRICT"}},
		},
	}, append(inK8s, pulumi.DependsOn([]pulumi.Resource{ready}))...)
	return err
}

// childOpts parents children to the component.
func childOpts(parent pulumi.Resource, extra ...pulumi.ResourceOption) []pulumi.ResourceOption {
	return append([]pulumi.ResourceOption{pulumi.Parent(parent)}, extra...)
}
