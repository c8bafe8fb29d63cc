package gcp

import (
	"encoding/json"
	"fmt"

	batchv1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/batch/v1"
	corev1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/core/v1"
	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
	rbacv1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/rbac/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/gkehub"
)

const (
	// ConnectGatewayHost serves every fleet member's Kubernetes API to IAM-authorized callers
	// ("Using the Connect gateway": cloud.google.com/kubernetes-engine/enterprise/
	// multicluster-management/gateway/using). The caller needs the API enabled
	// (connectgateway.googleapis.com), Connect Gateway Editor (roles/gkehub.gatewayEditor) and
	// Fleet Viewer (roles/gkehub.viewer) on the project, and Kubernetes authorization in the
	// cluster ("Set up the Connect gateway": .../gateway/setup).
	ConnectGatewayHost = "connectgateway.googleapis.com"
	// meshCRD is the CRD the program's mesh object needs; managed Cloud Service Mesh installs
	// it after the feature membership is accepted.
	meshCRD = "peerauthentications.security.istio.io"
	// meshReadyImage runs the readiness check: a curl image (the check needs only an HTTPS
	// client), Docker Hub's curlimages/curl, named under the project's Artifact Registry proxy
	// of Docker Hub (Cluster.ImageMirror, images.go) so the nodes pull it from a registry the
	// project controls and Binary Authorization admits (AVD-KSV-0125, CIS GKE 5.1.4). It is
	// pinned by digest so every run pulls the same bits and Binary Authorization judges a
	// digest, not a movable tag (a remote repository serves an upstream digest unchanged). The
	// digest is the tag's multi-platform manifest-list digest as published for
	// curlimages/curl:8.11.1 in SMK1085/paigasus-core, ci/images/run.sh (commit 1cb4144e,
	// 2026-08-20, obtained with `docker buildx imagetools inspect curlimages/curl:8.11.1
	// --format '{{.Manifest.Digest}}'`); several unrelated public repositories pin the same
	// digest for the same tag. Not checked against Docker Hub from here (no network): rerun
	// that command before changing the tag.
	meshReadyImage = "curlimages/curl:8.11.1@sha256:c1fe1679c34d9784c1b0d1e5f62ac0a79fca01fb6377cdd33e90473c6f9f9a69"
	// meshReadyTimeoutSeconds bounds the wait: Google documents that the mesh CRDs can take up
	// to ten minutes to be established after provisioning starts (Cloud Service Mesh
	// "Provision a managed control plane": "It can take up to ten minutes to establish"); the
	// node pool, created in parallel, may also still be starting.
	meshReadyTimeoutSeconds = 1800
)

// GatewayKubeconfig renders a kubeconfig (JSON) whose server is the fleet membership behind the
// Connect gateway, https://connectgateway.googleapis.com/v1/projects/PROJECT_NUMBER/locations/
// LOCATION/gkeMemberships/MEMBERSHIP (the form `gcloud container fleet memberships
// get-credentials` writes for GKE members). gke-gcloud-auth-plugin supplies the caller's
// Google access token, the credential the gateway authorizes with IAM; no CA data is needed
// (the gateway presents a public Google certificate).
func GatewayKubeconfig(projectNumber, location, membership string) (string, error) {
	if projectNumber == "" || location == "" || membership == "" {
		return "", fmt.Errorf("gateway kubeconfig needs the project number, membership location and id (got %q, %q, %q)", projectNumber, location, membership)
	}
	name := fmt.Sprintf("connectgateway_%s_%s_%s", projectNumber, location, membership)
	cfg := map[string]interface{}{
		"apiVersion": "v1", "kind": "Config", "current-context": name,
		"clusters": []interface{}{map[string]interface{}{"name": name, "cluster": map[string]interface{}{
			"server": fmt.Sprintf("https://%s/v1/projects/%s/locations/%s/gkeMemberships/%s", ConnectGatewayHost, projectNumber, location, membership),
		}}},
		"contexts": []interface{}{map[string]interface{}{"name": name, "context": map[string]interface{}{"cluster": name, "user": name}}},
		"users": []interface{}{map[string]interface{}{"name": name, "user": map[string]interface{}{"exec": map[string]interface{}{
			"apiVersion":  "client.authentication.k8s.io/v1beta1",
			"command":     "gke-gcloud-auth-plugin",
			"installHint": "Install gke-gcloud-auth-plugin: https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin",
		}}}},
	}
	out, err := json.MarshalIndent(cfg, "", "  ")
	return string(out), err
}

// meshReadyScript polls the API server until the mesh CRD reports Established=True, the same
// wait terraform-google-kubernetes-engine's asm module ran with `kubectl wait` before applying
// mesh objects (modules/asm/scripts/create_cpr.sh waited on condition Reconciled of the
// ControlPlaneRevision; the CRD is what a PeerAuthentication needs).
var meshReadyScript = `set -eu
sa=/var/run/secrets/kubernetes.io/serviceaccount
url="https://kubernetes.default.svc/apis/apiextensions.k8s.io/v1/customresourcedefinitions/` + meshCRD + `"
until curl -sf --cacert "$sa/ca.crt" -H "Authorization: Bearer $(cat "$sa/token")" "$url" |
  tr -d ' \n' | tr '{' '\n' | grep '"type":"Established"' | grep -q '"status":"True"'; do
  echo "waiting for ` + meshCRD + `"; sleep 15
done
echo "` + meshCRD + ` established"`

// readyName names the mesh-ready Job's objects and labels its pods (egress.go selects them).
const readyName = "mesh-ready"

