package policy

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Types of the microservice, its entry and the mesh authorization. The entry's per-resource
// rules (GW-001, IAP-002, IAP-003, ARMOR-002..004, SSL-001) are its component's (gcp/entry/spec);
// the rules here look across resources or judge types the microservice registers too.
const (
	deploymentType    = "kubernetes:apps/v1:Deployment"
	namespaceType     = "kubernetes:core/v1:Namespace"
	k8sGatewayType    = "kubernetes:gateway.networking.k8s.io/v1:Gateway"
	httpRouteType     = "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute"
	backendPolicyType = "kubernetes:networking.gke.io/v1:GCPBackendPolicy"
	authzType         = "kubernetes:security.istio.io/v1:AuthorizationPolicy"
	armorType         = "gcp:compute/securityPolicy:SecurityPolicy"
)

var workloadRules = []Rule{
	{ID: "POD-001", Severity: High, Types: podTypes,
		External:    []string{"AVD-KSV-0001", "AVD-KSV-0003", "AVD-KSV-0004", "AVD-KSV-0005", "AVD-KSV-0008", "AVD-KSV-0009", "AVD-KSV-0010", "AVD-KSV-0012", "AVD-KSV-0017", "AVD-KSV-0105", "AVD-KSV-0106", "AVD-KSV-0118", "AVD-KSV-0119", "AVD-KSV-0120", "CIS GKE 4.6.3"},
		Description: "Pods must run as non-root, without privilege escalation, privileged mode or host namespaces, with every capability dropped. High: a compromised container could otherwise take over its node.",
		Remediation: "Set securityContext.runAsNonRoot, allowPrivilegeEscalation: false, capabilities.drop: [ALL]; leave privileged and hostNetwork/hostPID/hostIPC off.",
		check:       containers(privilegeChecks)},
	{ID: "POD-002", Severity: Medium, Types: podTypes,
		External:    []string{"AVD-KSV-0014", "AVD-KSV-0030", "CIS GKE 4.6.2"},
		Description: "Containers must have a read-only root filesystem and the RuntimeDefault (or a Localhost) seccomp profile. Medium: limits what an intruder can change and which syscalls it can make.",
		Remediation: "Set securityContext.readOnlyRootFilesystem: true and seccompProfile.type: RuntimeDefault (pod or container).",
		check:       containers(hardeningChecks)},
	{ID: "POD-003", Severity: Medium, Types: podTypes, External: []string{"AVD-KSV-0011", "AVD-KSV-0015", "AVD-KSV-0016", "AVD-KSV-0018"},
		Description: "Containers must declare CPU and memory requests and limits. Medium: without them one workload can starve its node.",
		Remediation: "Set resources.requests.cpu, resources.requests.memory, resources.limits.cpu and resources.limits.memory.",
		check:       containers(resourceChecks)},
	{ID: "POD-004", Severity: Medium, Types: []string{deploymentType},
		Description: "Containers must have readiness and liveness probes. Medium: traffic would reach pods that cannot serve, and hung pods would never restart.",
		Remediation: "Set readinessProbe and livenessProbe.",
		check:       containers(probeChecks)},
	{ID: "POD-005", Severity: Medium, Types: podTypes,
		External:    []string{"AVD-KSV-0013"},
		Description: "Images must be pinned by digest (@sha256:…). Medium: a tag can be moved to other bits after review; Binary Authorization judges digests.",
		Remediation: "Reference the image as REGISTRY/PATH@sha256:DIGEST.",
		check:       containers(digestCheck)},
}

