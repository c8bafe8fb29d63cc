package policy

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// The microservice's sign-in to Entra ID (XNET-001, third chain): GKE has no workload identity
// webhook for Azure, so the Deployment itself projects the token and sets the variables AKS's
// webhook would (azure.github.io/azure-workload-identity/docs/installation/mutating-admission-webhook.html).
const (
	federatedCredentialType = "azuread:index/applicationFederatedIdentityCredential:ApplicationFederatedIdentityCredential"
	// tokenExchangeAudience is the audience Entra ID expects on a federated token (Microsoft
	// Learn, "Workload identity federation": api://AzureADTokenExchange).
	tokenExchangeAudience = "api://AzureADTokenExchange"
	// entraAuthority is Entra ID's public-cloud sign-in host, the only one this tenant's
	// application can use.
	entraAuthority = "https://login.microsoftonline.com/"
	// Kubernetes refuses a projected token below 10 minutes or above 2^32 seconds
	// (pkg/apis/core/validation: "may not specify a duration less than 10 minutes",
	// "... larger than 2^32 seconds"); absent means 1 hour.
	minTokenSeconds = 600
	maxTokenSeconds = 1 << 32
)

// The sign-in links, in the order the pod follows them.
const (
	linkWorkload = "microservice Deployment with an Azure workload identity"
	linkToken    = "projected service account token for Entra ID (audience " + tokenExchangeAudience + ")"
	linkSDKEnv   = "Azure SDK environment (AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_FEDERATED_TOKEN_FILE)"
	linkSubject  = "federated credential for the Deployment's service account (subject)"
	linkIssuer   = "federated credential issuer = the GKE cluster's OIDC issuer"
	linkAudience = "federated credential audience = the projected token's audience"
	linkClientID = "AZURE_CLIENT_ID = the federated application's client id"
	linkRole     = "data role for the application's service principal on the target"
	linkEgress   = "egress NetworkPolicy allowing HTTPS to Entra ID"
	linkNAT      = "Cloud NAT for the GKE subnet's pod range (Entra ID is public; the nodes are private)"
)

// workload is a Deployment that signs in to Entra ID with its Kubernetes token.
type workload struct {
	d         Resource
	ns, ksa   string
	labels    map[string]string
	audience  string // of the projected token ("" if none)
	tokenFile string // where a container mounts it
	env       map[string]string
}

// signIn walks the sign-in of every candidate workload to t and reports the first broken link
// of the one that gets furthest (none when one gets through).
func (x resourceIndex) signIn(t target) (string, string) {
	ws := x.azureWorkloads()
	if len(ws) == 0 {
		return linkWorkload, "no Deployment projects a token for Entra ID, sets the Azure SDK environment or runs as a federated service account"
	}
	missing, detail, furthest := "", "", -1
	for _, w := range ws {
		step, m, d := x.signInOf(w, t)
		if m == "" {
			return "", ""
		}
		if step > furthest {
			furthest, missing, detail = step, m, d
		}
	}
	return missing, detail
}

