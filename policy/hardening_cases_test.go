package policy

import (
	"testing"

	meshspec "github.com/example/mlplatform/gcp/mesh/spec"
)

// Tokens, fixtures and cases of k8sHardeningRules and gcpHardeningRules. KRBAC-001's cases are
// the mesh component's own (gcp/mesh/spec); its tokens stay known here.
const (
	tClusterRole   = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole"
	tClusterRB     = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding"
	tK8sRole       = "kubernetes:rbac.authorization.k8s.io/v1:Role"
	tRoleBinding   = "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding"
	tBinauthz      = "gcp:binaryauthorization/policy:Policy"
	tArtifactRepo  = "gcp:artifactregistry/repository:Repository"
	tK8sService    = "kubernetes:core/v1:Service"
	dockerHubImage = "curlimages/curl@sha256:c1fe1679c34d9784c1b0d1e5f62ac0a79fca01fb6377cdd33e90473c6f9f9a69"
)

func init() {
	knownTokens = append(knownTokens, tClusterRole, tClusterRB, tK8sRole, tRoleBinding, tBinauthz, tArtifactRepo, tK8sService)
	for id, c := range hardeningCases {
		ruleCases[id] = c
	}
	// Cases added to rules of other files: CPU limits (POD-003).
	extend := func(id string, pass, fail []scenario) {
		c := ruleCases[id]
		c.pass, c.fail = append(c.pass, pass...), append(c.fail, fail...)
		ruleCases[id] = c
	}
	extend("POD-003", nil, list(v(tDeployment, dep(func(c, _ map[string]any) { delete(c["resources"].(map[string]any)["limits"].(map[string]any), "cpu") }))))
}

// k8sService is the mesh ingress gateway's Service: ClusterIP, no external addresses.
func k8sService() map[string]any {
	return map[string]any{"metadata": map[string]any{"name": "mesh-ingressgateway", "namespace": ingressNS},
		"spec": map[string]any{"type": "ClusterIP", "selector": map[string]any{"istio": "ingressgateway"},
			"ports": []any{map[string]any{"name": "http", "port": 80, "targetPort": 8080}}}}
}

func egressPolicy() map[string]any {
	return netpol("inference", map[string]any{}, "Ingress", "Egress").Inputs.Mappable()
}

// clusterRole is the mesh-ready Job's role (KAPI-001 edits its apiVersion).
var clusterRole = meshspec.ReadyClusterRole

// binauthz is the project policy the program declares (admits the fixtures' digestImage).
func binauthz() map[string]any {
	return map[string]any{"project": "mlplatform-prod-7310", "globalPolicyEvaluationMode": "ENABLE",
		"admissionWhitelistPatterns": []any{map[string]any{"namePattern": "europe-docker.pkg.dev/p/**"},
			map[string]any{"namePattern": "gcr.io/gke-release/asm/*"}},
		"defaultAdmissionRule": map[string]any{"evaluationMode": "ALWAYS_DENY", "enforcementMode": "ENFORCED_BLOCK_AND_AUDIT_LOG"}}
}

// withImage is a Deployment whose only container runs image (the other fields compliant).
func withImage(image string) []any {
	c := dep(nil)()["spec"].(map[string]any)["template"].(map[string]any)["spec"].(map[string]any)["containers"].([]any)[0].(map[string]any)
	c["image"] = image
	return []any{c}
}

var (
	ridPod       = "spec.template.spec.securityContext"
	hostPathVol  = []any{map[string]any{"name": "docker", "hostPath": map[string]any{"path": "/var/run/docker.sock"}}}
	enforcingGKE = func() Resource { return res(tCluster, "gke", privateCluster()) }
	servicesWith = func(api string) Resource { return res(tService, "api-"+api, apiService(api)()) }
)

