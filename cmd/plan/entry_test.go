package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/internal/stacktest"
)

// pick reads a value at a path of object keys and array indexes from a property map.
func pick(pm resource.PropertyMap, path ...any) any {
	var cur any = pm.Mappable()
	for _, step := range path {
		switch k := step.(type) {
		case string:
			obj, _ := cur.(map[string]any)
			cur = obj[k]
		case int:
			arr, _ := cur.([]any)
			if k >= len(arr) {
				return nil
			}
			cur = arr[k]
		}
	}
	return cur
}

func one(t *testing.T, m *mocks.Mocks, typ, name string) mocks.Resource {
	t.Helper()
	return m.MustFind(t, typ, name)
}

// The entry as sent to the providers: what the security design promises, per stack.
func TestEntryPosture(t *testing.T) {
	for _, stackName := range []string{"dev", "prod"} {
		t.Run(stackName, func(t *testing.T) {
			m, err := runWith(t, stackName, nil)
			if err != nil {
				t.Fatal(err)
			}
			project := stacktest.Config(t, stackName).Values["gcp:project"]

			// Workloads: restricted security context, pinned to the node pool.
			for _, name := range []string{"microservice-deployment", "entry-gateway-deployment"} {
				d := one(t, m, "kubernetes:apps/v1:Deployment", name)
				pod := []any{"spec", "template", "spec"}
				c := append(append([]any{}, pod...), "containers", 0, "securityContext")
				for path, want := range map[string]any{"runAsNonRoot": true, "allowPrivilegeEscalation": false,
					"readOnlyRootFilesystem": true, "privileged": false} {
					if got := pick(d.Inputs, append(c, path)...); got != want {
						t.Errorf("%s %s = %v, want %v", name, path, got, want)
					}
				}
				if got := pick(d.Inputs, append(c, "capabilities", "drop", 0)...); got != "ALL" {
					t.Errorf("%s drops %v", name, got)
				}
				if got := pick(d.Inputs, append(pod, "securityContext", "seccompProfile", "type")...); got != "RuntimeDefault" {
					t.Errorf("%s seccomp %v", name, got)
				}
				if got := pick(d.Inputs, append(pod, "nodeSelector", "cloud.google.com/gke-nodepool")...); got == nil || got == "" {
					t.Errorf("%s is not pinned to the node pool", name)
				}
			}
			if img := pick(one(t, m, "kubernetes:apps/v1:Deployment", "microservice-deployment").Inputs,
				"spec", "template", "spec", "containers", 0, "image"); !strings.Contains(img.(string), "@sha256:") {
				t.Errorf("image %v", img)
			}

			// Only the ingress gateway's mesh identity may call the microservice.
			allow := one(t, m, "kubernetes:security.istio.io/v1:AuthorizationPolicy", "microservice-allow-ingress")
			want := project + ".svc.id.goog/ns/inference-ingress/sa/mesh-ingressgateway"
			if got := pick(allow.Inputs, "spec", "rules", 0, "from", 0, "source", "principals", 0); got != want {
				t.Errorf("allowed principal %v, want %s", got, want)
			}
			for _, name := range []string{"microservice-deny-all", "entry-deny-all"} {
				if spec := pick(one(t, m, "kubernetes:security.istio.io/v1:AuthorizationPolicy", name).Inputs, "spec"); len(spec.(map[string]any)) != 0 {
					t.Errorf("%s spec %v is not empty (allow-nothing)", name, spec)
				}
			}

			// The backend policy: IAP with the team's OAuth client (its secret in a Secret of the
			// same namespace, under "key", as a Pulumi secret), and the Cloud Armor policy.
			armor := one(t, m, "gcp:compute/securityPolicy:SecurityPolicy", "entry-armor")
			bp := one(t, m, "kubernetes:networking.gke.io/v1:GCPBackendPolicy", "entry-backend-policy")
			sec := one(t, m, "kubernetes:core/v1:Secret", "entry-iap-oauth-client")
			if pick(bp.Inputs, "spec", "default", "iap", "enabled") != true ||
				pick(bp.Inputs, "spec", "default", "iap", "clientID") != "000000000000-offline-plan-example.apps.googleusercontent.com" ||
				pick(bp.Inputs, "spec", "default", "iap", "oauth2ClientSecret", "name") != pick(sec.Inputs, "metadata", "name") ||
				pick(bp.Inputs, "metadata", "namespace") != pick(sec.Inputs, "metadata", "namespace") {
				t.Errorf("IAP: %v", pick(bp.Inputs, "spec", "default", "iap"))
			}
			if sd := sec.Inputs["stringData"]; !sd.IsSecret() && !(sd.IsObject() && sd.ObjectValue()["key"].IsSecret()) {
				t.Errorf("the OAuth client secret is not a Pulumi secret: %v", sd)
			}
			if got := pick(bp.Inputs, "spec", "default", "securityPolicy"); got != pick(armor.Outputs, "name") {
				t.Errorf("securityPolicy %v, armor is %v", got, pick(armor.Outputs, "name"))
			}

			// Gateway: certificate map and reserved address by name; HTTP only redirects.
			gw := one(t, m, "kubernetes:gateway.networking.k8s.io/v1:Gateway", "entry-gateway")
			certMap := one(t, m, "gcp:certificatemanager/certificateMap:CertificateMap", "entry-certmap")
			addr := one(t, m, "gcp:compute/globalAddress:GlobalAddress", "entry-ip")
			if pick(gw.Inputs, "metadata", "annotations", "networking.gke.io/certmap") != pick(certMap.Outputs, "name") ||
				pick(gw.Inputs, "spec", "addresses", 0, "value") != pick(addr.Outputs, "name") ||
				pick(gw.Inputs, "spec", "gatewayClassName") != "gke-l7-global-external-managed" {
				t.Errorf("gateway %v", gw.Inputs)
			}
			redirect := one(t, m, "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute", "entry-route-http-redirect")
			if pick(redirect.Inputs, "spec", "rules", 0, "filters", 0, "requestRedirect", "scheme") != "https" ||
				pick(redirect.Inputs, "spec", "rules", 0, "backendRefs") != nil {
				t.Errorf("redirect route %v", redirect.Inputs)
			}

			// Cloud Armor: OWASP rules in prod only (armorOwaspRules), the rate limit per client IP.
			rules, _ := json.Marshal(pick(armor.Inputs, "rules"))
			owasp := strings.Count(string(rules), "-v33-stable'")
			if n := strings.Count(string(rules), "evaluatePreconfiguredWaf('cve-canary'"); n != 1 {
				t.Errorf("%s has %d cve-canary rules, want 1 (Log4Shell, CKV_GCP_73)", stackName, n)
			}
			if (stackName == "prod") != (owasp == 9) || (stackName == "dev" && owasp != 0) {
				t.Errorf("%s has %d OWASP rules", stackName, owasp)
			}
			if !strings.Contains(string(rules), `"enforceOnKey":"IP"`) || !strings.Contains(string(rules), `"exceedAction":"deny(429)"`) {
				t.Errorf("no per-client rate limit: %s", rules)
			}
		})
	}
}

// Without the workload nothing of the entry is registered and its outputs are empty.
func TestEntryCanBeSwitchedOff(t *testing.T) {
	m, err := runWith(t, "prod", map[string]string{"mlplatform:microserviceDeploy": "false",
		"mlplatform:microserviceImage": "", "mlplatform:gatewayHostname": ""})
	if err != nil {
		t.Fatal(err)
	}
	for _, typ := range []string{"kubernetes:apps/v1:Deployment", "gcp:compute/securityPolicy:SecurityPolicy",
		"kubernetes:gateway.networking.k8s.io/v1:Gateway", "gcp:compute/globalAddress:GlobalAddress"} {
		if n := len(m.ByType(typ)); n != 0 {
			t.Errorf("%d %s registered with microserviceDeploy=false", n, typ)
		}
	}
}
