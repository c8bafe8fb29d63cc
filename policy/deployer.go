package policy

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/example/mlplatform/settings"
)

// Deployer is where `pulumi up` runs: what it can reach decides which writes can succeed.
type Deployer struct {
	// Network is settings.DeployerGitHubHosted or settings.DeployerPrivateRunner; "" means
	// unknown, and the reachability rule stays silent.
	Network string
}

// DeployerFor is the deployer the settings describe.
func DeployerFor(s *settings.Settings) Deployer { return Deployer{Network: s.DeployerNetwork} }

// armPrivateLink reports whether the deployer reaches Azure Resource Manager through a
// Resource Management Private Link (Microsoft.Authorization/resourceManagementPrivateLinks).
// A GitHub-hosted runner reaches ARM over the internet only.
func (d Deployer) armPrivateLink() bool { return d.Network == settings.DeployerPrivateRunner }

const (
	tKeyValueKey    = "azure-native:appconfiguration:KeyValue"
	tStoreKey       = "azure-native:appconfiguration:ConfigurationStore"
	k8sProviderType = "pulumi:providers:kubernetes"
	connectGateway  = "connectgateway.googleapis.com"
	deployerSection = `README "Deploying for real"`
)

var deployerRules = []Rule{
	{ID: "DEP-001", Severity: High,
		Description: "Every data plane and control plane the program writes to must be reachable from where `pulumi up` runs (deployerNetwork): App Configuration key-values (ARM writes them to the store's data plane) and Kubernetes objects (the provider's API server). High: the deployment cannot succeed, and the usual quick fix, opening the data plane to the internet, is the exposure the private posture exists to prevent.",
		Remediation: "Run pulumi up from a network that has the path (deployerNetwork: private-runner with a Resource Management Private Link), or reach the cluster through the fleet Connect gateway; see " + deployerSection + ".",
		stack:       unreachableWrites},
}

// unreachableWrites names each write the deployer has no path to, and the missing path.
func unreachableWrites(st stack) []violation {
	if st.deployer.Network == "" {
		return nil
	}
	var out []violation
	stores := map[string]Resource{}
	providers := map[string]Resource{}
	var clusters []Resource
	apis := map[string]bool{}
	for _, r := range st.resources {
		switch typeKey(r.Type) {
		case projectServiceType:
			apis[in(r, "service")] = true
		case tStoreKey:
			if name := get(r.Inputs, "configStoreName"); !name.Unknown() && name.Text() != "" {
				stores[name.Text()] = r
			}
		case k8sProviderType:
			providers[r.URN] = r
		case clusterType:
			clusters = append(clusters, r)
		}
	}
	for _, r := range st.resources {
		var msg string
		switch {
		case typeKey(r.Type) == tKeyValueKey:
			msg = st.deployer.keyValuePath(r, stores)
		case strings.HasPrefix(r.Type, "kubernetes:"):
			msg = st.deployer.kubernetesPath(r, providers, clusters, apis)
		}
		if msg != "" {
			out = append(out, violation{URN: r.URN, Type: r.Type, Name: r.Name, Message: msg})
		}
	}
	return out
}

// keyValuePath: ARM writes a key-value to the store's data plane with the caller's identity
// (dataPlaneProxy pass-through). With public network access disabled the data plane accepts
// the write only when privateLinkDelegation is Enabled, and then only for requests that came
// to ARM through an ARM private link ("ARM private endpoint is required if the resource
// requires private link": PrivateLinkDelegation.Enabled, App Configuration management API
// 2024-05-01).
func (d Deployer) keyValuePath(kv Resource, stores map[string]Resource) string {
	name := get(kv.Inputs, "configStoreName")
	if name.Unknown() {
		return ""
	}
	store, ok := stores[name.Text()]
	if !ok {
		return ""
	}
	access, delegation := get(store.Inputs, "publicNetworkAccess"), get(store.Inputs, "dataPlaneProxy.privateLinkDelegation")
	if access.Unknown() || delegation.Unknown() || !strings.EqualFold(access.Text(), "Disabled") {
		return ""
	}
	switch {
	case !strings.EqualFold(delegation.Text(), "Enabled"):
		return fmt.Sprintf("store %s has public network access Disabled and privateLinkDelegation %s: ARM cannot write its key-values from any deployer (missing path: ARM private-link delegation)",
			name.Text(), orDefault(delegation.Text(), "unset"))
	case !d.armPrivateLink():
		return fmt.Sprintf("deployer %s reaches ARM over the internet, but store %s accepts ARM writes only through an ARM private link (missing path: Resource Management Private Link; deployerNetwork: %s)",
			d.Network, name.Text(), settings.DeployerPrivateRunner)
	}
	return ""
}