var entryRules = []Rule{
	{ID: "GW-002", Severity: High,
		Description: "Routes attached to a plain-HTTP Gateway listener may only redirect to HTTPS. High: otherwise the service answers in clear text.",
		Remediation: "Give such HTTPRoutes only a RequestRedirect filter with scheme https and no backendRefs.",
		stack:       httpOnlyRedirects},
	{ID: "IAP-001", Severity: High,
		External:    []string{"KICS 3f1222a9"},
		Description: "Every backend of an external Gateway must have IAP enabled by a GCPBackendPolicy. High: anyone on the internet could call it.",
		Remediation: "Target the backend Service with a GCPBackendPolicy whose spec.default.iap.enabled is true.",
		stack:       backendPolicyCheck("IAP is not enabled", func(p resource.PropertyMap) bool { b, _ := get(p, "spec.default.iap.enabled").Boolean(); return b })},
	{ID: "ARMOR-001", Severity: High,
		Description: "Every backend of an external Gateway must have a Cloud Armor policy attached by a GCPBackendPolicy. High: no rate limit or WAF would stand between the internet and the service.",
		Remediation: "Set spec.default.securityPolicy in the backend's GCPBackendPolicy.",
		stack:       backendPolicyCheck("no Cloud Armor policy is attached", func(p resource.PropertyMap) bool { return get(p, "spec.default.securityPolicy").Text() != "" })},
	{ID: "MESH-001", Severity: High,
		Description: "Every mesh namespace (sidecar injection on) must have an allow-nothing AuthorizationPolicy. High: without it any workload in the mesh can call any other.",
		Remediation: "Create an AuthorizationPolicy with an empty spec in the namespace, then allow callers explicitly.",
		stack:       defaultDeny},
	{ID: "MESH-002", Severity: High, Types: []string{authzType},
		Description: "ALLOW AuthorizationPolicies must name their callers (principals, namespaces or IP blocks, none a wildcard). High: a rule without a source allows everyone.",
		Remediation: "Give each rule a from.source with principals (TRUST_DOMAIN/ns/NS/sa/SA) or specific ipBlocks.",
		check:       allowNamesCallers},
}

// containers applies judge to every container of a Deployment's pod template; judge sees
// the container and the pod spec.
func containers(judge func(i int, c, pod resource.PropertyMap) []string) check {
	return func(r Resource) []string {
		pod := get(r.Inputs, "spec.template.spec")
		if pod.Unknown() {
			return nil
		}
		list := get(r.Inputs, "spec.template.spec.containers")
		if list.Absent() && !pod.Absent() {
			return msgf("spec.template.spec.containers is not set")
		}
		var out []string
		for i, c := range list.Array() {
			if cp := unwrap(c); !cp.Unknown() {
				out = append(out, judge(i, cp.Object(), pod.Object())...)
			}
		}
		return out
	}
}

// either reads a boolean from the container's securityContext, else the pod's.
func either(c, pod resource.PropertyMap, path string) prop {
	if p := get(c, "securityContext."+path); !p.Absent() {
		return p
	}
	return get(pod, "securityContext."+path)
}

func wantFlag(p prop, want bool) bool {
	if p.Unknown() {
		return true
	}
	b, ok := p.Boolean()
	return ok && b == want
}

func privilegeChecks(i int, c, pod resource.PropertyMap) []string {
	var out []string
	name := fmt.Sprintf("containers[%d]", i)
	if !wantFlag(either(c, pod, "runAsNonRoot"), true) {
		out = append(out, name+": runAsNonRoot is not true")
	}
	if !wantFlag(get(c, "securityContext.allowPrivilegeEscalation"), false) {
		out = append(out, name+": allowPrivilegeEscalation is not false")
	}
	if b, _ := get(c, "securityContext.privileged").Boolean(); b {
		out = append(out, name+": privileged is true")
	}
	caps := get(c, "securityContext.capabilities.drop")
	if !caps.Unknown() && !containsFold(caps.Strings(), "ALL") {
		out = append(out, name+": capabilities.drop does not contain ALL")
	}
	if i == 0 {
		for _, host := range []string{"hostNetwork", "hostPID", "hostIPC"} {
			if b, _ := get(pod, host).Boolean(); b {
				out = append(out, "pod: "+host+" is true")
			}
		}
	}
	return out
}