func (x resourceIndex) signInOf(w workload, t target) (int, string, string) {
	subject := "system:serviceaccount:" + w.ns + ":" + w.ksa
	where := fmt.Sprintf("Deployment %s/%s", w.ns, in(w.d, "metadata.name"))
	switch {
	case w.audience != tokenExchangeAudience || w.tokenFile == "":
		return 0, linkToken, where + " mounts no projected serviceAccountToken with that audience and a lifetime Kubernetes accepts (600 to 2^32 s)"
	case w.env["AZURE_CLIENT_ID"] == "" || w.env["AZURE_TENANT_ID"] == "" || w.env["AZURE_FEDERATED_TOKEN_FILE"] != w.tokenFile:
		return 1, linkSDKEnv, fmt.Sprintf("%s: the container mounting the token must set all three, AZURE_FEDERATED_TOKEN_FILE=%s", where, w.tokenFile)
	case w.env["AZURE_AUTHORITY_HOST"] != "" && w.env["AZURE_AUTHORITY_HOST"] != entraAuthority:
		return 1, linkSDKEnv, fmt.Sprintf("%s: AZURE_AUTHORITY_HOST %q is not %s", where, w.env["AZURE_AUTHORITY_HOST"], entraAuthority)
	}
	fics := x.find(federatedCredentialType, func(f Resource) bool { return in(f, "subject") == subject })
	if len(fics) == 0 {
		return 2, linkSubject, "no federated credential with subject " + subject
	}
	issuers := x.clusterIssuers()
	if fics = keep(fics, func(f Resource) bool { return slices.Contains(issuers, in(f, "issuer")) }); len(fics) == 0 {
		return 3, linkIssuer, fmt.Sprintf("no federated credential for %s trusts issuer %v", subject, issuers)
	}
	if fics = keep(fics, func(f Resource) bool { return slices.Contains(get(f.Inputs, "audiences").Strings(), w.audience) }); len(fics) == 0 {
		return 4, linkAudience, "no federated credential for " + subject + " accepts audience " + w.audience
	}
	clientID := w.env["AZURE_CLIENT_ID"]
	if !slices.ContainsFunc(fics, func(f Resource) bool { return x.applicationClientID(in(f, "applicationId")) == clientID }) {
		return 5, linkClientID, fmt.Sprintf("AZURE_CLIENT_ID %s is not the client id of the application holding the credential for %s", clientID, subject)
	}
	if !x.hasDataRole(clientID, t) {
		return 6, linkRole, fmt.Sprintf("no %s (%s) for the service principal of client %s on %s or below it", t.role, t.roleID, clientID, t.id)
	}
	if missing, detail := x.entraEgress(w); missing != "" {
		return 7, missing, detail
	}
	return 8, "", ""
}

func keep(rs []Resource, ok func(Resource) bool) []Resource {
	var out []Resource
	for _, r := range rs {
		if ok(r) {
			out = append(out, r)
		}
	}
	return out
}

// azureWorkloads are the Deployments that mount a token for Entra ID, set an Azure SDK
// variable or run as the subject of a federated credential.
func (x resourceIndex) azureWorkloads() []workload {
	var out []workload
	for _, d := range x.byType[deploymentType] {
		w := readWorkload(d)
		federated := len(x.find(federatedCredentialType, func(f Resource) bool {
			return in(f, "subject") == "system:serviceaccount:"+w.ns+":"+w.ksa
		})) > 0
		if w.audience == tokenExchangeAudience || len(w.env) > 0 || federated {
			out = append(out, w)
		}
	}
	return out
}

// readWorkload reads the pod template: service account, labels, the Entra token volume, the
// container mounting it and that container's AZURE_* variables.
func readWorkload(d Resource) workload {
	pod := get(d.Inputs, "spec.template.spec")
	w := workload{d: d, ns: in(d, "metadata.namespace"), ksa: pod.Field("serviceAccountName").Text(), labels: map[string]string{}, env: map[string]string{}}
	if w.ksa == "" {
		w.ksa = "default"
	}
	for k, v := range get(d.Inputs, "spec.template.metadata.labels").Object() {
		w.labels[string(k)] = unwrap(v).Text()
	}
	volume, path := "", ""
	for _, v := range pod.Field("volumes").Array() {
		for _, src := range unwrap(v).Field("projected").Field("sources").Array() {
			tok := unwrap(src).Field("serviceAccountToken")
			secs, set := tok.Field("expirationSeconds").Number()
			if tok.Field("audience").Text() == tokenExchangeAudience && (!set || secs >= minTokenSeconds && secs <= maxTokenSeconds) {
				volume, path, w.audience = unwrap(v).Field("name").Text(), tok.Field("path").Text(), tokenExchangeAudience
			}
		}
	}
	// The container mounting the token is the one whose SDK signs in; without one, the first
	// container setting any AZURE_* variable.
	for _, c := range pod.Field("containers").Array() {
		env := containerEnv(unwrap(c).Object())
		for _, m := range unwrap(c).Field("volumeMounts").Array() {
			if w.tokenFile == "" && volume != "" && path != "" && unwrap(m).Field("name").Text() == volume {
				w.tokenFile, w.env = strings.TrimSuffix(unwrap(m).Field("mountPath").Text(), "/")+"/"+path, env
			}
		}
		if w.tokenFile == "" && len(w.env) == 0 {
			w.env = env
		}
	}
	return w
}