var hardeningCases = map[string]ruleCase{
	"POD-007": {list(v(tDeployment, dep(nil)), v(tJob, job(nil)),
		v(tDeployment, dep(nil), "spec.template.metadata.annotations", map[string]any{appArmorAnnotation + "inference-api": "runtime/default"}),
		v(tDeployment, dep(nil), "spec.template.spec.volumes", []any{map[string]any{"name": "tmp", "emptyDir": map[string]any{"sizeLimit": "64Mi"}}}),
		v(tDeployment, dep(func(c, pod map[string]any) {
			delete(pod, "securityContext")
			sc(c)["runAsUser"] = 10001
			sc(c)["runAsGroup"] = 10001
		}))),
		list(v(tDeployment, dep(nil), "spec.template.spec.volumes", hostPathVol),
			v(tJob, job(nil), "spec.template.spec.volumes", hostPathVol),
			v(tDeployment, dep(nil), "metadata.namespace", "default"),
			v(tJob, job(nil), "metadata.namespace", "kube-system"),
			v(tDeployment, dep(nil), "metadata.namespace", deleted{}),
			v(tDeployment, dep(nil), "spec.template.spec.hostAliases", []any{map[string]any{"ip": "10.0.0.1", "hostnames": []any{"x"}}}),
			v(tDeployment, dep(nil), ridPod+".supplementalGroups", []any{0}),
			v(tDeployment, dep(nil), ridPod+".fsGroup", 0),
			v(tDeployment, dep(nil), ridPod+".sysctls", []any{map[string]any{"name": "net.ipv4.ip_unprivileged_port_start", "value": "0"}}),
			v(tDeployment, dep(nil), ridPod+".windowsOptions.hostProcess", true),
			v(tDeployment, dep(func(c, _ map[string]any) { sc(c)["runAsUser"] = 1000 })),
			v(tDeployment, dep(func(_, pod map[string]any) { delete(pod["securityContext"].(map[string]any), "runAsGroup") })),
			v(tDeployment, dep(func(c, _ map[string]any) { sc(c)["capabilities"].(map[string]any)["add"] = []any{"NET_ADMIN"} })),
			v(tDeployment, dep(func(c, _ map[string]any) { sc(c)["procMount"] = "Unmasked" })),
			v(tDeployment, dep(func(c, _ map[string]any) { c["ports"] = []any{map[string]any{"containerPort": 8080, "hostPort": 8080}} })),
			v(tDeployment, dep(func(c, _ map[string]any) { c["ports"] = []any{map[string]any{"containerPort": 80}} })),
			v(tDeployment, dep(func(c, _ map[string]any) {
				c["env"] = []any{map[string]any{"name": "TOKEN", "valueFrom": map[string]any{"secretKeyRef": map[string]any{"name": "s", "key": "k"}}}}
			})),
			v(tDeployment, dep(nil), "spec.template.metadata.annotations", map[string]any{appArmorAnnotation + "inference-api": "unconfined"}))},
	"POD-008": {list(v(tDeployment, dep(nil)), v(tJob, job(nil)), v(tDeployment, dep(func(c, _ map[string]any) { c["image"] = "auto" }))),
		list(v(tDeployment, dep(nil), "spec.template.spec.containers", withImage(dockerHubImage)),
			v(tJob, job(nil), "spec.template.spec.containers", withImage("docker.io/"+dockerHubImage)),
			v(tDeployment, dep(nil), "spec.template.spec.containers", withImage("gcr.io/p/inference-api@sha256:0")),
			v(tDeployment, dep(nil), "spec.template.spec.containers", withImage("europe-docker.pkg.dev/inference-api@sha256:0")))},
	"NETPOL-002": {list(v(tNetworkPolicy, egressPolicy), v(tNetworkPolicy, egressPolicy, "spec.podSelector", map[string]any{"matchLabels": map[string]any{"app": "x"}})),
		list(v(tNetworkPolicy, egressPolicy, "spec.podSelector", deleted{}))},
	"SVC-001": {list(v(tK8sService, k8sService), v(tK8sService, k8sService, "spec.externalIPs", []any{})),
		list(v(tK8sService, k8sService, "spec.externalIPs", []any{"203.0.113.10"}))},
	"LB-001": {list(entryStack(nil)), list(entryStack(func(o map[string]map[string]any) { set(o[tBackendPolicy], "spec.default.logging.enabled", false) }),
		entryStack(func(o map[string]map[string]any) { set(o[tBackendPolicy], "spec.default.logging", deleted{}) }))},
	"KAPI-001": {list(v(tDeployment, dep(nil), "apiVersion", "apps/v1"), v(tClusterRole, clusterRole, "apiVersion", "rbac.authorization.k8s.io/v1"),
		v(tDeployment, dep(nil))),
		list(v(tDeployment, dep(nil), "apiVersion", "extensions/v1beta1"), v(tJob, job(nil), "apiVersion", "batch/v1beta1"),
			v(tClusterRole, clusterRole, "apiVersion", "rbac.authorization.k8s.io/v1beta1"))},
	"NODE-008": {list(many(res(tNodePool, "pool", nodePool()), res(tProjMember, "reader", nodeGrant("roles/artifactregistry.reader"))),
		many(res(tNodePool, "pool", nodePool()), res(tProjMember, "other-sa", saGrant("roles/storage.objectAdmin")()))),
		list(many(res(tNodePool, "pool", nodePool()), res(tProjMember, "writer", nodeGrant("roles/artifactregistry.writer"))),
			many(res(tNodePool, "pool", nodePool()), res(tProjMember, "reader", nodeGrant("roles/artifactregistry.reader")),
				res(tProjBinding, "binding", set(set(projectBinding(), "role", "roles/storage.admin"), "members", []any{"serviceAccount:MLP-prod-nodes@mlplatform-prod-7310.iam.gserviceaccount.com"}))))},
	"IAM-006": {list(v(tProjMember, projectMember), v(tProjBinding, projectBinding), v(tSAMember, workloadIdentityMember)),
		list(v(tProjMember, projectMember, "member", "user:alice@example.org"),
			v(tProjBinding, projectBinding, "members", []any{"group:team@gmail.com"}),
			v(tProjMember, projectMember, "member", "serviceAccount:123456789012-compute@developer.gserviceaccount.com"),
			v(tKeyMember, projectMember, "member", "serviceAccount:mlplatform-prod-7310@appspot.gserviceaccount.com"))},
	"API-001": {list(many(servicesWith("container.googleapis.com"), servicesWith(cloudAssetAPI)), v(tService, apiService(cloudAssetAPI)),
		v(tCluster, privateCluster), v(tService, apiService(cloudAssetAPI), "service", unknown)), // no APIs managed, or not known
		list(many(enforcingGKE(), servicesWith("container.googleapis.com")),
			v(tService, apiService(cloudAssetAPI), "service", "container.googleapis.com"))},
	"BINAUTHZ-001": {list(v(tBinauthz, binauthz), many(enforcingGKE(), res(tBinauthz, "p", binauthz()), res(tDeployment, "d", dep(nil)())),
		many(res(tBinauthz, "p", set(binauthz(), "defaultAdmissionRule.evaluationMode", "REQUIRE_ATTESTATION")),
			res(tDeployment, "d", set(dep(nil)(), "spec.template.spec.containers", withImage("auto"))))),
		list(v(tBinauthz, binauthz, "defaultAdmissionRule.evaluationMode", "ALWAYS_ALLOW"),
			v(tBinauthz, binauthz, "defaultAdmissionRule.enforcementMode", "DRYRUN_AUDIT_LOG_ONLY"),
			v(tBinauthz, binauthz, "globalPolicyEvaluationMode", deleted{}),
			v(tBinauthz, binauthz, "admissionWhitelistPatterns", []any{map[string]any{"namePattern": "docker.io/**"}}),
			v(tBinauthz, binauthz, "admissionWhitelistPatterns", []any{map[string]any{"namePattern": "*"}}),
			v(tCluster, privateCluster), // enforces the project policy, which the stack does not declare
			many(res(tBinauthz, "p", binauthz()), res(tDeployment, "d", set(dep(nil)(), "spec.template.spec.containers", withImage(dockerHubImage)))),
			many(res(tBinauthz, "p", binauthz()), res(tJob, "j", set(job(nil)(), "spec.template.spec.containers",
				withImage("europe-docker.pkg.dev/p2/r/inference-api@sha256:0")))))},
}

func TestImageAdmission(t *testing.T) {
	patterns := []string{"europe-west4-docker.pkg.dev/p/**", "gcr.io/gke-release/asm/*", "gcr.io/exact/image"}
	for image, want := range map[string]bool{
		"europe-west4-docker.pkg.dev/p/dockerhub/curlimages/curl@sha256:00": true,
		"europe-west4-docker.pkg.dev/p2/r/x@sha256:00":                      false,
		"gcr.io/gke-release/asm/proxyv2:1.20.1-asm.1":                       true,
		"gcr.io/gke-release/asm/sub/proxyv2:1":                              false,
		"gcr.io/exact/image@sha256:00":                                      true,
		"gcr.io/exact/image2:1":                                             false,
		"localhost:5000/x":                                                  false,
	} {
		if got := admitted(image, patterns); got != want {
			t.Errorf("admitted(%q) = %t, want %t", image, got, want)
		}
	}
}

// nodeGrant is a project grant of role to nodePool()'s service account.
func nodeGrant(role string) map[string]any {
	return map[string]any{"project": "mlplatform-prod-7310", "role": role,
		"member": "serviceAccount:mlp-prod-nodes@mlplatform-prod-7310.iam.gserviceaccount.com"}
}
