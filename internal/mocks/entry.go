package mocks

import (
	"fmt"
	"strings"
)

// The microservice's entry: Google Cloud edge resources (global address, Certificate
// Manager, Cloud Armor, IAP grants) with the ids and computed fields the Google provider
// returns, and the Kubernetes objects of the workload and its gateway.

func init() {
	register("gcp:compute/globalAddress:GlobalAddress", func(req Request) (string, map[string]interface{}) {
		p, name := gcpProject(req), autoName(req.Name, req.In, "name")
		id := fmt.Sprintf("projects/%s/global/addresses/%s", p, name)
		return id, map[string]interface{}{"name": name, "project": p, "address": ipFrom("global-address", id),
			"selfLink": computeAPI + id, "labelFingerprint": Hash("labels", id)[:12]}
	})
	register("gcp:compute/securityPolicy:SecurityPolicy", func(req Request) (string, map[string]interface{}) {
		p, name := gcpProject(req), autoName(req.Name, req.In, "name")
		id := fmt.Sprintf("projects/%s/global/securityPolicies/%s", p, name)
		return id, map[string]interface{}{"name": name, "project": p, "selfLink": computeAPI + id,
			"fingerprint": Hash("fp", id)[:12]}
	})
	certManager := func(collection string) provisioner {
		return func(req Request) (string, map[string]interface{}) {
			p, name := gcpProject(req), autoName(req.Name, req.In, "name")
			id := fmt.Sprintf("projects/%s/locations/global/%s/%s", p, collection, name)
			return id, map[string]interface{}{"name": name, "project": p, "location": "global"}
		}
	}
	register("gcp:certificatemanager/certificate:Certificate", certManager("certificates"))
	register("gcp:certificatemanager/certificateMap:CertificateMap", certManager("certificateMaps"))
	register("gcp:certificatemanager/certificateMapEntry:CertificateMapEntry", func(req Request) (string, map[string]interface{}) {
		p, name := gcpProject(req), autoName(req.Name, req.In, "name")
		id := fmt.Sprintf("projects/%s/locations/global/certificateMaps/%s/certificateMapEntries/%s", p, str(req.In, "map"), name)
		return id, map[string]interface{}{"name": name, "project": p, "state": "ACTIVE"}
	})
	register("gcp:iap/webTypeComputeIamMember:WebTypeComputeIamMember", func(req Request) (string, map[string]interface{}) {
		p := gcpProject(req)
		id := fmt.Sprintf("projects/%s/iap_web/compute/%s/%s", p, str(req.In, "role"), str(req.In, "member"))
		return id, map[string]interface{}{"project": p, "etag": "BwY" + Hash("etag", id)[:9]}
	})

	register("kubernetes:apps/v1:Deployment", k8sObject("apps/v1", "Deployment", true))
	register("kubernetes:core/v1:Service", k8sService)
	register("kubernetes:policy/v1:PodDisruptionBudget", k8sObject("policy/v1", "PodDisruptionBudget", true))
	register("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", k8sObject("autoscaling/v2", "HorizontalPodAutoscaler", true))
	for _, cr := range []string{"security.istio.io/v1:AuthorizationPolicy", "networking.istio.io/v1:Gateway",
		"networking.istio.io/v1:VirtualService", "gateway.networking.k8s.io/v1:Gateway", "gateway.networking.k8s.io/v1:HTTPRoute",
		"networking.gke.io/v1:HealthCheckPolicy", "networking.gke.io/v1:GCPBackendPolicy"} {
		apiVersion, kind, _ := strings.Cut(cr, ":")
		register("kubernetes:"+cr, k8sObject(apiVersion, kind, true))
	}
}

// k8sService adds the cluster IP the API server allocates from the services range.
func k8sService(req Request) (string, map[string]interface{}) {
	id, out := k8sObject("v1", "Service", true)(req)
	ip := hostIn(req.Config["mlplatform:gkeServicesCidr"], 10+int(Hash("svc", id)[0]%200))
	if ip == "" {
		ip = hostIn("10.24.0.0/20", 10)
	}
	out["spec"] = merged(req.In, "spec", map[string]interface{}{"clusterIP": ip, "clusterIPs": []interface{}{ip}})
	return id, out
}