func containerEnv(c resource.PropertyMap) map[string]string {
	out := map[string]string{}
	for _, e := range get(c, "env").Array() {
		if name := unwrap(e).Field("name").Text(); strings.HasPrefix(name, "AZURE_") {
			out[name] = unwrap(e).Field("value").Text()
		}
	}
	return out
}

// clusterIssuers are the OIDC issuers of the GKE clusters' service account tokens:
// https://container.googleapis.com/v1/projects/P/locations/L/clusters/C (Workload Identity
// Federation for GKE, cloud.google.com/kubernetes-engine/docs/concepts/workload-identity,
// principal identifiers "kubernetes.cluster/https://container.googleapis.com/v1/...").
func (x resourceIndex) clusterIssuers() []string {
	var issuers []string
	for _, c := range x.byType[clusterType] {
		field := func(k string) string {
			if v := out(c, k); v != "" {
				return v
			}
			return in(c, k)
		}
		issuers = append(issuers, fmt.Sprintf("https://container.googleapis.com/v1/projects/%s/locations/%s/clusters/%s", field("project"), field("location"), field("name")))
	}
	return issuers
}

// applicationClientID is the client id of the application with resource id /applications/<objectId>.
func (x resourceIndex) applicationClientID(resourceID string) string {
	objectID := strings.TrimPrefix(resourceID, "/applications/")
	for _, a := range x.byType[applicationType] {
		if out(a, "objectId") == objectID && objectID != "" {
			return out(a, "clientId")
		}
	}
	return ""
}

// hasDataRole: the client's service principal holds t's role on t or below it (a secret of the
// vault). Entra issues the token to the application's service principal.
func (x resourceIndex) hasDataRole(clientID string, t target) bool {
	for _, sp := range x.find(servicePrincipalType, func(s Resource) bool { return in(s, "clientId") == clientID }) {
		principal := out(sp, "objectId")
		if len(x.find(roleAssignmentType, func(r Resource) bool {
			scope := in(r, "scope")
			return principal != "" && in(r, "principalId") == principal && t.id != "" &&
				strings.HasSuffix(strings.ToLower(in(r, "roleDefinitionId")), t.roleID) &&
				(strings.EqualFold(scope, t.id) || strings.HasPrefix(strings.ToLower(scope), strings.ToLower(t.id)+"/"))
		})) > 0 {
			return true
		}
	}
	return false
}

// nonPublic are the ranges an egress rule may except and still admit every public address
// (RFC 1918, shared address space, link-local, loopback).
var nonPublic = []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"), netip.MustParsePrefix("100.64.0.0/10"), netip.MustParsePrefix("169.254.0.0/16"),
	netip.MustParsePrefix("127.0.0.0/8")}