// kubernetesPath: the Kubernetes provider writes to the server of its kubeconfig. The fleet's
// Connect gateway (connectgateway.googleapis.com) is a public Google API authorized by IAM,
// reachable from any deployer. A cluster endpoint is reachable only from inside the VPC
// (private endpoint) or from the authorized networks, and no deployer the program knows of
// sits in either: a GitHub-hosted runner's address comes from a shared pool no allow-list can
// name.
func (d Deployer) kubernetesPath(r Resource, providers map[string]Resource, clusters []Resource, apis map[string]bool) string {
	prov, ok := providers[r.Provider]
	if !ok {
		return fmt.Sprintf("uses the ambient kubeconfig of deployer %s: the plan cannot show a path to its cluster (missing path: an explicit provider whose server is the Connect gateway)", d.Network)
	}
	kc := get(prov.Inputs, "kubeconfig")
	if kc.Unknown() {
		return ""
	}
	server, err := kubeconfigServer(kc.Text())
	if err != nil {
		return fmt.Sprintf("provider %s: %v (missing path: a kubeconfig the plan can read)", prov.Name, err)
	}
	if server.Hostname() == connectGateway {
		return gatewayAPIsPath(apis)
	}
	for _, c := range clusters {
		if private, ok := get(c.Inputs, "privateClusterConfig.enablePrivateEndpoint").Boolean(); ok && private {
			return fmt.Sprintf("writes to %s, the private endpoint of cluster %s, which only the VPC reaches; deployer %s is outside it (missing path: the fleet Connect gateway)", server.Host, c.Name, d.Network)
		}
		if get(c.Inputs, "masterAuthorizedNetworksConfig").Absent() {
			continue
		}
		return fmt.Sprintf("writes to %s, the endpoint of cluster %s, which admits only its authorized networks; deployer %s is in none the plan knows of (missing path: the fleet Connect gateway)", server.Host, c.Name, d.Network)
	}
	return ""
}

// kubeconfigServer reads the server of the current context (JSON kubeconfigs, as the program
// writes them; a single-cluster kubeconfig needs no context lookup).
func kubeconfigServer(text string) (*url.URL, error) {
	var cfg struct {
		Current  string `json:"current-context"`
		Contexts []struct {
			Name    string `json:"name"`
			Context struct {
				Cluster string `json:"cluster"`
			} `json:"context"`
		} `json:"contexts"`
		Clusters []struct {
			Name    string `json:"name"`
			Cluster struct {
				Server string `json:"server"`
			} `json:"cluster"`
		} `json:"clusters"`
	}
	if err := json.Unmarshal([]byte(text), &cfg); err != nil {
		return nil, fmt.Errorf("kubeconfig is not JSON")
	}
	cluster := ""
	for _, c := range cfg.Contexts {
		if c.Name == cfg.Current {
			cluster = c.Context.Cluster
		}
	}
	for _, c := range cfg.Clusters {
		if c.Name == cluster || len(cfg.Clusters) == 1 {
			u, err := url.Parse(c.Cluster.Server)
			if err != nil || u.Host == "" {
				return nil, fmt.Errorf("kubeconfig server %q is not a URL", c.Cluster.Server)
			}
			return u, nil
		}
	}
	return nil, fmt.Errorf("kubeconfig has no server for its current context")
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// connectGatewayAPIs are the APIs "Set up the Connect gateway" has a project enable for the
// gateway: connectgateway and its dependencies gkeconnect, gkehub and cloudresourcemanager
// (cloud.google.com/kubernetes-engine/enterprise/multicluster-management/gateway/setup,
// "Enable APIs"). The page's older revision also listed anthos.googleapis.com; the program
// leaves that one off on purpose: it is the GKE Enterprise API, which decides billing, and
// Cloud Service Mesh's prerequisites say not to enable it to use the mesh standalone.
var connectGatewayAPIs = []string{connectGateway, "gkeconnect.googleapis.com", "gkehub.googleapis.com", "cloudresourcemanager.googleapis.com"}

// gatewayAPIsPath names the first Connect gateway API the plan does not enable.
func gatewayAPIsPath(apis map[string]bool) string {
	for _, api := range connectGatewayAPIs {
		if !apis[api] {
			return fmt.Sprintf("writes through the fleet Connect gateway, but the project does not enable %s, which the gateway needs (missing path: API %s enabled)", api, api)
		}
	}
	return ""
}
