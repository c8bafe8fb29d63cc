package policy

// Tokens, fixtures and cases of tlsRules.
const (
	tSSLPolicy     = "gcp:compute/sSLPolicy:SSLPolicy"
	tGatewayPolicy = "kubernetes:networking.gke.io/v1:GCPGatewayPolicy"
)

func init() {
	knownTokens = append(knownTokens, tSSLPolicy, tGatewayPolicy)
	for id, c := range tlsCases {
		ruleCases[id] = c
	}
}

// gatewayPolicy attaches an SSL policy to the fixture Gateway (gateway(): inference-api in ingressNS).
func gatewayPolicy(ns, target, ssl string) Resource {
	return res(tGatewayPolicy, "gw-policy", map[string]any{"metadata": map[string]any{"name": target, "namespace": ns},
		"spec": map[string]any{"targetRef": map[string]any{"group": "gateway.networking.k8s.io", "kind": "Gateway", "name": target},
			"default": map[string]any{"sslPolicy": ssl}}})
}

var tlsCases = map[string]ruleCase{
	"SSL-002": {list(many(res(tK8sGateway, "gw", gateway()), gatewayPolicy(ingressNS, "inference-api", "mlp-prod-entry-tls12")),
		many(res(tK8sGateway, "gw", set(gateway(), "spec.gatewayClassName", "gke-l7-rilb")))),
		list(many(res(tK8sGateway, "gw", gateway())),
			many(res(tK8sGateway, "gw", gateway()), gatewayPolicy(ingressNS, "inference-api", "")),
			many(res(tK8sGateway, "gw", gateway()), gatewayPolicy("other", "inference-api", "mlp-prod-entry-tls12")),
			many(res(tK8sGateway, "gw", gateway()), gatewayPolicy(ingressNS, "other", "mlp-prod-entry-tls12")))},
}