// entraEgress: the token exchange is HTTPS to login.microsoftonline.com, whose addresses are
// public and not fixed, so an egress NetworkPolicy selecting the pods must allow 443 to every
// public address (a NetworkPolicy matches addresses, not names); and private nodes reach the
// internet only through Cloud NAT translating the pod range.
func (x resourceIndex) entraEgress(w workload) (string, string) {
	var policies []Resource
	for _, p := range x.byType[networkPolicyType] {
		if in(p, "metadata.namespace") == w.ns && slices.Contains(get(p.Inputs, "spec.policyTypes").Strings(), "Egress") && selects(p, w.labels) {
			policies = append(policies, p)
		}
	}
	if len(policies) > 0 && !slices.ContainsFunc(policies, allowsPublicHTTPS) {
		return linkEgress, fmt.Sprintf("%d egress NetworkPolicies select the pods in %s and none allows TCP 443 to 0.0.0.0/0", len(policies), w.ns)
	}
	if !x.privateNodes() {
		return "", ""
	}
	subnet, pods := x.gkeSubnet()
	for _, nat := range x.byType[routerNatType] {
		if natsPods(nat, subnet, pods) {
			return "", ""
		}
	}
	return linkNAT, "no Cloud NAT translates the pod range " + pods + " of subnet " + subnet
}

func selects(p Resource, labels map[string]string) bool {
	for k, v := range get(p.Inputs, "spec.podSelector.matchLabels").Object() {
		if labels[string(k)] != unwrap(v).Text() {
			return false
		}
	}
	return len(get(p.Inputs, "spec.podSelector.matchExpressions").Array()) == 0
}

func allowsPublicHTTPS(p Resource) bool {
	return anyElem(p.Inputs, "spec.egress", func(rule prop) bool {
		ports := rule.Field("ports").Array()
		https := len(ports) == 0 || slices.ContainsFunc(ports, func(v resource.PropertyValue) bool {
			port := unwrap(v)
			return port.Field("port").Text() == "443" && oneOf(port.Field("protocol").Text(), "TCP", "")
		})
		to := rule.Field("to").Array()
		public := len(to) == 0 || slices.ContainsFunc(to, func(v resource.PropertyValue) bool {
			block := unwrap(v).Field("ipBlock")
			return block.Field("cidr").Text() == "0.0.0.0/0" && !slices.ContainsFunc(block.Field("except").Strings(), func(e string) bool {
				q, err := netip.ParsePrefix(e)
				return err != nil || !within(q, nonPublic)
			})
		})
		return https && public
	})
}

func (x resourceIndex) privateNodes() bool {
	for _, c := range x.byType[clusterType] {
		if private, ok := get(c.Inputs, "privateClusterConfig.enablePrivateNodes").Boolean(); ok && private {
			return true
		}
	}
	return false
}

// gkeSubnet is the GKE subnet's name and its pod range's name.
func (x resourceIndex) gkeSubnet() (string, string) {
	for _, sn := range x.byType[subnetworkType] {
		for _, r := range get(sn.Inputs, "secondaryIpRanges").Array() {
			if name := unwrap(r).Field("rangeName").Text(); strings.Contains(name, "pod") {
				return in(sn, "name"), name
			}
		}
	}
	return "", ""
}

// natsPods: the NAT serves every subnet, or lists the GKE subnet with all its ranges or its
// pod range (Cloud NAT, sourceSubnetworkIpRangesToNat / sourceIpRangesToNat).
func natsPods(nat Resource, subnet, pods string) bool {
	switch in(nat, "sourceSubnetworkIpRangesToNat") {
	case "ALL_SUBNETWORKS_ALL_IP_RANGES":
		return true
	case "LIST_OF_SUBNETWORKS":
		return anyElem(nat.Inputs, "subnetworks", func(s prop) bool {
			ranges := s.Field("sourceIpRangesToNats").Strings()
			return subnet != "" && lastSegment(s.Field("name").Text()) == subnet &&
				(slices.Contains(ranges, "ALL_IP_RANGES") || slices.Contains(s.Field("secondaryIpRangeNames").Strings(), pods))
		})
	}
	return false
}

// within reports whether p lies inside one of ranges.
func within(p netip.Prefix, ranges []netip.Prefix) bool {
	for _, r := range ranges {
		if r.Bits() <= p.Bits() && r.Contains(p.Addr()) {
			return true
		}
	}
	return false
}
