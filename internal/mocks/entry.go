package mocks

// The Kubernetes objects the microservice and the entry's mesh ingress gateway both register;
// the types only the entry registers answer from gcp/entry/spec.

func init() {
	register("kubernetes:apps/v1:Deployment", k8sObject("apps/v1", "Deployment", true))
	register("kubernetes:core/v1:Service", k8sService)
	register("kubernetes:policy/v1:PodDisruptionBudget", k8sObject("policy/v1", "PodDisruptionBudget", true))
	register("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", k8sObject("autoscaling/v2", "HorizontalPodAutoscaler", true))
	register("kubernetes:security.istio.io/v1:AuthorizationPolicy", k8sObject("security.istio.io/v1", "AuthorizationPolicy", true))
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