// meshReadiness registers a Job that completes once the mesh CRD is established, with the least
// RBAC it needs (get on that one CRD). The Kubernetes provider waits for the Job's Complete
// condition (pulumi.com/waitFor, provider v4.18+), so whatever depends on the Job is created
// only when the mesh can accept it: the first `pulumi up` needs no rerun.
func meshReadiness(ctx *pulumi.Context, c *Mesh, name string, s *MeshArgs, ns *corev1.Namespace, mirror pulumi.StringInput, inK8s []pulumi.ResourceOption, featureMember *gkehub.FeatureMembership) (*batchv1.Job, error) {
	id := s.Names.Cluster() + "-mesh-ready"
	labels := pulumi.StringMap{"app.kubernetes.io/managed-by": pulumi.String("pulumi"), "app.kubernetes.io/name": pulumi.String(readyName)}
	sa, err := corev1.NewServiceAccount(ctx, name+"-ready-sa", &corev1.ServiceAccountArgs{
		Metadata: &metav1.ObjectMetaArgs{Name: pulumi.String("mesh-ready"), Namespace: ns.Metadata.Name(), Labels: labels},
	}, inK8s...)
	if err != nil {
		return nil, err
	}
	role, err := rbacv1.NewClusterRole(ctx, name+"-ready-role", &rbacv1.ClusterRoleArgs{
		Metadata: &metav1.ObjectMetaArgs{Name: pulumi.String(id), Labels: labels},
		Rules: rbacv1.PolicyRuleArray{&rbacv1.PolicyRuleArgs{
			ApiGroups: pulumi.ToStringArray([]string{"apiextensions.k8s.io"}), Resources: pulumi.ToStringArray([]string{"customresourcedefinitions"}),
			ResourceNames: pulumi.ToStringArray([]string{meshCRD}), Verbs: pulumi.ToStringArray([]string{"get"}),
		}},
	}, inK8s...)
	if err != nil {
		return nil, err
	}
	binding, err := rbacv1.NewClusterRoleBinding(ctx, name+"-ready-binding", &rbacv1.ClusterRoleBindingArgs{
		Metadata: &metav1.ObjectMetaArgs{Name: pulumi.String(id), Labels: labels},
		RoleRef:  &rbacv1.RoleRefArgs{ApiGroup: pulumi.String("rbac.authorization.k8s.io"), Kind: pulumi.String("ClusterRole"), Name: role.Metadata.Name().Elem()},
		Subjects: rbacv1.SubjectArray{&rbacv1.SubjectArgs{Kind: pulumi.String("ServiceAccount"), Name: sa.Metadata.Name().Elem(), Namespace: sa.Metadata.Namespace().Elem()}},
	}, inK8s...)
	if err != nil {
		return nil, err
	}
	// DependsOn the feature membership: the mesh starts installing only once it exists, and
	// the Job's time budget should count from there (the critical path models it so).
	return batchv1.NewJob(ctx, name+"-ready", &batchv1.JobArgs{
		Metadata: &metav1.ObjectMetaArgs{
			Name: pulumi.String("mesh-ready"), Namespace: ns.Metadata.Name(), Labels: labels,
			Annotations: pulumi.StringMap{
				"pulumi.com/waitFor":        pulumi.String("condition=Complete"),
				"pulumi.com/timeoutSeconds": pulumi.String(fmt.Sprint(meshReadyTimeoutSeconds)),
			},
		},
		Spec: &batchv1.JobSpecArgs{
			BackoffLimit:          pulumi.Int(2),
			ActiveDeadlineSeconds: pulumi.Int(meshReadyTimeoutSeconds),
			Template: &corev1.PodTemplateSpecArgs{
				Metadata: &metav1.ObjectMetaArgs{Labels: labels,
					// A sidecar would keep the pod (and so the Job) running forever.
					Annotations: pulumi.StringMap{"sidecar.istio.io/inject": pulumi.String("false")}},
				Spec: &corev1.PodSpecArgs{
					ServiceAccountName: binding.Subjects.Index(pulumi.Int(0)).Name(),
					// The one pod that needs its API token: the script polls the API server
					// with it (CIS GKE 4.1.5: tokens only where necessary; policy POD-006
					// wants every pod to state this, so the need is declared, not inherited).
					AutomountServiceAccountToken: pulumi.Bool(true),
					RestartPolicy:                pulumi.String("Never"),
					SecurityContext: &corev1.PodSecurityContextArgs{RunAsNonRoot: pulumi.Bool(true),
						RunAsUser: pulumi.Int(nonRootID), RunAsGroup: pulumi.Int(nonRootID),
						SeccompProfile: &corev1.SeccompProfileArgs{Type: pulumi.String("RuntimeDefault")}},
					Containers: corev1.ContainerArray{&corev1.ContainerArgs{
						Name: pulumi.String("wait"), Image: pulumi.Sprintf("%s/%s", mirror, meshReadyImage),
						Command: pulumi.ToStringArray([]string{"/bin/sh", "-c", meshReadyScript}),
						// A shell, curl, tr and grep every 15 s: a few millicores and a few MiB;
						// the limits keep a fault from taking more from the node (POD-003).
						Resources: containerResources("10m", "32Mi", "100m", "64Mi"),
						SecurityContext: &corev1.SecurityContextArgs{
							AllowPrivilegeEscalation: pulumi.Bool(false), ReadOnlyRootFilesystem: pulumi.Bool(true),
							Capabilities: &corev1.CapabilitiesArgs{Drop: pulumi.ToStringArray([]string{"ALL"})},
						},
					}},
				},
			},
		},
	}, append(inK8s, pulumi.DependsOn([]pulumi.Resource{featureMember}))...)
}
