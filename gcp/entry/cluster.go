package entry

import (
	"github.com/example/mlplatform/gcp"
	"github.com/example/mlplatform/kubenative"
	"github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes"
	"github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/apiextensions"
	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// cluster creates the in-cluster half of the entry: the mesh ingress gateway (its own
// namespace, service account, Deployment, Service, PDB, HPA), its Istio routing and
// authorization, and the GKE Gateway with its routes and backend policies.
func (c *Entry) cluster(ctx *pulumi.Context, name string, args *EntryArgs, edge edgeRefs) error {
	s := args
	in := childOpts(c, pulumi.Provider(args.Provider))
	// The mesh gate (Mesh.Ready) before every Istio object (its CRD must exist) and the
	// gateway's pods (injection must work: the mesh replaces `image: auto` only when it
	// injects the pod at creation).
	istio := append(append([]pulumi.ResourceOption{}, in...), pulumi.DependsOn([]pulumi.Resource{args.MeshReadyJob}))
	lbls := gcp.WorkloadLabels(s.Env, ingressApp)
	nsLabels := gcp.MeshNamespaceLabels()
	for k, v := range lbls {
		nsLabels[k] = v
	}
	ns, err := kubenative.NewNamespace(ctx, name+"-namespace", &kubenative.NamespaceArgs{
		Metadata: &metav1.ObjectMetaArgs{Name: pulumi.String(IngressNamespace(s.Namespace)), Labels: nsLabels},
	}, in...)
	if err != nil {
		return err
	}
	nsName := ns.Metadata.Name().Elem()
	meta := func(n string) *metav1.ObjectMetaArgs {
		return &metav1.ObjectMetaArgs{Name: pulumi.String(n), Namespace: nsName, Labels: lbls}
	}
	ksa, err := kubenative.NewServiceAccount(ctx, name+"-ksa", &kubenative.ServiceAccountArgs{
		Metadata: meta(IngressServiceAccount), AutomountServiceAccountToken: pulumi.Bool(false),
	}, in...)
	if err != nil {
		return err
	}
	if err := gcp.QuietDefaultServiceAccount(ctx, name, ns.Metadata.Name(), lbls, in); err != nil {
		return err
	}
	if err := ingressNetworkPolicy(ctx, name, ns.Metadata.Name(), lbls, in); err != nil {
		return err
	}
	gw, err := c.ingressGateway(ctx, name, s, meta, ksa.Metadata.Name().Elem(), args.NodePool, in, istio)
	if err != nil {
		return err
	}
	if err := c.ingressRouting(ctx, name, args, nsName, lbls, istio); err != nil {
		return err
	}
	return c.gatewayAPI(ctx, name, s, meta, gw, edge, in)
}

// ingressGateway deploys the mesh ingress gateway as Cloud Service Mesh documents it: a
// Deployment whose pods the mesh injects with the "gateway" template (image "auto" is
// replaced by the managed proxy), in a namespace with injection on
// (cloud.google.com/service-mesh/docs/gateways). It returns the Service's name.
func (c *Entry) ingressGateway(ctx *pulumi.Context, name string, s *EntryArgs,
	meta func(string) *metav1.ObjectMetaArgs, ksa pulumi.StringOutput, pool pulumi.StringInput, in, meshed []pulumi.ResourceOption) (pulumi.StringOutput, error) {
	selector := pulumi.StringMap{"app": pulumi.String(ingressApp), "istio": pulumi.String("ingressgateway")}
	podLabels := pulumi.StringMap{"istio": pulumi.String("ingressgateway")}
	for k, v := range gcp.WorkloadLabels(s.Env, ingressApp) {
		podLabels[k] = v
	}
	probe := func(initialDelay, period int) *kubenative.ProbeArgs {
		return &kubenative.ProbeArgs{HttpGet: &kubenative.HTTPGetActionArgs{Path: pulumi.String("/healthz/ready"), Port: pulumi.Int(ingressStatusPort)},
			InitialDelaySeconds: pulumi.Int(initialDelay), PeriodSeconds: pulumi.Int(period), FailureThreshold: pulumi.Int(3)}
	}
	depMeta := meta(ingressApp)
	// kube-score reads "image: auto" as an unpinned tag; the mesh replaces it with its managed
	// proxy at injection (Cloud Service Mesh, "Install and upgrade gateways"), so that one check
	// is waived on this object only (kube-score README, "Ignoring a test"). POD-005 still
	// requires every other image to be pinned by digest.
	depMeta.Annotations = pulumi.StringMap{"kube-score/ignore": pulumi.String("container-image-tag")}
	dep, err := kubenative.NewDeployment(ctx, name+"-gateway-deployment", &kubenative.DeploymentArgs{
		Metadata: depMeta,
		Spec: &kubenative.DeploymentSpecArgs{
			Selector: &metav1.LabelSelectorArgs{MatchLabels: selector},
			Template: &kubenative.PodTemplateSpecArgs{
				Metadata: &metav1.ObjectMetaArgs{Labels: podLabels,
					Annotations: pulumi.StringMap{"inject.istio.io/templates": pulumi.String("gateway")}},
				Spec: &kubenative.PodSpecArgs{
					ServiceAccountName: ksa, SecurityContext: gcp.RestrictedPodSecurity(), NodeSelector: gcp.NodePoolSelector(pool),
					Affinity: gcp.SpreadOverNodes(selector),
					// The proxy authenticates to the mesh with its own projected istio-token;
					// the API token is not needed (the KSA says so too; POD-006 wants the pod to).
					AutomountServiceAccountToken: pulumi.Bool(false),
					Containers: kubenative.ContainerArray{&kubenative.ContainerArgs{
						Name: pulumi.String("istio-proxy"), Image: pulumi.String("auto"),
						Ports:          kubenative.ContainerPortArray{&kubenative.ContainerPortArgs{Name: pulumi.String("http"), ContainerPort: pulumi.Int(ingressTargetPort)}},
						Resources:      gcp.ContainerResources("100m", "128Mi", "1", "512Mi"),
						ReadinessProbe: probe(1, 5), LivenessProbe: probe(10, 20),
						SecurityContext: gcp.RestrictedContainerSecurity(),
					}},
				},
			},
		},
	}, meshed...)
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	svc, err := ingressService(ctx, name, meta(ingressApp), selector, in)
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	if err := gcp.Availability(ctx, name+"-gateway", s.MinReplicas, s.MaxReplicas, ingressApp, meta(ingressApp).Namespace.ToStringPtrOutput().Elem(), gcp.WorkloadLabels(s.Env, ingressApp), selector,
		dep.Metadata.Name(), in); err != nil {
		return pulumi.StringOutput{}, err
	}
	return svc.Metadata.Name().Elem(), nil
}

// ingressService is the gateway's ClusterIP Service: the HealthCheckPolicy probes its status
// port, the HTTPRoute sends traffic to its http port.
func ingressService(ctx *pulumi.Context, name string, meta *metav1.ObjectMetaArgs, selector pulumi.StringMap,
	in []pulumi.ResourceOption) (*kubenative.Service, error) {
	return kubenative.NewService(ctx, name+"-gateway-service", &kubenative.ServiceArgs{
		Metadata: meta,
		Spec: &kubenative.ServiceSpecArgs{Type: pulumi.String("ClusterIP"), Selector: selector,
			Ports: kubenative.ServicePortArray{
				&kubenative.ServicePortArgs{Name: pulumi.String("status-port"), Port: pulumi.Int(ingressStatusPort), TargetPort: pulumi.Int(ingressStatusPort)},
				&kubenative.ServicePortArgs{Name: pulumi.String("http"), Port: pulumi.Int(ingressPort), TargetPort: pulumi.Int(ingressTargetPort)},
			}},
	}, in...)
}

// ingressRouting: the Istio Gateway and VirtualService that send the hostname to the
// microservice, and the namespace's authorization (deny all, then let only the load
// balancer's proxies reach the gateway pods).
func (c *Entry) ingressRouting(ctx *pulumi.Context, name string, args *EntryArgs,
	ns pulumi.StringOutput, lbls pulumi.StringMap, istio []pulumi.ResourceOption) error {
	cr := func(suffix, apiVersion, kind, objName string, spec pulumi.Map) error {
		_, err := apiextensions.NewCustomResource(ctx, name+"-"+suffix, &apiextensions.CustomResourceArgs{
			ApiVersion: pulumi.String(apiVersion), Kind: pulumi.String(kind),
			Metadata:    &metav1.ObjectMetaArgs{Name: pulumi.String(objName), Namespace: ns, Labels: lbls},
			OtherFields: kubernetes.UntypedArgs{"spec": spec},
		}, istio...)
		return err
	}
	hosts := pulumi.StringArray{pulumi.String(args.Hostname)}
	if err := cr("mesh-gateway", "networking.istio.io/v1", "Gateway", ingressApp, pulumi.Map{
		"selector": pulumi.StringMap{"istio": pulumi.String("ingressgateway")},
		"servers": pulumi.Array{pulumi.Map{"hosts": hosts,
			"port": pulumi.Map{"number": pulumi.Int(ingressPort), "name": pulumi.String("http"), "protocol": pulumi.String("HTTP")}}},
	}); err != nil {
		return err
	}
	if err := cr("virtualservice", "networking.istio.io/v1", "VirtualService", args.ServiceAccount, pulumi.Map{
		"hosts":    hosts,
		"gateways": pulumi.StringArray{pulumi.Sprintf("%s/%s", ns, ingressApp)},
		"http": pulumi.Array{pulumi.Map{"route": pulumi.Array{pulumi.Map{"destination": pulumi.Map{
			"host": args.BackendHost, "port": pulumi.Map{"number": args.BackendPort}}}}}},
	}); err != nil {
		return err
	}
	if err := gcp.DenyAll(ctx, name+"-deny-all", ns, lbls, istio); err != nil {
		return err
	}
	gatewayPods := pulumi.Map{"matchLabels": pulumi.StringMap{"istio": pulumi.String("ingressgateway")}}
	if err := cr("iap-jwt", gcp.IstioSecurityAPI, "RequestAuthentication", "iap-jwt", pulumi.Map{
		"selector": gatewayPods, "jwtRules": pulumi.Array{iapJWTRule()},
	}); err != nil {
		return err
	}
	if err := iapKeysReachable(cr); err != nil {
		return err
	}
	// Both conditions of one source must hold (Istio AuthorizationPolicy, Source: fields are
	// ANDed): the connection comes from the load balancer's proxies AND the request carries a
	// JWT that IAP signed. A request that reached the gateway without passing IAP (IAP
	// accidentally off, a policy the controller rejected) has no such principal and is refused.
	return cr("allow-load-balancer", gcp.IstioSecurityAPI, "AuthorizationPolicy", "allow-load-balancer", pulumi.Map{
		"selector": gatewayPods,
		"action":   pulumi.String("ALLOW"),
		"rules": pulumi.Array{pulumi.Map{
			"from": pulumi.Array{pulumi.Map{"source": pulumi.Map{"ipBlocks": pulumi.ToStringArray(LoadBalancerSourceRanges),
				"requestPrincipals": pulumi.StringArray{pulumi.String(IAPIssuer + "/*")}}}},
			"to": pulumi.Array{pulumi.Map{"operation": pulumi.Map{"ports": pulumi.StringArray{pulumi.Sprintf("%d", ingressTargetPort)}}}},
		}},
	})
}

// IAP's signed header, as "Securing your app with signed headers"
// (cloud.google.com/iap/docs/signed-headers-howto) describes it: every request IAP lets through
// carries an ES256 JWT in x-goog-iap-jwt-assertion, issuer https://cloud.google.com/iap, signed
// by the keys published at https://www.gstatic.com/iap/verify/public_key-jwk; IAP strips a
// client's own x-goog-* headers. Verifying it at the mesh gateway is the "secondary security in
// case someone bypasses IAP" the page asks for. The audience is the backend service's id, which
// the GKE Gateway controller creates and names, so no audience is pinned here.
const (
	IAPIssuer    = "https://cloud.google.com/iap"
	IAPJWKS      = "https://www.gstatic.com/iap/verify/public_key-jwk"
	IAPJWTHeader = "x-goog-iap-jwt-assertion"
)

// iapJWKSHost serves IAP's signing keys (IAPJWKS).
const iapJWKSHost = "www.gstatic.com"

// iapKeysReachable lets the gateway's proxy fetch IAP's keys. In Cloud Service Mesh the Envoy
// proxies fetch a RequestAuthentication's jwksUri themselves, the managed control plane makes no
// external call, and a ServiceEntry with a DestinationRule is "required for Cloud Service Mesh
// with MCP" ("Configure JWT authentication with remote JWKS", cloud.google.com/service-mesh/docs/
// security/configuring-remote-jwks-request-authentication). Without them every request would
// fail the JWT check. The proxy sends the fetch in plain HTTP to the host's 443 cluster, which
// the DestinationRule wraps in TLS (SIMPLE, the host's name as SNI); both stay in the ingress
// namespace (exportTo "."), whose pods open no other connection to that host.
func iapKeysReachable(cr func(suffix, apiVersion, kind, objName string, spec pulumi.Map) error) error {
	here := pulumi.StringArray{pulumi.String(".")}
	if err := cr("iap-jwks-entry", "networking.istio.io/v1", "ServiceEntry", "iap-jwks", pulumi.Map{
		"hosts": pulumi.StringArray{pulumi.String(iapJWKSHost)}, "location": pulumi.String("MESH_EXTERNAL"),
		"resolution": pulumi.String("DNS"), "exportTo": here,
		"ports": pulumi.Array{pulumi.Map{"number": pulumi.Int(443), "name": pulumi.String("https"), "protocol": pulumi.String("HTTPS")}},
	}); err != nil {
		return err
	}
	return cr("iap-jwks-tls", "networking.istio.io/v1", "DestinationRule", "iap-jwks", pulumi.Map{
		"host": pulumi.String(iapJWKSHost), "exportTo": here,
		"trafficPolicy": pulumi.Map{"tls": pulumi.Map{"mode": pulumi.String("SIMPLE"), "sni": pulumi.String(iapJWKSHost)}},
	})
}

// iapJWTRule is the Istio RequestAuthentication JWT rule for IAP's header
// (istio.io/latest/docs/reference/config/security/request_authentication: issuer, jwksUri,
// fromHeaders; forwardOriginalToken keeps the header for the microservice, which reads the
// user's identity from it). A request with an invalid token is rejected; one without a token
// gets no request principal, which the AuthorizationPolicy then refuses.
func iapJWTRule() pulumi.Map {
	return pulumi.Map{
		"issuer": pulumi.String(IAPIssuer), "jwksUri": pulumi.String(IAPJWKS),
		"fromHeaders":          pulumi.Array{pulumi.Map{"name": pulumi.String(IAPJWTHeader)}},
		"forwardOriginalToken": pulumi.Bool(true),
	}
}

// gatewayAPI creates the GKE Gateway (HTTPS with the certificate map, HTTP only to
// redirect), its two HTTPRoutes, and the health-check and backend policies of the mesh
// ingress gateway's Service: IAP with the team's OAuth client (iapOAuthClientId, its secret in
// a Kubernetes Secret; settings.Entry says why not the Google-managed client) and the Cloud
// Armor policy (cloud.google.com/kubernetes-engine/docs/how-to/configure-gateway-resources).
// Cloud Armor and IAP share one GCPBackendPolicy, so a policy the controller rejects would
// drop both: policy IAP-003 refuses, before anything is registered, an IAP block the
// controller's published type would reject.
func (c *Entry) gatewayAPI(ctx *pulumi.Context, name string, s *EntryArgs, meta func(string) *metav1.ObjectMetaArgs,
	backend pulumi.StringOutput, edge edgeRefs, in []pulumi.ResourceOption) error {
	cr := func(o gatewayObject) error {
		m := meta(o.objName)
		m.Annotations = o.annotations
		_, err := apiextensions.NewCustomResource(ctx, name+"-"+o.suffix, &apiextensions.CustomResourceArgs{
			ApiVersion: pulumi.String(o.apiVersion), Kind: pulumi.String(o.kind), Metadata: m,
			OtherFields: kubernetes.UntypedArgs{"spec": o.spec},
		}, in...)
		return err
	}
	for _, o := range gatewayObjects(s, backend, edge) {
		if err := cr(o); err != nil {
			return err
		}
	}
	secret, err := iapClientSecret(ctx, name, s.IAPClientSecret, meta, in)
	if err != nil {
		return err
	}
	return cr(gatewayObject{"backend-policy", "networking.gke.io/v1", "GCPBackendPolicy", ingressApp, pulumi.Map{
		"targetRef": ingressTarget(backend),
		"default": pulumi.Map{
			"securityPolicy": edge.securityPolicy,
			"iap": pulumi.Map{"enabled": pulumi.Bool(true), "clientID": pulumi.String(s.IAPClientID),
				"oauth2ClientSecret": pulumi.Map{"name": secret}},
			"logging": pulumi.Map{"enabled": pulumi.Bool(true)},
		},
	}, nil})
}

// gatewayObject is one custom resource of the entry's Gateway API objects, registered as
// name-suffix.
type gatewayObject struct {
	suffix, apiVersion, kind, objName string
	spec                              pulumi.Map
	annotations                       pulumi.StringMap
}

// ingressTarget is the policies' targetRef: the mesh ingress gateway's Service.
func ingressTarget(backend pulumi.StringOutput) pulumi.Map {
	return pulumi.Map{"group": pulumi.String(""), "kind": pulumi.String("Service"), "name": backend}
}

// gatewayObjects are the Gateway, its two HTTPRoutes and the health-check and gateway
// policies, in registration order; the backend policy follows once its Secret exists.
func gatewayObjects(s *EntryArgs, backend pulumi.StringOutput, edge edgeRefs) []gatewayObject {
	gwName := s.ServiceAccount
	hostnames := pulumi.StringArray{pulumi.String(s.Hostname)}
	parent := func(section string) pulumi.Array {
		return pulumi.Array{pulumi.Map{"name": pulumi.String(gwName), "sectionName": pulumi.String(section)}}
	}
	return []gatewayObject{
		{"gateway", "gateway.networking.k8s.io/v1", "Gateway", gwName, pulumi.Map{
			"gatewayClassName": pulumi.String(GatewayClass),
			"listeners": pulumi.Array{
				pulumi.Map{"name": pulumi.String("https"), "protocol": pulumi.String("HTTPS"), "port": pulumi.Int(443)},
				pulumi.Map{"name": pulumi.String("http"), "protocol": pulumi.String("HTTP"), "port": pulumi.Int(80)},
			},
			"addresses": pulumi.Array{pulumi.Map{"type": pulumi.String("NamedAddress"), "value": edge.address}},
		}, pulumi.StringMap{certMapAnnotation: edge.certMap}},
		{"route-https", "gateway.networking.k8s.io/v1", "HTTPRoute", gwName, pulumi.Map{
			"parentRefs": parent("https"), "hostnames": hostnames,
			"rules": pulumi.Array{pulumi.Map{"backendRefs": pulumi.Array{pulumi.Map{"name": backend, "port": pulumi.Int(ingressPort)}}}},
		}, nil},
		{"route-http-redirect", "gateway.networking.k8s.io/v1", "HTTPRoute", gwName + "-http-redirect", pulumi.Map{
			"parentRefs": parent("http"), "hostnames": hostnames,
			"rules": pulumi.Array{pulumi.Map{"filters": pulumi.Array{pulumi.Map{"type": pulumi.String("RequestRedirect"),
				"requestRedirect": pulumi.Map{"scheme": pulumi.String("https"), "statusCode": pulumi.Int(301)}}}}},
		}, nil},
		{"healthcheck", "networking.gke.io/v1", "HealthCheckPolicy", ingressApp, pulumi.Map{
			"targetRef": ingressTarget(backend),
			"default": pulumi.Map{"config": pulumi.Map{"type": pulumi.String("HTTP"), "httpHealthCheck": pulumi.Map{
				"port": pulumi.Int(ingressStatusPort), "requestPath": pulumi.String("/healthz/ready")}}},
		}, nil},
		// The load balancer's TLS floor (AVD-GCP-0039): a GCPGatewayPolicy names the SSL policy
		// ("Secure a Gateway", cloud.google.com/kubernetes-engine/docs/how-to/secure-gateway, SSL
		// Policies: spec.default.sslPolicy, targetRef the Gateway, same namespace).
		{"gateway-policy", "networking.gke.io/v1", "GCPGatewayPolicy", gwName, pulumi.Map{
			"targetRef": pulumi.Map{"group": pulumi.String("gateway.networking.k8s.io"), "kind": pulumi.String("Gateway"), "name": pulumi.String(gwName)},
			"default":   pulumi.Map{"sslPolicy": edge.sslPolicy},
		}, nil},
	}
}

// IAPSecretKey is the key of the Secret a GCPBackendPolicy's iap.oauth2ClientSecret names:
// GKE's "Configure IAP" for Gateway creates it with `kubectl create secret generic SECRET_NAME
// --from-literal=key=CLIENT_SECRET` in the policy's namespace (cross-namespace references are
// not supported: gke-gateway-api Oauth2ClientSecret has only a name).
const IAPSecretKey = "key"

// iapClientSecret stores the IAP OAuth client's secret in the ingress namespace. The value is
// a Pulumi secret, so the engine encrypts it in state and masks it in previews; naming the
// Secret through its output makes the backend policy wait for it without a DependsOn.
func iapClientSecret(ctx *pulumi.Context, name, clientSecret string, meta func(string) *metav1.ObjectMetaArgs,
	in []pulumi.ResourceOption) (pulumi.StringOutput, error) {
	sec, err := kubenative.NewSecret(ctx, name+"-iap-oauth-client", &kubenative.SecretArgs{
		Metadata: meta("iap-oauth-client"), Type: pulumi.String("Opaque"),
		StringData: pulumi.StringMap{IAPSecretKey: pulumi.ToSecret(pulumi.String(clientSecret)).(pulumi.StringOutput)},
	}, in...)
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	return sec.Metadata.Name().Elem(), nil
}
