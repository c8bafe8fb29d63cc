package policy

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// First `up` ordering (issue 21): an object whose creation needs something the cloud installs
// after the resource that asks for it must wait for a gate that proves it is there.
const (
	crType      = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole"
	crbType     = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding"
	gkeType     = "gcp:container/cluster:Cluster"
	waitForNote = "pulumi.com/waitFor"
	skipNote    = "pulumi.com/skipAwait"
	replaceNote = "pulumi.com/replaceUnready"
	// meshInstallSeconds is Google's figure for the managed mesh's CRDs: "It can take up to ten
	// minutes to establish" (Cloud Service Mesh, "Provision a managed control plane",
	// cloud.google.com/service-mesh/docs/managed/provision-managed-anthos-service-mesh); Google's
	// installer waits 600 s for the revision (asmcli install_control_plane_revisions). It is
	// also pulumi-kubernetes' default await timeout (provider/pkg/await/await.go v4.32.0,
	// Creation, 10 * time.Minute without pulumi.com/timeoutSeconds), which bounds a
	// pulumi.com/waitFor await: a gate must wait longer than this.
	meshInstallSeconds = 600
)

var orderRules = []Rule{{
	ID:       "ORDER-001",
	Severity: High,
	Description: "First `up` ordering: every object of a kind the managed mesh installs (API group *.istio.io) and every " +
		"workload creating pods in a namespace labelled for sidecar injection waits (directly or through its dependencies) " +
		"for a gate Job the provider awaits until Complete (its built-in Job await, or pulumi.com/waitFor condition=Complete) that checks, and may read, that kind's CRD and the managed " +
		"control plane revision, with a deadline longer than Google's ten minutes, and that the next `up` replaces if it failed " +
		"(pulumi.com/replaceUnready). Otherwise a first `up` fails with `no matches " +
		"for kind` (pulumi-kubernetes retries an unknown kind for about a minute), or pods start without a sidecar, outside " +
		"STRICT mTLS and the AuthorizationPolicies, until restarted. High: the mesh's access control is silently not enforced.",
	Remediation: "DependsOn the mesh gate (mesh.Mesh.Ready); add the missing check to gcp/mesh/ready.go meshGateChecks; set the " +
		"Job's activeDeadlineSeconds above 600 (and pulumi.com/timeoutSeconds, with a pulumi.com/waitFor) and " +
		"pulumi.com/replaceUnready to \"true\".",
	stack: firstUpOrdering,
}}

// meshGate is a Job the provider awaits, with what it checks and may read.
type meshGate struct {
	res    Resource
	proves map[string]bool // "customresourcedefinitions/NAME", "controlplanerevisions/NAME"
}

func firstUpOrdering(st stack) []violation {
	byURN := map[string]Resource{}
	for _, r := range st.resources {
		byURN[r.URN] = r
	}
	gates := meshGates(st.resources)
	injected := injectedNamespaces(st.resources)
	rev := channelRevision(st.resources)
	var out []violation
	used := map[string]bool{}
	for _, r := range st.resources {
		needs := prerequisites(r, injected, rev)
		if len(needs) == 0 {
			continue
		}
		reach := waitsFor(r, st.resources, byURN)
		var mine []meshGate
		for _, g := range gates {
			if reach[g.res.URN] {
				mine = append(mine, g)
				used[g.res.URN] = true
			}
		}
		if len(mine) == 0 {
			out = append(out, violation{r.URN, r.Type, r.Name, "missing link: waits for the mesh gate (" + strings.Join(needs, ", ") +
				" must exist before it is created; no awaited gate Job among its dependencies)"})
			continue
		}
		for _, need := range needs {
			if !anyProves(mine, need) {
				out = append(out, violation{r.URN, r.Type, r.Name, "missing link: gate checks " + need})
			}
		}
	}
	for _, g := range gates {
		if used[g.res.URN] {
			if msg := gateBudget(g.res); msg != "" {
				out = append(out, violation{g.res.URN, g.res.Type, g.res.Name, msg})
			}
		}
	}
	return out
}

func anyProves(gates []meshGate, need string) bool {
	for _, g := range gates {
		if strings.HasSuffix(need, "/") {
			for k := range g.proves {
				if strings.HasPrefix(k, need) {
					return true
				}
			}
		} else if g.proves[need] {
			return true
		}
	}
	return false
}

