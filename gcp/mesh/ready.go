package mesh

import (
	"encoding/json"
	"fmt"
	"strings"

	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/gkehub"

	"github.com/example/mlplatform/gcp"
	"github.com/example/mlplatform/kubenative"
)

const (
	// ConnectGatewayHost serves every fleet member's Kubernetes API to IAM-authorized callers
	// ("Using the Connect gateway": cloud.google.com/kubernetes-engine/enterprise/
	// multicluster-management/gateway/using). The caller needs the API enabled
	// (connectgateway.googleapis.com), Connect Gateway Editor (roles/gkehub.gatewayEditor) and
	// Fleet Viewer (roles/gkehub.viewer) on the project, and Kubernetes authorization in the
	// cluster ("Set up the Connect gateway": .../gateway/setup).
	ConnectGatewayHost = "connectgateway.googleapis.com"
	// meshReadyImage runs the readiness check: a curl image (the check needs only an HTTPS
	// client), Docker Hub's curlimages/curl, named under the project's Artifact Registry proxy
	// of Docker Hub (Cluster.ImageMirror, gcp/cluster/images.go) so the nodes pull it from a registry the
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
	// meshReadyTimeoutSeconds bounds the wait. Google documents that the mesh CRDs can take up
	// to ten minutes to be established after provisioning starts (Cloud Service Mesh "Provision
	// a managed control plane", cloud.google.com/service-mesh/docs/managed/
	// provision-managed-anthos-service-mesh: "It can take up to ten minutes to establish"), and
	// Google's installer waits 600 s for the revision (asmcli, see meshGateChecks); the node
	// pool, created in parallel, may also still be starting. The bound that ends a gate which
	// cannot succeed is the Job's activeDeadlineSeconds: the Job then fails with reason
	// DeadlineExceeded, which the provider's Job await reports as an error
	// (pulumi-kubernetes v4.32.0 provider/pkg/await/checker/job/check.go). The await's own
	// timer (pulumi.com/timeoutSeconds, else 10 minutes: provider/pkg/await/job.go,
	// DefaultJobTimeoutMins) restarts on every event it receives (job.go Await,
	// time.After inside the loop) and the informers resend every object each minute, so it
	// does not bound the wait; the annotation carries the same figure all the same, in case a
	// later provider makes it a deadline.
	meshReadyTimeoutSeconds = 1800
)

// meshCheck is one thing the mesh gate waits for: an object the gate reads through the API
// server (and may only read: RBAC get on exactly that name) until one of its JSON objects
// carries both markers.
type meshCheck struct {
	group, resource, name string
	// namespace is "" for a cluster-scoped object.
	namespace string
	// path is the object's API path; markers must appear together in one of its JSON objects.
	path    string
	markers [2]string
}

// crdCheck waits until the CRD of plural.group is Established and serves version: what the API
// server needs before it accepts an object of that kind in that version ("no matches for kind"
// otherwise, which pulumi-kubernetes tries only six times, the first try and five retries, in
// about a minute: provider/pkg/await/await.go v4.32.0, Creation, retry.SleepingRetry with
// WithMaxRetries(5) and WithBackoffFactor(2) from 1 s (provider/pkg/retry/retry.go), i.e.
// 1+2+4+8+16+32 s).
func crdCheck(plural, group, version string) []meshCheck {
	name := plural + "." + group
	path := "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + name
	return []meshCheck{
		{group: "apiextensions.k8s.io", resource: "customresourcedefinitions", name: name, path: path,
			markers: [2]string{`"type":"Established"`, `"status":"True"`}},
		{group: "apiextensions.k8s.io", resource: "customresourcedefinitions", name: name, path: path,
			markers: [2]string{`"name":"` + version + `",`, `"served":true`}},
	}
}

// meshRevision is the managed control plane revision of a GKE release channel: managed Cloud
// Service Mesh (MANAGEMENT_AUTOMATIC) follows the cluster's channel, REGULAR -> asm-managed,
// RAPID -> asm-managed-rapid, STABLE -> asm-managed-stable (the same mapping as Google's
// terraform-google-kubernetes-engine modules/asm/main.tf, local.revision_name).
func meshRevision(channel string) string {
	if c := strings.ToLower(channel); c != "" && c != "regular" {
		return "asm-managed-" + c
	}
	return "asm-managed"
}

