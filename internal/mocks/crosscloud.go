package mocks

import (
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// The cross-cloud path: the generated pre-shared keys and the microservice's network policy.
// Each end's own types answer from its component's spec (azure/crosscloud/spec,
// gcp/crosscloud/spec).
func init() {
	registerPasswordAndPolicyMocks()
}

// registerPasswordAndPolicyMocks registers the generated pre-shared keys and the
// microservice's network policy.
func registerPasswordAndPolicyMocks() {
	register("random:index/randomPassword:RandomPassword", func(req Request) (string, map[string]interface{}) {
		length := 16
		if n, ok := req.In["length"].(float64); ok {
			length = int(n)
		}
		const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		h := Hash("password", req.Name)
		out := make([]byte, length)
		for i := range out {
			out[i] = alphabet[int(h[i%len(h)])*(i+11)%len(alphabet)]
		}
		// The provider marks result and bcryptHash secret.
		return "none", map[string]interface{}{
			"result":     resource.MakeSecret(resource.NewStringProperty(string(out))),
			"bcryptHash": resource.MakeSecret(resource.NewStringProperty("$2a$10$" + Hash("bcrypt", req.Name)[:53])),
		}
	})

	register("kubernetes:networking.k8s.io/v1:NetworkPolicy", k8sObject("networking.k8s.io/v1", "NetworkPolicy", true))
}
