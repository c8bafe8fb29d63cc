package policy

import (
	"fmt"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Kubernetes types and bounds (KRBAC-001, on the mesh's RBAC, is in gcp/mesh/spec).
const (
	serviceType = "kubernetes:core/v1:Service"
	// minWorkloadID: Trivy's AVD-KSV-0020/0021 want user and group ids above 10000.
	minWorkloadID = 10000
)

// k8sHardeningRules turn what the components build by construction into checks: the pod
// hardening the restricted profile leaves out, trusted registries, and least-privilege RBAC
// (Trivy AVD-KSV-*, CIS GKE Benchmark sections 4.1 and 4.6).
var k8sHardeningRules = []Rule{
	{ID: "POD-007", Severity: High, Types: podTypes,
		External: []string{"AVD-KSV-0002", "AVD-KSV-0006", "AVD-KSV-0007", "AVD-KSV-0020", "AVD-KSV-0021", "AVD-KSV-0022", "AVD-KSV-0023",
			"AVD-KSV-0024", "AVD-KSV-0025", "AVD-KSV-0026", "AVD-KSV-0027", "AVD-KSV-0028", "AVD-KSV-0037", "AVD-KSV-0103",
			"AVD-KSV-0110", "AVD-KSV-0116", "AVD-KSV-0117", "AVD-KSV-0121", "CIS GKE 4.4.1", "CIS GKE 4.6.1", "CIS GKE 4.6.4"},
		Description: "Pods must stay off the host and out of shared namespaces: user and group ids above 10000 and no root group, no hostPath or other non-core volumes, host ports, host aliases, added capabilities, sysctls, SELinux options, unmasked /proc, Windows host processes, non-default AppArmor profiles, privileged ports (below 1024) or Secrets in environment variables, and a namespace other than default and kube-system. High: each is a way from a container to its node or to other tenants.",
		Remediation: "Set runAsUser and runAsGroup above 10000 (pod or container), use only configMap, secret, emptyDir, projected, downwardAPI, persistentVolumeClaim or ephemeral volumes, drop hostPort/hostAliases/capabilities.add/sysctls/seLinuxOptions/procMount/windowsOptions.hostProcess, listen on ports from 1024, mount Secrets as files, and set metadata.namespace to the workload's namespace.",
		check:       all(podPlacement, containers(hostIsolationChecks))},
	{ID: "POD-008", Severity: High, Types: podTypes,
		External:    []string{"AVD-KSV-0125", "AVD-KSV-0032", "AVD-KSV-0033", "AVD-KSV-0034", "AVD-KSV-0035", "CIS GKE 5.1.4"},
		Description: "Container images must come from Artifact Registry (HOST-docker.pkg.dev/PROJECT/REPOSITORY/…); public images through a remote repository proxying their registry. High: an image pulled straight from a public registry bypasses the project's scanning, access control and Binary Authorization allow-list.",
		Remediation: "Push the image to the project's Artifact Registry, or name a public image through a remote repository (REGION-docker.pkg.dev/PROJECT/dockerhub/ORG/IMAGE@sha256:…).",
		check:       containers(trustedRegistry)},
	{ID: "NETPOL-002", Severity: Low, Types: []string{networkPolicyType},
		External:    []string{"AVD-KSV-0038"},
		Description: "A NetworkPolicy must select the pods it governs (spec.podSelector, empty for all). Low: a policy without a selector states nothing about which pods it isolates.",
		Remediation: "Set spec.podSelector ({} for every pod of the namespace, or matchLabels).",
		check:       podSelectorStated},
	{ID: "SVC-001", Severity: Medium, Types: []string{serviceType},
		External:    []string{"AVD-KSV-0108"},
		Description: "A Service must not set externalIPs. Medium: any user who may create Services can then capture traffic to those addresses (CVE-2020-8554).",
		Remediation: "Remove spec.externalIPs; expose Services through the Gateway.",
		check:       noExternalIPs},
	{ID: "LB-001", Severity: Low,
		External:    []string{"KICS 0ef3f3f1-0592-475b-b073-81ac1ac869e2"},
		Description: "Every backend of an external Gateway must log its requests (a GCPBackendPolicy with spec.default.logging.enabled). Low: without request logs an attack on the entry leaves no trace.",
		Remediation: "Set spec.default.logging.enabled: true in the backend's GCPBackendPolicy.",
		stack: backendPolicyCheck("request logging is not enabled", func(p resource.PropertyMap) bool {
			b, _ := get(p, "spec.default.logging.enabled").Boolean()
			return b
		})},
	{ID: "KAPI-001", Severity: Low, Types: []string{"kubernetes:*/*:*"},
		External:    []string{"AVD-KSV-0107"},
		Description: "Kubernetes objects must use served, non-deprecated API versions (no extensions/v1beta1, apps/v1beta2, policy/v1beta1, …). Low: the API server of the next minor release refuses them, so an upgrade breaks the next `pulumi up`.",
		Remediation: "Use the GA version the Kubernetes Deprecated API Migration Guide names (apps/v1, batch/v1, policy/v1, autoscaling/v2, networking.k8s.io/v1, rbac.authorization.k8s.io/v1, …).",
		check:       servedAPIVersion},
}

// podPlacement: pod-level host access and the namespace.
func podPlacement(r Resource) []string {
	pod := get(r.Inputs, "spec.template.spec")
	if pod.Unknown() {
		return nil
	}
	var out []string
	switch ns := get(r.Inputs, "metadata.namespace"); {
	case ns.Unknown():
	case ns.Absent() || strings.TrimSpace(ns.Text()) == "":
		out = append(out, "metadata.namespace is not set: the object lands in the provider's default namespace")
	case oneOf(ns.Text(), "default", "kube-system"):
		out = append(out, fmt.Sprintf("metadata.namespace is %s: keep workloads in their own namespace", ns.Show()))
	}
	for key, v := range get(r.Inputs, "spec.template.metadata.annotations").Object() {
		if val := unwrap(v); strings.HasPrefix(string(key), appArmorAnnotation) && !val.Unknown() &&
			val.Text() != "runtime/default" && !strings.HasPrefix(val.Text(), "localhost/") {
			out = append(out, fmt.Sprintf("pod: annotation %s is %s; want runtime/default or localhost/…", key, val.Show()))
		}
	}
	p := pod.Object()
	if len(get(p, "hostAliases").Array()) > 0 {
		out = append(out, "pod: hostAliases is set (it rewrites /etc/hosts)")
	}
	for _, key := range []string{"securityContext.sysctls", "securityContext.seLinuxOptions"} {
		if v := get(p, key); !v.Absent() && !v.Unknown() && (len(v.Array()) > 0 || len(v.Object()) > 0) {
			out = append(out, "pod: "+key+" is set")
		}
	}
	if b, _ := get(p, "securityContext.windowsOptions.hostProcess").Boolean(); b {
		out = append(out, "pod: securityContext.windowsOptions.hostProcess is true")
	}
	if g, ok := get(p, "securityContext.fsGroup").Number(); ok && g == 0 {
		out = append(out, "pod: securityContext.fsGroup is 0 (root group)")
	}
	for _, g := range get(p, "securityContext.supplementalGroups").Array() {
		if n, ok := unwrap(g).Number(); ok && n == 0 {
			out = append(out, "pod: securityContext.supplementalGroups contains 0 (root group)")
		}
	}
	for i, raw := range get(p, "volumes").Array() {
		if kind := volumeKind(unwrap(raw).Object()); kind != "" && !oneOf(kind, coreVolumes...) {
			out = append(out, fmt.Sprintf("pod: volumes[%d] is a %s volume; want one of %s", i, kind, strings.Join(coreVolumes, ", ")))
		}
	}
	return out
}

// appArmorAnnotation prefixes the per-container AppArmor annotation (before the
// securityContext.appArmorProfile field of Kubernetes 1.30); AVD-KSV-0002 reads it.
const appArmorAnnotation = "container.apparmor.security.beta.kubernetes.io/"

// coreVolumes are the volume types Trivy AVD-KSV-0028 and the restricted Pod Security
// Standard accept; hostPath (AVD-KSV-0023/0006) is not among them.
var coreVolumes = []string{"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"}

// volumeKind is the volume's source key (every key but name).
func volumeKind(v resource.PropertyMap) string {
	for _, k := range v.StableKeys() {
		if k != "name" {
			return string(k)
		}
	}
	return ""
}

// hostIsolationChecks: per container, ids above 10000 (container or pod), and nothing added.
func hostIsolationChecks(i int, c, pod resource.PropertyMap) []string {
	var out []string
	name := fmt.Sprintf("containers[%d]", i)
	for _, id := range []string{"runAsUser", "runAsGroup"} {
		p := get(c, "securityContext."+id)
		if p.Absent() {
			p = get(pod, "securityContext."+id)
		}
		if p.Unknown() {
			continue
		}
		if n, ok := p.Number(); !ok || n <= minWorkloadID {
			shown := p.Show()
			if p.Absent() {
				shown = "not set (the image's user applies)"
			}
			out = append(out, fmt.Sprintf("%s: %s is %s; want above %d", name, id, shown, minWorkloadID))
		}
	}
	if add := get(c, "securityContext.capabilities.add"); len(add.Array()) > 0 {
		out = append(out, name+": capabilities.add is set")
	}
	for _, key := range []string{"securityContext.seLinuxOptions", "securityContext.windowsOptions.hostProcess"} {
		if v := get(c, key); !v.Absent() && !v.Unknown() {
			if b, isBool := v.Boolean(); !isBool || b {
				out = append(out, name+": "+key+" is set")
			}
		}
	}
	if pm := get(c, "securityContext.procMount"); !pm.Absent() && !pm.Unknown() && !oneOf(pm.Text(), "Default") {
		out = append(out, fmt.Sprintf("%s: procMount is %s; want Default", name, pm.Show()))
	}
	if ap := get(c, "securityContext.appArmorProfile.type"); !ap.Absent() && !ap.Unknown() && !oneOf(ap.Text(), "RuntimeDefault", "Localhost") {
		out = append(out, fmt.Sprintf("%s: appArmorProfile.type is %s", name, ap.Show()))
	}
	for j, port := range get(c, "ports").Array() {
		pm := unwrap(port).Object()
		if hp, ok := get(pm, "hostPort").Number(); ok && hp != 0 {
			out = append(out, fmt.Sprintf("%s: ports[%d].hostPort is %v", name, j, hp))
		}
		if cp, ok := get(pm, "containerPort").Number(); ok && cp < 1024 {
			out = append(out, fmt.Sprintf("%s: ports[%d].containerPort is %v, a privileged port", name, j, cp))
		}
	}
	return append(out, secretEnv(name, c)...)
}

// secretEnv: Secrets reach a container as files, never as environment variables (CIS GKE
// 4.4.1: environment variables end up in logs and crash dumps).
func secretEnv(name string, c resource.PropertyMap) []string {
	var out []string
	for j, e := range get(c, "env").Array() {
		if !get(unwrap(e).Object(), "valueFrom.secretKeyRef").Absent() {
			out = append(out, fmt.Sprintf("%s: env[%d] reads a Secret", name, j))
		}
	}
	for j, e := range get(c, "envFrom").Array() {
		if !get(unwrap(e).Object(), "secretRef").Absent() {
			out = append(out, fmt.Sprintf("%s: envFrom[%d] reads a Secret", name, j))
		}
	}
	return out
}

func podSelectorStated(r Resource) []string {
	if spec := get(r.Inputs, "spec"); spec.Unknown() || !get(r.Inputs, "spec.podSelector").Absent() {
		return nil
	}
	return msgf("spec.podSelector is not set")
}

func noExternalIPs(r Resource) []string {
	if ips := get(r.Inputs, "spec.externalIPs"); len(ips.Array()) > 0 {
		return msgf("spec.externalIPs is set")
	}
	return nil
}

// trustedRegistry: an Artifact Registry Docker host (LOCATION-docker.pkg.dev). The mesh's
// gateway image "auto" is injected by the managed control plane (see digestCheck).
func trustedRegistry(i int, c, _ resource.PropertyMap) []string {
	img := get(c, "image")
	if img.Unknown() || img.Text() == "auto" {
		return nil
	}
	host, _, _ := strings.Cut(img.Text(), "/")
	if strings.HasSuffix(host, "-docker.pkg.dev") && strings.Count(img.Text(), "/") >= 3 {
		return nil
	}
	return []string{fmt.Sprintf("containers[%d]: image %s is not in Artifact Registry (LOCATION-docker.pkg.dev/PROJECT/REPOSITORY/IMAGE)", i, img.Show())}
}

// removedAPIVersions are the built-in group/versions Kubernetes removed in 1.16-1.29 (Kubernetes,
// "Deprecated API Migration Guide", kubernetes.io/docs/reference/using-api/deprecation-guide).
var removedAPIVersions = []string{"extensions/v1beta1", "apps/v1beta1", "apps/v1beta2", "batch/v1beta1", "batch/v2alpha1",
	"policy/v1beta1", "autoscaling/v2beta1", "autoscaling/v2beta2", "networking.k8s.io/v1beta1",
	"rbac.authorization.k8s.io/v1alpha1", "rbac.authorization.k8s.io/v1beta1", "storage.k8s.io/v1beta1",
	"scheduling.k8s.io/v1beta1", "admissionregistration.k8s.io/v1beta1", "apiextensions.k8s.io/v1beta1",
	"certificates.k8s.io/v1beta1", "coordination.k8s.io/v1beta1", "discovery.k8s.io/v1beta1", "events.k8s.io/v1beta1",
	"flowcontrol.apiserver.k8s.io/v1beta1", "flowcontrol.apiserver.k8s.io/v1beta2", "node.k8s.io/v1beta1"}

func servedAPIVersion(r Resource) []string {
	if v := get(r.Inputs, "apiVersion"); !v.Unknown() && oneOf(v.Text(), removedAPIVersions...) {
		return msgf("apiVersion %s has been removed from Kubernetes", v.Show())
	}
	return nil
}