// meshGateChecks is everything the program's mesh objects and meshed pods need from the managed
// mesh: the CRD of every Istio kind the program creates, in the API version it uses
// (PeerAuthentication security.istio.io/v1beta1 in mesh.go; AuthorizationPolicy
// security.istio.io/v1 in gcp/microservice/microservice.go and gcp/entry/cluster.go; RequestAuthentication
// security.istio.io/v1 for IAP's signed header in gcp/entry/cluster.go; Gateway, VirtualService,
// and the ServiceEntry and DestinationRule that reach IAP's keys,
// networking.istio.io/v1 in gcp/entry/cluster.go), and the control plane revision having finished
// provisioning: the ControlPlaneRevision in istio-system with condition ProvisioningFinished,
// which is what Google's own installer waits for before it tells users to label namespaces
// for injection (asmcli, GoogleCloudPlatform/anthos-service-mesh-packages
// asmcli/commands/install.sh, install_control_plane_revisions: `kubectl wait
// --for=condition=ProvisioningFinished controlplanerevision "${REVISION}" -n istio-system
// --timeout 600s`; an older Google module waited for condition Reconciled,
// terraform-google-kubernetes-engine modules/asm/scripts/create_cpr.sh). Injection happens
// only when a pod is created ("Inject sidecar proxies", cloud.google.com/service-mesh/docs/
// proxy-injection: the label is used by the sidecar injector webhook), so a meshed pod
// created earlier runs without a sidecar until it is restarted.
func meshGateChecks(channel string) []meshCheck {
	var out []meshCheck
	out = append(out, crdCheck("peerauthentications", "security.istio.io", "v1beta1")...)
	out = append(out, crdCheck("authorizationpolicies", "security.istio.io", "v1")...)
	out = append(out, crdCheck("requestauthentications", "security.istio.io", "v1")...)
	out = append(out, crdCheck("gateways", "networking.istio.io", "v1")...)
	out = append(out, crdCheck("virtualservices", "networking.istio.io", "v1")...)
	out = append(out, crdCheck("serviceentries", "networking.istio.io", "v1")...)
	out = append(out, crdCheck("destinationrules", "networking.istio.io", "v1")...)
	rev := meshRevision(channel)
	return append(out, meshCheck{group: "mesh.cloud.google.com", resource: "controlplanerevisions", name: rev, namespace: meshRootNamespace,
		path:    "/apis/mesh.cloud.google.com/v1beta1/namespaces/" + meshRootNamespace + "/controlplanerevisions/" + rev,
		markers: [2]string{`"type":"ProvisioningFinished"`, `"status":"True"`}})
}

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

// meshReadyScript polls the API server until every check holds, the same waits Google's
// installer runs with `kubectl wait` (meshGateChecks). The pod has only a shell, curl, tr and
// grep: the JSON is flattened to one object per line and a line must carry both markers.
func meshReadyScript(checks []meshCheck) string {
	var b strings.Builder
	b.WriteString(`set -eu
sa=/var/run/secrets/kubernetes.io/serviceaccount
has() {
  curl -sf --cacert "$sa/ca.crt" -H "Authorization: Bearer $(cat "$sa/token")" "https://kubernetes.default.svc$1" |
    tr -d ' \n' | tr '{' '\n' | grep -F "$2" | grep -qF "$3"
}
`)
	for _, c := range checks {
		fmt.Fprintf(&b, "until has '%s' '%s' '%s'; do echo 'waiting for %s/%s %s'; sleep 15; done\n",
			c.path, c.markers[0], c.markers[1], c.resource, c.name, c.markers[0])
	}
	b.WriteString("echo 'mesh ready'\n")
	return b.String()
}