// gateBudget: the gate must outlast Google's install time and end. What ends a gate that cannot
// succeed is the Job's activeDeadlineSeconds (the Job fails with DeadlineExceeded, which the
// provider's Job await reports); the built-in await's own timer restarts on every event
// (pulumi-kubernetes v4.32.0 provider/pkg/await/job.go Await), so it bounds nothing. A
// pulumi.com/waitFor await is bounded by pulumi.com/timeoutSeconds (else 600 s: await.go
// Creation, context.WithTimeout), so on that path the annotation must outlast the install too.
// Recovery: without pulumi.com/replaceUnready "true" the next `up` after a failed gate waits on
// the same failed Job (provider.go Diff replaces only with the annotation), and the gate never
// runs again.
func gateBudget(job Resource) string {
	d, ok := get(job.Inputs, "spec.activeDeadlineSeconds").Number()
	if !ok {
		return "missing link: gate ends: no activeDeadlineSeconds, so a gate that cannot succeed holds `up` for ever"
	}
	if d <= meshInstallSeconds {
		return fmt.Sprintf("missing link: gate's wait covers the mesh install: activeDeadlineSeconds %v is not more than Google's %d s",
			d, meshInstallSeconds)
	}
	ann := get(job.Inputs, "metadata.annotations").Object()
	if unwrap(ann[waitForNote]).Text() != "" {
		await := meshInstallSeconds
		if v := unwrap(ann["pulumi.com/timeoutSeconds"]); !v.Absent() && !v.Unknown() {
			n, err := strconv.Atoi(v.Text())
			if err != nil {
				return fmt.Sprintf("missing link: gate's wait covers the mesh install: pulumi.com/timeoutSeconds %q is not a number of seconds", v.Text())
			}
			await = n
		}
		if await <= meshInstallSeconds {
			return fmt.Sprintf("missing link: gate's wait covers the mesh install: the provider awaits the Job's %s %d s, not more than "+
				"Google's %d s (pulumi.com/timeoutSeconds)", waitForNote, await, meshInstallSeconds)
		}
	}
	if unwrap(ann[replaceNote]).Text() != "true" {
		return "missing link: gate runs again after it failed: pulumi.com/replaceUnready is not \"true\", so the next `up` waits on the " +
			"failed Job instead of replacing it"
	}
	return ""
}

// meshGates are the Jobs the provider holds dependents for until they complete, with the
// objects both their script names and their ClusterRoles let them get.
func meshGates(rs []Resource) []meshGate {
	var out []meshGate
	for _, r := range rs {
		if r.Type != jobType || !awaitsComplete(r) {
			continue
		}
		script := strings.Join(get(r.Inputs, "spec.template.spec.containers").StringsAtEach("command"), "\n")
		g := meshGate{res: r, proves: map[string]bool{}}
		for _, key := range readable(rs, get(r.Inputs, "spec.template.spec.serviceAccountName").Text(), get(r.Inputs, "metadata.namespace").Text()) {
			if strings.Contains(script, key+"'") || strings.Contains(script, key+"\"") || strings.Contains(script, key+"\n") {
				g.proves[key] = true
			}
		}
		out = append(out, g)
	}
	return out
}

// awaitsComplete: the Kubernetes provider holds the Job's dependents until it is Complete
// (pulumi-kubernetes v4.32.0 provider/pkg/metadata/overrides.go ReadyCondition,
// provider/pkg/await/await.go Creation). pulumi.com/skipAwait "true" turns every await off; a
// non-empty pulumi.com/waitFor (one expression, or a JSON array of them, all awaited) replaces
// the built-in Job await, which waits for Complete; a waitFor waits for Complete when one of its
// expressions is condition=Complete[=True] (condition/custom.go: prefix, status True by
// default, compared case-insensitively). An unknown waitFor is not counted as a wait.
func awaitsComplete(job Resource) bool {
	ann := get(job.Inputs, "metadata.annotations").Object()
	if unwrap(ann[skipNote]).Text() == "true" {
		return false
	}
	w := unwrap(ann[waitForNote])
	if w.Unknown() {
		return false
	}
	if w.Text() == "" {
		return true
	}
	var exprs []string
	if json.Unmarshal([]byte(w.Text()), &exprs) != nil {
		exprs = []string{w.Text()}
	}
	for _, e := range exprs {
		cond, ok := strings.CutPrefix(e, "condition=")
		if !ok {
			continue
		}
		name, status, found := strings.Cut(cond, "=")
		if strings.EqualFold(name, "Complete") && (!found || strings.EqualFold(status, "True")) {
			return true
		}
	}
	return false
}