func hardeningChecks(i int, c, pod resource.PropertyMap) []string {
	var out []string
	name := fmt.Sprintf("containers[%d]", i)
	if !wantFlag(get(c, "securityContext.readOnlyRootFilesystem"), true) {
		out = append(out, name+": readOnlyRootFilesystem is not true")
	}
	seccomp := get(c, "securityContext.seccompProfile.type")
	if seccomp.Absent() {
		seccomp = get(pod, "securityContext.seccompProfile.type")
	}
	if !seccomp.Unknown() && !oneOf(seccomp.Text(), "RuntimeDefault", "Localhost") {
		out = append(out, fmt.Sprintf("%s: seccompProfile.type is %s; want RuntimeDefault", name, describe(seccomp, "Unconfined")))
	}
	return out
}

func resourceChecks(i int, c, _ resource.PropertyMap) []string {
	var out []string
	for _, path := range []string{"resources.requests.cpu", "resources.requests.memory", "resources.limits.cpu", "resources.limits.memory"} {
		if p := get(c, path); !p.Unknown() && strings.TrimSpace(p.Text()) == "" {
			out = append(out, fmt.Sprintf("containers[%d]: %s is not set", i, path))
		}
	}
	return out
}

func probeChecks(i int, c, _ resource.PropertyMap) []string {
	var out []string
	for _, probe := range []string{"readinessProbe", "livenessProbe"} {
		if get(c, probe).Absent() {
			out = append(out, fmt.Sprintf("containers[%d]: %s is not set", i, probe))
		}
	}
	return out
}

// digestCheck exempts the mesh's injected gateway: image "auto" is replaced at admission by
// the managed proxy image Google pins.
func digestCheck(i int, c, pod resource.PropertyMap) []string {
	img := get(c, "image")
	if img.Unknown() || strings.Contains(img.Text(), "@sha256:") || img.Text() == "auto" {
		return nil
	}
	return []string{fmt.Sprintf("containers[%d]: image %s is not pinned by digest", i, img.Show())}
}

func containsFold(list []string, want string) bool {
	for _, s := range list {
		if strings.EqualFold(strings.TrimSpace(s), want) {
			return true
		}
	}
	return false
}

func allowNamesCallers(r Resource) []string {
	spec := get(r.Inputs, "spec")
	if spec.Unknown() || (!get(r.Inputs, "spec.action").Absent() && !oneOf(get(r.Inputs, "spec.action").Text(), "ALLOW")) {
		return nil
	}
	var out []string
	for i, raw := range get(r.Inputs, "spec.rules").Array() {
		rule := unwrap(raw).Object()
		from := get(rule, "from")
		if from.Unknown() {
			continue
		}
		if len(from.Array()) == 0 {
			out = append(out, fmt.Sprintf("spec.rules[%d] has no from: it allows every caller", i))
			continue
		}
		for j, f := range from.Array() {
			if msg := openSource(unwrap(f).Object()); msg != "" {
				out = append(out, fmt.Sprintf("spec.rules[%d].from[%d]: %s", i, j, msg))
			}
		}
	}
	return out
}

// openSource explains why an AuthorizationPolicy source admits anyone, or returns "".
func openSource(f resource.PropertyMap) string {
	named := 0
	for _, key := range []string{"principals", "namespaces", "ipBlocks", "requestPrincipals"} {
		p := get(f, "source."+key)
		if p.Unknown() {
			return ""
		}
		for _, v := range p.Strings() {
			named++
			if strings.TrimSpace(v) == "*" {
				return fmt.Sprintf("source.%s contains \"*\"", key)
			}
			if pfx, err := netip.ParsePrefix(strings.TrimSpace(v)); err == nil && pfx.Bits() == 0 {
				return fmt.Sprintf("source.%s contains %s", key, pfx)
			}
		}
	}
	if named == 0 {
		return "the source names no principals, namespaces or IP blocks"
	}
	return ""
}
