package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/policy"
)

// policyView is what the policy engine sees of a mocked run (inputs and provider outputs).
func policyView(m *mocks.Mocks) []policy.Resource {
	var out []policy.Resource
	for _, r := range m.Resources() {
		out = append(out, policy.Resource{URN: r.URN, Type: r.Type, Name: r.Name, Custom: r.Custom, Protect: r.Protect,
			Inputs: r.Inputs, Outputs: r.Outputs})
	}
	return out
}

// ruleFindings are one rule's findings on resources.
func ruleFindings(resources []policy.Resource, rule string) []policy.Finding {
	var out []policy.Finding
	for _, f := range policy.Evaluate(resources, nil, nil) {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func typeIs(token string) func(policy.Resource) bool {
	return func(r policy.Resource) bool { return r.Type == token }
}

// The prod plan holds the whole path for App Configuration and Key Vault; removing any one
// link makes XNET-001 fail for both endpoints, naming that link.
func TestReachabilityNamesEveryMissingLink(t *testing.T) {
	m, err := runWith(t, "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	full := policyView(m)
	if fs := ruleFindings(full, "XNET-001"); len(fs) != 0 {
		t.Fatalf("prod path incomplete: %v", fs)
	}
	for _, tc := range []struct {
		link string
		drop func(policy.Resource) bool
	}{
		{"GKE subnet", typeIs("gcp:compute/subnetwork:Subnetwork")},
		{"Cloud Router advertising", func(r policy.Resource) bool { return r.Name == "crosscloud-router" }},
		{"VPN tunnels", typeIs("gcp:compute/vPNTunnel:VPNTunnel")},
		{"VPN tunnels", typeIs("gcp:compute/routerPeer:RouterPeer")},
		{"VPN tunnels", typeIs("gcp:compute/routerInterface:RouterInterface")},
		{"VPN tunnels", typeIs("gcp:compute/haVpnGateway:HaVpnGateway")},
		{"Azure VPN gateway", typeIs("gcp:compute/externalVpnGateway:ExternalVpnGateway")},
		{"Azure VPN gateway", typeIs("azure-native:network:VirtualNetworkGateway")},
		{"Azure VPN gateway", typeIs("azure-native:network:VirtualNetworkGatewayConnection")},
		{"Azure VPN gateway", typeIs("azure-native:network:LocalNetworkGateway")},
		{"private-endpoint subnet", func(r policy.Resource) bool { return r.Name == "platform-pe-subnet" }},
		{"Cloud DNS forwarding zone", typeIs("gcp:dns/managedZone:ManagedZone")},
		{"DNS Private Resolver", typeIs("azure-native:network:InboundEndpoint")},
		{"DNS Private Resolver", typeIs("azure-native:network:DnsResolver")},
		{"privatelink zone (the public name's CNAME target) linked", typeIs("azure-native:network:VirtualNetworkLink")},
		{"private endpoint's DNS record", typeIs("azure-native:network:PrivateDnsZoneGroup")},
	} {
		var kept []policy.Resource
		dropped := 0
		for _, r := range full {
			if tc.drop(r) {
				dropped++
				continue
			}
			kept = append(kept, r)
		}
		if dropped == 0 {
			t.Fatalf("%s: the plan has no such resource to remove", tc.link)
		}
		named := map[string]bool{}
		for _, f := range ruleFindings(kept, "XNET-001") {
			if strings.Contains(f.Message, "missing "+tc.link) {
				named[f.Name] = true
			}
		}
		if !named["vault"] || !named["platform-pe"] {
			t.Errorf("without %d resource(s): want findings naming %q for both endpoints, got %v", dropped, tc.link, ruleFindings(kept, "XNET-001"))
		}
	}
}

// Each session's Azure end is its own: the gateway instance a tunnel lands on must carry the
// peer's Azure BGP address. Taking the APIPA addresses off the gateway breaks every session,
// and taking one off breaks only that tunnel's session, so the route still stands on the other.
func TestReachabilityNeedsTheSessionsAzureAddress(t *testing.T) {
	m, err := runWith(t, "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(keep func(i int) bool) []policy.Resource {
		var out []policy.Resource
		for _, r := range policyView(m) {
			if r.Type == "azure-native:network:VirtualNetworkGateway" {
				in := r.Inputs.Copy()
				bgp := in["bgpSettings"].ObjectValue().Copy()
				var kept []resource.PropertyValue
				for i, p := range bgp["bgpPeeringAddresses"].ArrayValue() {
					if keep(i) {
						kept = append(kept, p)
					}
				}
				bgp["bgpPeeringAddresses"] = resource.NewArrayProperty(kept)
				in["bgpSettings"] = resource.NewObjectProperty(bgp)
				r.Inputs = in
			}
			out = append(out, r)
		}
		return out
	}
	named := 0
	for _, f := range ruleFindings(edit(func(int) bool { return false }), "XNET-001") {
		if strings.Contains(f.Message, "missing Azure VPN gateway") {
			named++
		}
	}
	if named != 2 {
		t.Errorf("without the gateway's APIPA addresses: %d findings naming the Azure VPN gateway, want 2 (one per endpoint)", named)
	}
	if fs := ruleFindings(edit(func(i int) bool { return i == 1 }), "XNET-001"); len(fs) != 0 {
		t.Errorf("with instance 1's session intact the route stands: %v", fs)
	}
}

// The topology Google's Azure guide and Microsoft's active-active docs describe: two tunnels,
// one local network gateway per HA VPN interface address, every BGP session distinct, and
// the gateway generation the SKU exists in.
func TestVPNTopologyIsTwoDistinctSessions(t *testing.T) {
	for sku, generation := range map[string]string{"VpnGw1AZ": "Generation1", "VpnGw4AZ": "Generation2"} {
		m, err := runWith(t, "prod", map[string]string{"mlplatform:azureVpnGatewaySku": sku})
		if err != nil {
			t.Fatal(err)
		}
		gws := m.ByType("azure-native:network:VirtualNetworkGateway")
		if len(gws) != 1 || !gws[0].Inputs["vpnGatewayGeneration"].IsString() || gws[0].Inputs["vpnGatewayGeneration"].StringValue() != generation {
			t.Errorf("%s: gateways %v, want one of %s", sku, gws, generation)
		}
		lngs := m.ByType("azure-native:network:LocalNetworkGateway")
		addrs, peers := map[string]bool{}, map[string]bool{}
		for _, l := range lngs {
			addrs[l.Inputs["gatewayIpAddress"].StringValue()] = true
			peers[l.Inputs["bgpSettings"].ObjectValue()["bgpPeeringAddress"].StringValue()] = true
		}
		if len(lngs) != 2 || len(addrs) != 2 || len(peers) != 2 {
			t.Errorf("%d local network gateways at %d addresses with %d BGP peers, want 2 of each", len(lngs), len(addrs), len(peers))
		}
		sessions := map[string]bool{}
		for _, p := range m.ByType("gcp:compute/routerPeer:RouterPeer") {
			sessions[p.Inputs["ipAddress"].StringValue()+"-"+p.Inputs["peerIpAddress"].StringValue()] = true
		}
		if len(sessions) != 2 {
			t.Errorf("BGP sessions %v, want 2 distinct", sessions)
		}
		for _, f := range ruleFindings(policyView(m), "VPN-006") {
			t.Errorf("%s: %s", sku, f)
		}
	}
}

// Off in prod, the private endpoints are unreachable from GKE and the plan says so.
func TestProdWithoutCrossCloudNetworkFails(t *testing.T) {
	m, err := runWith(t, "prod", map[string]string{"mlplatform:crossCloudNetwork": "false"})
	if err != nil {
		t.Fatal(err)
	}
	if fs := ruleFindings(policyView(m), "XNET-001"); len(fs) < 4 {
		t.Errorf("want route and DNS findings for both endpoints, got %v", fs)
	}
}

// Dev is unchanged unless the option is on; on (with the private network it needs), the path
// is complete there too.
func TestDevCrossCloudOptIn(t *testing.T) {
	m, err := runWith(t, "dev", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range m.Resources() {
		if strings.Contains(r.URN, "crosscloud") || strings.HasSuffix(r.URN, "::mesh-egress") || strings.Contains(r.Type, "randomPassword") {
			t.Errorf("dev registers %s with crossCloudNetwork off", r.URN)
		}
	}
	on, err := runWith(t, "dev", map[string]string{"mlplatform:crossCloudNetwork": "true",
		"mlplatform:azurePrivateNetworking": "true", "mlplatform:containerRegistrySku": "Premium"})
	if err != nil {
		t.Fatal(err)
	}
	if fs := ruleFindings(policyView(on), "XNET-001"); len(fs) != 0 {
		t.Errorf("dev with the option on: %v", fs)
	}
}

// The generated pre-shared keys appear only as secrets: in no plain input and no output.
func TestPreSharedKeysStaySecret(t *testing.T) {
	m, err := runWith(t, "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	psks := m.ByType("random:index/randomPassword:RandomPassword")
	if len(psks) != 2 {
		t.Fatalf("%d pre-shared keys, want 2 (one per tunnel)", len(psks))
	}
	for _, p := range psks {
		v := p.Outputs["result"]
		if !v.IsSecret() {
			t.Fatalf("%s result is not secret", p.Name)
		}
		key := v.SecretValue().Element.StringValue()
		for _, r := range m.Resources() {
			if mocks.ContainsPlain(r.Inputs, key) || mocks.ContainsPlain(r.Outputs, key) {
				t.Errorf("%s carries pre-shared key %s in plain text", r.URN, p.Name)
			}
		}
	}
	for token, key := range map[string]string{"gcp:compute/vPNTunnel:VPNTunnel": "sharedSecret",
		"azure-native:network:VirtualNetworkGatewayConnection": "sharedKey"} {
		users := m.ByType(token)
		if len(users) != 2 {
			t.Errorf("%d %s, want 2", len(users), token)
		}
		for _, r := range users {
			if v, ok := r.Inputs[resource.PropertyKey(key)]; !ok || !v.ContainsSecrets() {
				t.Errorf("%s: %s is not a secret input", r.URN, key)
			}
		}
	}
}

// With the path on, the microservice namespace's egress is confined; the Azure private
// endpoints are reachable on 443 only through their subnet.
func TestMicroserviceEgressPolicy(t *testing.T) {
	m, err := runWith(t, "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	// The namespaces' ingress isolation policies (NETPOL-001) are tested in gcp/; this is the egress one.
	var policies []mocks.Resource
	for _, p := range m.ByType("kubernetes:networking.k8s.io/v1:NetworkPolicy") {
		if strings.HasSuffix(p.URN, "::mesh-egress") {
			policies = append(policies, p)
		}
	}
	if len(policies) != 1 {
		t.Fatalf("%d egress network policies, want 1", len(policies))
	}
	in := policies[0].Inputs.Mappable()
	meta, _ := in["metadata"].(map[string]any)
	spec, _ := in["spec"].(map[string]any)
	if meta["namespace"] != "inference" || meta["name"] != "microservice-egress" {
		t.Errorf("metadata = %v", meta)
	}
	if types, _ := spec["policyTypes"].([]any); len(types) != 1 || types[0] != "Egress" {
		t.Errorf("policyTypes = %v, want [Egress]", spec["policyTypes"])
	}
	text := fmt.Sprint(in)
	for _, want := range []string{"10.40.1.0/24", "kube-dns", "169.254.169.252/32", "istio-injection"} {
		if !strings.Contains(text, want) {
			t.Errorf("egress rules lack %s: %s", want, text)
		}
	}
	// The public HTTPS rule must not open the private ranges (the VNet is only reachable
	// through the endpoint rule).
	if !strings.Contains(text, "10.0.0.0/8") {
		t.Errorf("public rule does not except private ranges: %s", text)
	}
}

// The mesh-ready Job runs in the confined namespace and polls the API server: one more egress
// policy, for its pods only, opens 443 to the control plane's private range. Without it the
// namespace policy (private ranges excepted) blocks the Job and the first up waits it out.
func TestMeshReadyJobReachesTheAPIServer(t *testing.T) {
	m, err := runWith(t, "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	p, ok := m.Find("kubernetes:networking.k8s.io/v1:NetworkPolicy", "mesh-ready-egress")
	if !ok {
		t.Fatal("no egress policy for the mesh-ready Job")
	}
	job := m.MustFind(t, "kubernetes:batch/v1:Job", "mesh-ready")
	in := p.Inputs.Mappable()
	spec, _ := in["spec"].(map[string]any)
	selector := fmt.Sprint(spec["podSelector"])
	jobLabels := fmt.Sprint(job.Inputs.Mappable()["spec"].(map[string]any)["template"].(map[string]any)["metadata"].(map[string]any)["labels"])
	if !strings.Contains(selector, "app.kubernetes.io/name:mesh-ready") || !strings.Contains(jobLabels, "app.kubernetes.io/name:mesh-ready") {
		t.Errorf("policy selects %s; the Job's pods carry %s", selector, jobLabels)
	}
	master := stacktest.Settings(t, "prod").GKE.MasterCIDR.String()
	if rules := fmt.Sprint(spec["egress"]); !strings.Contains(rules, "cidr:"+master) || !strings.Contains(rules, "port:443") || strings.Contains(rules, "0.0.0.0/0") {
		t.Errorf("egress = %s, want only 443 to %s", rules, master)
	}
	if meta := in["metadata"].(map[string]any); meta["namespace"] != "inference" {
		t.Errorf("policy in namespace %v, want the Job's (inference)", meta["namespace"])
	}
}

// Defect 5: Cloud DNS forwards the zones of the names the clients resolve
// (<store>.azconfig.io, <vault>.vault.azure.net), never the privatelink zones (see
// azure.ForwardedZonesOf for Microsoft's and Google's pages).
func TestForwardingZonesAreThePublicZones(t *testing.T) {
	m, err := runWith(t, "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, z := range m.ByType("gcp:dns/managedZone:ManagedZone") {
		if _, ok := z.Inputs["forwardingConfig"]; ok {
			names = append(names, z.Inputs["dnsName"].StringValue())
		}
	}
	if got := strings.Join(names, " "); got != "azconfig.io. vault.azure.net. vaultcore.azure.net." {
		t.Errorf("forwarded zones %q, want azconfig.io. vault.azure.net. vaultcore.azure.net.", got)
	}
}

// Defect 4: the microservice's pods carry what Azure's SDKs need to sign in with the federated
// credential: a token projected for its audience, and the variables naming the application,
// the tenant and the token file.
func TestMicroserviceSignsInToEntra(t *testing.T) {
	m, err := runWith(t, "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	d := m.MustFind(t, "kubernetes:apps/v1:Deployment", "microservice-deployment").Inputs.Mappable()
	pod := d["spec"].(map[string]any)["template"].(map[string]any)["spec"].(map[string]any)
	fic := m.ByType("azuread:index/applicationFederatedIdentityCredential:ApplicationFederatedIdentityCredential")
	app := m.ByType("azuread:index/application:Application")
	if len(fic) != 1 || len(app) != 1 {
		t.Fatalf("%d federated credentials, %d applications, want 1 each", len(fic), len(app))
	}
	text := fmt.Sprint(pod["volumes"], pod["containers"])
	for _, want := range []string{
		"audience:" + fmt.Sprint(fic[0].Inputs["audiences"].ArrayValue()[0].StringValue()), "expirationSeconds:3600",
		"mountPath:/var/run/secrets/azure/tokens", "AZURE_FEDERATED_TOKEN_FILE value:/var/run/secrets/azure/tokens/azure-identity-token",
		"AZURE_CLIENT_ID value:" + app[0].Outputs["clientId"].StringValue(), "AZURE_TENANT_ID value:" + mocks.TenantID,
		"AZURE_AUTHORITY_HOST value:https://login.microsoftonline.com/",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the pod template lacks %s: %s", want, text)
		}
	}
	ns := d["metadata"].(map[string]any)["namespace"]
	if want := fmt.Sprintf("system:serviceaccount:%v:%v", ns, pod["serviceAccountName"]); fic[0].Inputs["subject"].StringValue() != want {
		t.Errorf("pods run as %s; the credential trusts %v", want, fic[0].Inputs["subject"])
	}
}

// edit returns the plan with edit applied to the plain inputs of every resource pick selects,
// and how many it changed.
func edit(full []policy.Resource, pick func(policy.Resource) bool, change func(map[string]any)) ([]policy.Resource, int) {
	var out []policy.Resource
	n := 0
	for _, r := range full {
		if pick(r) {
			in := r.Inputs.Mappable()
			change(in)
			r.Inputs = resource.NewPropertyMapFromMap(in)
			n++
		}
		out = append(out, r)
	}
	return out, n
}

func podSpec(d map[string]any) map[string]any {
	return d["spec"].(map[string]any)["template"].(map[string]any)["spec"].(map[string]any)
}

// entraToken is the Deployment's projected serviceAccountToken source.
func entraToken(d map[string]any) map[string]any {
	for _, v := range podSpec(d)["volumes"].([]any) {
		if p, ok := v.(map[string]any)["projected"].(map[string]any); ok {
			return p["sources"].([]any)[0].(map[string]any)["serviceAccountToken"].(map[string]any)
		}
	}
	return map[string]any{}
}

// setEnv sets (or, with "", removes) one variable of the microservice container.
func setEnv(name, value string) func(map[string]any) {
	return func(d map[string]any) {
		c := podSpec(d)["containers"].([]any)[0].(map[string]any)
		var env []any
		for _, e := range c["env"].([]any) {
			if e.(map[string]any)["name"] != name {
				env = append(env, e)
			}
		}
		if value != "" {
			env = append(env, map[string]any{"name": name, "value": value})
		}
		c["env"] = env
	}
}

// The sign-in and the query as the client makes them: each link of the real prod plan broken
// once, XNET-001 names it for the endpoints it cuts off (vault: Key Vault, platform-pe: App
// Configuration), and nothing for an edit Kubernetes and Entra ID accept.
func TestJourneyToAzureNamesEveryBrokenLink(t *testing.T) {
	m, err := runWith(t, "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	full := policyView(m)
	name := func(n string) func(policy.Resource) bool { return func(r policy.Resource) bool { return r.Name == n } }
	deployment, fic := name("microservice-deployment"), typeIs("azuread:index/applicationFederatedIdentityCredential:ApplicationFederatedIdentityCredential")
	token := func(k string, v any) func(map[string]any) { return func(d map[string]any) { entraToken(d)[k] = v } }
	set := func(k string, v any) func(map[string]any) { return func(r map[string]any) { r[k] = v } }
	role := func(guid string) func(policy.Resource) bool {
		return func(r policy.Resource) bool {
			return r.Type == "azure-native:authorization:RoleAssignment" && strings.HasSuffix(fmt.Sprint(r.Inputs["roleDefinitionId"].V), guid)
		}
	}
	both, store, vault := []string{"vault", "platform-pe"}, []string{"platform-pe"}, []string{"vault"}
	for _, tc := range []struct {
		link   string // "" when the edit must pass
		want   []string
		pick   func(policy.Resource) bool
		change func(map[string]any) // nil: remove the resources
	}{
		{"Cloud DNS forwarding zone", both, typeIs("gcp:dns/managedZone:ManagedZone"), func(z map[string]any) {
			z["dnsName"] = strings.NewReplacer("vault.azure.net.", "privatelink.vaultcore.azure.net.", "vaultcore.azure.net.", "privatelink.vaultcore.azure.net.",
				"azconfig.io.", "privatelink.azconfig.io.").Replace(z["dnsName"].(string)) // the privatelink zones (today's defect)
		}},
		{"Cloud DNS forwarding zone", store, func(r policy.Resource) bool { return r.Name == "crosscloud-fwd-azconfig.io" }, nil},
		{"projected service account token", both, deployment, token("audience", "https://kubernetes.default.svc")},
		{"projected service account token", both, deployment, token("expirationSeconds", 599)},
		{"", nil, deployment, token("expirationSeconds", 600)},
		{"", nil, deployment, token("expirationSeconds", 4294967296)},
		{"projected service account token", both, deployment, token("expirationSeconds", 4294967297)},
		{"Azure SDK environment", both, deployment, setEnv("AZURE_CLIENT_ID", "")},
		{"Azure SDK environment", both, deployment, setEnv("AZURE_TENANT_ID", "")},
		{"Azure SDK environment", both, deployment, setEnv("AZURE_FEDERATED_TOKEN_FILE", "/var/run/secrets/kubernetes.io/serviceaccount/token")},
		{"Azure SDK environment", both, deployment, setEnv("AZURE_AUTHORITY_HOST", "https://login.microsoftonline.us/")},
		{"federated credential for the Deployment's service account", both, fic, set("subject", "system:serviceaccount:default:default")},
		{"federated credential issuer", both, fic, set("issuer", "https://token.actions.githubusercontent.com")},
		{"federated credential audience", both, fic, set("audiences", []any{"api://other"})},
		{"AZURE_CLIENT_ID = the federated application's client id", both, deployment, setEnv("AZURE_CLIENT_ID", "00000000-0000-0000-0000-000000000000")},
		{"data role", store, role("516239f1-63e1-4d78-a4de-a74fb236a071"), nil},
		{"data role", vault, role("4633458b-17de-408a-b874-0445c86b69e6"), nil},
		{"egress NetworkPolicy allowing HTTPS to Entra ID", both, name("mesh-egress"), func(p map[string]any) {
			spec := p["spec"].(map[string]any)
			rules := spec["egress"].([]any)
			spec["egress"] = rules[:len(rules)-1] // the public HTTPS rule
		}},
		{"Cloud NAT", both, typeIs("gcp:compute/routerNat:RouterNat"), nil},
	} {
		var kept []policy.Resource
		n := 0
		if tc.change == nil {
			for _, r := range full {
				if tc.pick(r) {
					n++
					continue
				}
				kept = append(kept, r)
			}
		} else {
			kept, n = edit(full, tc.pick, tc.change)
		}
		if n == 0 {
			t.Fatalf("%s: the plan has no such resource", tc.link)
		}
		fs := ruleFindings(kept, "XNET-001")
		if tc.link == "" {
			if len(fs) != 0 {
				t.Errorf("an accepted edit: %v", fs)
			}
			continue
		}
		var named []string
		for _, f := range fs {
			if strings.Contains(f.Message, "missing "+tc.link) {
				named = append(named, f.Name)
			}
		}
		if fmt.Sprint(named) != fmt.Sprint(tc.want) && !(len(named) == 2 && len(tc.want) == 2) {
			t.Errorf("breaking %q: want findings naming it for %v, got %v", tc.link, tc.want, fs)
		}
	}
}
