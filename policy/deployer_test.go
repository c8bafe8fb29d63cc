package policy

import (
	"encoding/json"

	"github.com/example/mlplatform/settings"
)

// Scenarios for DEP-001: a store and its key-value, or a Kubernetes object, its provider and a
// cluster, seen by a deployer placed somewhere.
var (
	hostedRunner  = Deployer{Network: settings.DeployerGitHubHosted}
	privateRunner = Deployer{Network: settings.DeployerPrivateRunner}
)

func storeWithValue(d Deployer, storeOverrides ...any) scenario {
	st := store()
	for i := 0; i+1 < len(storeOverrides); i += 2 {
		set(st, storeOverrides[i].(string), storeOverrides[i+1])
	}
	return scenario{deployer: d, resources: []Resource{res(tStore, "store", st), res(tKeyValue, "kv", keyValue())}}
}

func kubeconfigFor(server string) string {
	b, _ := json.Marshal(map[string]any{
		"current-context": "ctx",
		"contexts":        []any{map[string]any{"name": "ctx", "context": map[string]any{"cluster": "c", "user": "u"}}},
		"clusters":        []any{map[string]any{"name": "c", "cluster": map[string]any{"server": server}}},
	})
	return string(b)
}

// k8sObject is a namespace written through a provider whose kubeconfig points at server, next
// to the baseline (privateRunner-nodes, public-endpoint, authorized-networks) cluster; clusterOverrides
// change the cluster.
func k8sObject(d Deployer, server string, clusterOverrides ...any) scenario {
	prov := res(tK8sProvider, "k8s", map[string]any{"kubeconfig": secret(kubeconfigFor(server))})
	ns := res("kubernetes:core/v1:Namespace", "ns", map[string]any{"metadata": map[string]any{"name": "inference"}})
	ns.Provider = prov.URN
	cl := cluster()
	for i := 0; i+1 < len(clusterOverrides); i += 2 {
		set(cl, clusterOverrides[i].(string), clusterOverrides[i+1])
	}
	resources := []Resource{res(tCluster, "gke", cl), prov, ns}
	for _, api := range connectGatewayAPIs {
		resources = append(resources, res(tService, api, map[string]any{"service": api}))
	}
	return scenario{deployer: d, resources: resources}
}

// withoutAPI is s less the project service that enables api.
func withoutAPI(s scenario, api string) scenario {
	var kept []Resource
	for _, r := range s.resources {
		if !(r.Type == tService && r.Name == api) {
			kept = append(kept, r)
		}
	}
	s.resources = kept
	return s
}

const gatewayServer = "https://connectgateway.googleapis.com/v1/projects/123456789012/locations/global/gkeMemberships/gke-mlp-prod"

func init() {
	ruleCases["DEP-001"] = ruleCase{
		pass: list(
			storeWithValue(privateRunner),
			storeWithValue(hostedRunner, "publicNetworkAccess", "Enabled"),
			storeWithValue(Deployer{}), // unknown deployer: silent
			storeWithValue(hostedRunner, "publicNetworkAccess", unknown),
			k8sObject(hostedRunner, gatewayServer),
			k8sObject(privateRunner, gatewayServer, "privateClusterConfig.enablePrivateEndpoint", true),
		),
		fail: list(
			storeWithValue(hostedRunner), // the documented hostedRunner runner against a privateRunner store
			storeWithValue(privateRunner, "dataPlaneProxy.privateLinkDelegation", "Disabled"),
			k8sObject(hostedRunner, "https://34.90.0.10"),
			k8sObject(privateRunner, "https://172.16.0.2", "privateClusterConfig.enablePrivateEndpoint", true),
			// The gateway needs its dependency APIs too ("Set up the Connect gateway").
			withoutAPI(k8sObject(hostedRunner, gatewayServer), "gkeconnect.googleapis.com"),
			withoutAPI(k8sObject(hostedRunner, gatewayServer), "connectgateway.googleapis.com"),
			func() scenario { // no explicit provider: the ambient kubeconfig
				s := k8sObject(hostedRunner, gatewayServer)
				s.resources[2].Provider = ""
				return s
			}(),
		),
	}
}