// meshReadyRules grant get on exactly the objects the checks read. ClusterRole rules with
// resourceNames also cover namespaced objects; a Role in istio-system is not possible, as the
// managed mesh creates that namespace only while it installs.
func meshReadyRules(checks []meshCheck) kubenative.PolicyRuleArray {
	var rules kubenative.PolicyRuleArray
	seen := map[string]bool{}
	for _, c := range checks {
		if seen[c.group+"/"+c.resource+"/"+c.name] {
			continue
		}
		seen[c.group+"/"+c.resource+"/"+c.name] = true
		rules = append(rules, &kubenative.PolicyRuleArgs{
			ApiGroups: pulumi.ToStringArray([]string{c.group}), Resources: pulumi.ToStringArray([]string{c.resource}),
			ResourceNames: pulumi.ToStringArray([]string{c.name}), Verbs: pulumi.ToStringArray([]string{"get"}),
		})
	}
	return rules
}

// readyName names the mesh-ready Job's objects and labels its pods (netpol.go selects them).
const readyName = "mesh-ready"

// meshReadiness registers the mesh gate: a Job that completes once the managed mesh has
// installed everything meshGateChecks lists, with the least RBAC it needs (get on exactly those
// objects). The Kubernetes provider's built-in Job await holds the Job's dependents until its
// Complete condition, and fails when the Job fails with BackoffLimitExceeded or
// DeadlineExceeded, with the pods' warnings (provider/pkg/await/job.go and checker/job/check.go
// v4.32.0), so whatever depends on the Job is created only when the mesh can accept it and
// inject its pods: the first `pulumi up` needs no rerun. The Job carries no pulumi.com/waitFor:
// since v4.18.4 that annotation replaces the built-in await (provider/pkg/await/await.go
// v4.32.0, Creation: `spec.await != nil && !custom`), and a waitFor condition ignores Failed.
// pulumi.com/replaceUnready: by default, after a gate failed, the next `up` waits again on the
// same failed Job and fails at once, so the gate would never run again without deleting it by
// hand; with the annotation that `up` replaces a Job that is not Complete
// (provider/pkg/provider/provider.go v4.32.0, Diff: "Fetch current Job status and check
// point-in-time readiness"; the Job API page: "to schedule a replacement for an unready
// resource on the next update"). A Complete Job is left alone.
func meshReadiness(ctx *pulumi.Context, c *Mesh, name string, s *MeshArgs, ns *kubenative.Namespace, mirror pulumi.StringInput, inK8s []pulumi.ResourceOption, featureMember *gkehub.FeatureMembership) (*kubenative.Job, error) {
	checks := meshGateChecks(s.ReleaseChannel)
	labels := pulumi.StringMap{"app.kubernetes.io/managed-by": pulumi.String("pulumi"), "app.kubernetes.io/name": pulumi.String(readyName)}
	binding, err := meshReadyRBAC(ctx, name, s.ClusterName+"-mesh-ready", ns, labels, checks, inK8s)
	if err != nil {
		return nil, err
	}
	// DependsOn the feature membership: the mesh starts installing only once it exists, and
	// the Job's time budget should count from there (the critical path models it so).
	return kubenative.NewJob(ctx, name+"-ready", &kubenative.JobArgs{
		Metadata: &metav1.ObjectMetaArgs{
			Name: pulumi.String("mesh-ready"), Namespace: ns.Metadata.Name(), Labels: labels,
			Annotations: pulumi.StringMap{
				"pulumi.com/timeoutSeconds": pulumi.String(fmt.Sprint(meshReadyTimeoutSeconds)),
				"pulumi.com/replaceUnready": pulumi.String("true"),
			},
		},
		Spec: meshReadyJobSpec(labels, binding, mirror, checks),
	}, append(inK8s, pulumi.DependsOn([]pulumi.Resource{featureMember}))...)
}