// readable lists RESOURCE/NAME for every get the ClusterRoles bound to the service account grant.
func readable(rs []Resource, sa, ns string) []string {
	roles := map[string]bool{}
	for _, b := range rs {
		if b.Type != crbType {
			continue
		}
		for _, s := range get(b.Inputs, "subjects").Array() {
			if s.IsObject() && get(s.ObjectValue(), "kind").Text() == "ServiceAccount" &&
				get(s.ObjectValue(), "name").Text() == sa && get(s.ObjectValue(), "namespace").Text() == ns {
				roles[get(b.Inputs, "roleRef.name").Text()] = true
			}
		}
	}
	var out []string
	for _, r := range rs {
		if r.Type != crType || !roles[get(r.Inputs, "metadata.name").Text()] {
			continue
		}
		for _, rule := range get(r.Inputs, "rules").Array() {
			if !rule.IsObject() || !slices.Contains(unwrap(rule).StringsAt("verbs"), "get") {
				continue
			}
			for _, res := range unwrap(rule).StringsAt("resources") {
				for _, name := range unwrap(rule).StringsAt("resourceNames") {
					out = append(out, res+"/"+name)
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// injectedNamespaces are the namespaces created with a sidecar-injection label (Istio:
// istio-injection=enabled, or istio.io/rev when istio-injection is absent).
func injectedNamespaces(rs []Resource) map[string]bool {
	out := map[string]bool{}
	for _, r := range rs {
		if r.Type != "kubernetes:core/v1:Namespace" {
			continue
		}
		l := get(r.Inputs, "metadata.labels").Object()
		inj, rev := unwrap(l["istio-injection"]).Text(), unwrap(l["istio.io/rev"]).Text()
		if inj == "enabled" || (inj == "" && rev != "") {
			out[get(r.Inputs, "metadata.name").Text()] = true
		}
	}
	return out
}

// channelRevision is the managed revision of the stack's GKE cluster's release channel
// (gcp/mesh/ready.go meshRevision), or "" when there is not exactly one known channel.
func channelRevision(rs []Resource) string {
	var revs []string
	for _, r := range rs {
		if r.Type == gkeType {
			if c := strings.ToLower(get(r.Inputs, "releaseChannel.channel").Text()); c == "regular" {
				revs = append(revs, "asm-managed")
			} else if c == "rapid" || c == "stable" {
				revs = append(revs, "asm-managed-"+c)
			}
		}
	}
	if len(revs) == 1 {
		return revs[0]
	}
	return ""
}

// prerequisites: the CRD of a mesh-installed kind; injection for a workload whose pods are
// created in an injected namespace and do not opt out (sidecar.istio.io/inject: "false").
func prerequisites(r Resource, injected map[string]bool, rev string) []string {
	parts := strings.Split(r.Type, ":")
	if !r.Custom || len(parts) != 3 || parts[0] != "kubernetes" {
		return nil
	}
	group, _, _ := strings.Cut(parts[1], "/")
	kind := parts[2]
	if group == "istio.io" || strings.HasSuffix(group, ".istio.io") {
		// Kubernetes' plural of a kind: a consonant followed by y takes -ies (AuthorizationPolicy),
		// everything else -s (Gateway, VirtualService, PeerAuthentication).
		plural := strings.ToLower(kind) + "s"
		if n := len(plural); n > 2 && plural[n-2] == 'y' && !strings.ContainsRune("aeiou", rune(plural[n-3])) {
			plural = plural[:n-2] + "ies"
		}
		return []string{"customresourcedefinitions/" + plural + "." + group}
	}
	var tmpl resource.PropertyMap
	switch kind {
	case "Pod":
		tmpl = r.Inputs
	case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job":
		tmpl = get(r.Inputs, "spec.template").Object()
	}
	if tmpl == nil || !injected[get(r.Inputs, "metadata.namespace").Text()] ||
		unwrap(get(tmpl, "metadata.annotations").Object()["sidecar.istio.io/inject"]).Text() == "false" {
		return nil
	}
	return []string{"controlplanerevisions/" + rev}
}

// waitsFor is every resource r is created after: its dependencies (a component stands for
// everything inside it), its explicit provider and a custom parent, transitively.
func waitsFor(r Resource, rs []Resource, byURN map[string]Resource) map[string]bool {
	children := map[string][]string{}
	for _, x := range rs {
		children[x.Parent] = append(children[x.Parent], x.URN)
	}
	seen := map[string]bool{}
	var visit func(urn string)
	visit = func(urn string) {
		if seen[urn] {
			return
		}
		seen[urn] = true
		x, ok := byURN[urn]
		if !ok {
			return
		}
		if !x.Custom {
			for _, c := range children[urn] {
				visit(c)
			}
		}
		for _, d := range x.Dependencies {
			visit(d)
		}
		if x.Provider != "" {
			visit(x.Provider)
		}
		if p, ok := byURN[x.Parent]; ok && p.Custom {
			visit(p.URN)
		}
	}
	for _, d := range r.Dependencies {
		visit(d)
	}
	if r.Provider != "" {
		visit(r.Provider)
	}
	return seen
}