// meshReadyRBAC is the Job's service account with get on exactly the objects of checks
// (a ClusterRole named id and its binding); the Job takes its account from the binding.
func meshReadyRBAC(ctx *pulumi.Context, name, id string, ns *kubenative.Namespace, labels pulumi.StringMap, checks []meshCheck,
	inK8s []pulumi.ResourceOption) (*kubenative.ClusterRoleBinding, error) {
	sa, err := kubenative.NewServiceAccount(ctx, name+"-ready-sa", &kubenative.ServiceAccountArgs{
		Metadata: &metav1.ObjectMetaArgs{Name: pulumi.String("mesh-ready"), Namespace: ns.Metadata.Name(), Labels: labels},
	}, inK8s...)
	if err != nil {
		return nil, err
	}
	role, err := kubenative.NewClusterRole(ctx, name+"-ready-role", &kubenative.ClusterRoleArgs{
		Metadata: &metav1.ObjectMetaArgs{Name: pulumi.String(id), Labels: labels},
		Rules:    meshReadyRules(checks),
	}, inK8s...)
	if err != nil {
		return nil, err
	}
	return kubenative.NewClusterRoleBinding(ctx, name+"-ready-binding", &kubenative.ClusterRoleBindingArgs{
		Metadata: &metav1.ObjectMetaArgs{Name: pulumi.String(id), Labels: labels},
		RoleRef:  &kubenative.RoleRefArgs{ApiGroup: pulumi.String("rbac.authorization.k8s.io"), Kind: pulumi.String("ClusterRole"), Name: role.Metadata.Name().Elem()},
		Subjects: kubenative.SubjectArray{&kubenative.SubjectArgs{Kind: pulumi.String("ServiceAccount"), Name: sa.Metadata.Name().Elem(), Namespace: sa.Metadata.Namespace().Elem()}},
	}, inK8s...)
}

// meshReadyJobSpec runs meshReadyScript(checks) once, non-root, read-only and without a
// sidecar, as the binding's service account.
func meshReadyJobSpec(labels pulumi.StringMap, binding *kubenative.ClusterRoleBinding, mirror pulumi.StringInput, checks []meshCheck) *kubenative.JobSpecArgs {
	return &kubenative.JobSpecArgs{
		BackoffLimit:          pulumi.Int(2),
		ActiveDeadlineSeconds: pulumi.Int(meshReadyTimeoutSeconds),
		Template: &kubenative.PodTemplateSpecArgs{
			Metadata: &metav1.ObjectMetaArgs{Labels: labels,
				// A sidecar would keep the pod (and so the Job) running forever.
				Annotations: pulumi.StringMap{"sidecar.istio.io/inject": pulumi.String("false")}},
			Spec: &kubenative.PodSpecArgs{
				ServiceAccountName: binding.Subjects.Index(pulumi.Int(0)).Name(),
				// The one pod that needs its API token: the script polls the API server
				// with it (CIS GKE 4.1.5: tokens only where necessary; policy POD-006
				// wants every pod to state this, so the need is declared, not inherited).
				AutomountServiceAccountToken: pulumi.Bool(true),
				RestartPolicy:                pulumi.String("Never"),
				SecurityContext: &kubenative.PodSecurityContextArgs{RunAsNonRoot: pulumi.Bool(true),
					RunAsUser: pulumi.Int(gcp.NonRootID), RunAsGroup: pulumi.Int(gcp.NonRootID),
					SeccompProfile: &kubenative.SeccompProfileArgs{Type: pulumi.String("RuntimeDefault")}},
				Containers: kubenative.ContainerArray{&kubenative.ContainerArgs{
					Name: pulumi.String("wait"), Image: pulumi.Sprintf("%s/%s", mirror, meshReadyImage),
					Command: pulumi.ToStringArray([]string{"/bin/sh", "-c", meshReadyScript(checks)}),
					// A shell, curl, tr and grep every 15 s: a few millicores and a few MiB;
					// the limits keep a fault from taking more from the node (POD-003).
					Resources: gcp.ContainerResources("10m", "32Mi", "100m", "64Mi"),
					SecurityContext: &kubenative.SecurityContextArgs{
						AllowPrivilegeEscalation: pulumi.Bool(false), ReadOnlyRootFilesystem: pulumi.Bool(true),
						Capabilities: &kubenative.CapabilitiesArgs{Drop: pulumi.ToStringArray([]string{"ALL"})},
					},
				}},
			},
		},
	}
}
