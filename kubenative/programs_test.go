package kubenative_test

// bindingProgram registers through the bindings what officialProgram (official_programs_test.go,
// officialsdk tag) registers through the official v4.32.0 packages: below their imports the two
// files differ only in the prefix binding/official of the function names
// (TestProgramsAreTheSameText). Each binding is imported under the official package's name, so
// the same text compiles against both. Every input each binding binds is set once; values flow
// between resources as in the platform (namespace and account names, a binding's subject), so
// dependencies are compared too.

import (
	"errors"

	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	appsv1 "github.com/example/mlplatform/kubenative"
	autoscalingv2 "github.com/example/mlplatform/kubenative"
	batchv1 "github.com/example/mlplatform/kubenative"
	corev1 "github.com/example/mlplatform/kubenative"
	networkingv1 "github.com/example/mlplatform/kubenative"
	policyv1 "github.com/example/mlplatform/kubenative"
	rbacv1 "github.com/example/mlplatform/kubenative"
)

// bindingProgram is the platform's use of the seven replaced packages.
func bindingProgram(ctx *pulumi.Context) (map[string]pulumi.Output, error) {
	ns, err := corev1.NewNamespace(ctx, "ns", &corev1.NamespaceArgs{
		Metadata: &metav1.ObjectMetaArgs{Name: pulumi.String("n"), Labels: labels}})
	if err != nil {
		return nil, err
	}
	meta := func(name string) *metav1.ObjectMetaArgs {
		return &metav1.ObjectMetaArgs{Name: pulumi.String(name), Namespace: ns.Metadata.Name(), Labels: labels}
	}
	sa, err := corev1.NewServiceAccount(ctx, "sa", &corev1.ServiceAccountArgs{Metadata: meta("sa"),
		AutomountServiceAccountToken: pulumi.Bool(false)})
	if err != nil {
		return nil, err
	}
	if _, err := corev1.NewServiceAccountPatch(ctx, "patch", &corev1.ServiceAccountPatchArgs{
		Metadata:                     &metav1.ObjectMetaPatchArgs{Name: pulumi.String("default"), Namespace: ns.Metadata.Name(), Labels: labels},
		AutomountServiceAccountToken: pulumi.Bool(false)}); err != nil {
		return nil, err
	}
	svc, err := corev1.NewService(ctx, "svc", &corev1.ServiceArgs{Metadata: meta("svc"), Spec: &corev1.ServiceSpecArgs{
		Type: pulumi.String("ClusterIP"), Selector: labels, Ports: corev1.ServicePortArray{
			&corev1.ServicePortArgs{Name: pulumi.String("http"), AppProtocol: pulumi.String("http"), Port: pulumi.Int(80), TargetPort: pulumi.String("http")},
			&corev1.ServicePortArgs{Name: pulumi.String("status"), Port: pulumi.Int(15021), TargetPort: pulumi.Int(15021)}}}})
	if err != nil {
		return nil, err
	}
	secret, err := corev1.NewSecret(ctx, "secret", &corev1.SecretArgs{Metadata: meta("s"), Type: pulumi.String("Opaque"),
		StringData: pulumi.StringMap{"k": pulumi.String("not-a-real-secret")}, Data: pulumi.StringMap{"b": pulumi.String("Yg==")}})
	if err != nil {
		return nil, err
	}
	dep, err := appsv1.NewDeployment(ctx, "deploy", &appsv1.DeploymentArgs{Metadata: meta("d"), Spec: &appsv1.DeploymentSpecArgs{
		Selector: &metav1.LabelSelectorArgs{MatchLabels: labels},
		Strategy: &appsv1.DeploymentStrategyArgs{Type: pulumi.String("RollingUpdate"),
			RollingUpdate: &appsv1.RollingUpdateDeploymentArgs{MaxUnavailable: pulumi.Int(0), MaxSurge: pulumi.String("25%")}},
		Template: bindingPodTemplate(sa.Metadata.Name())}})
	if err != nil {
		return nil, err
	}
	outs, err := bindingCluster(ctx, ns, dep)
	if err != nil {
		return nil, err
	}
	outs["ns.name"], outs["sa.name"], outs["sa.namespace"] = ns.Metadata.Name().Elem(), sa.Metadata.Name().Elem(), sa.Metadata.Namespace().Elem()
	outs["svc.name"], outs["secret.name"], outs["deploy.name"] = svc.Metadata.Name().Elem(), secret.Metadata.Name().Elem(), dep.Metadata.Name().Elem()
	return outs, nil
}

// bindingPodTemplate sets every bound pod field.
func bindingPodTemplate(account pulumi.StringPtrInput) *corev1.PodTemplateSpecArgs {
	probe := func(port pulumi.Input) *corev1.ProbeArgs {
		return &corev1.ProbeArgs{HttpGet: &corev1.HTTPGetActionArgs{Path: pulumi.String("/healthz"), Port: port},
			InitialDelaySeconds: pulumi.Int(5), PeriodSeconds: pulumi.Int(10), FailureThreshold: pulumi.Int(3)}
	}
	seccomp := &corev1.SeccompProfileArgs{Type: pulumi.String("RuntimeDefault")}
	return &corev1.PodTemplateSpecArgs{
		Metadata: &metav1.ObjectMetaArgs{Labels: labels, Annotations: pulumi.StringMap{"x": pulumi.String("y")}},
		Spec: &corev1.PodSpecArgs{
			ServiceAccountName: account, AutomountServiceAccountToken: pulumi.Bool(false), RestartPolicy: pulumi.String("Always"),
			NodeSelector: pulumi.StringMap{"pool": pulumi.String("p")},
			Affinity: &corev1.AffinityArgs{PodAntiAffinity: &corev1.PodAntiAffinityArgs{
				PreferredDuringSchedulingIgnoredDuringExecution: corev1.WeightedPodAffinityTermArray{&corev1.WeightedPodAffinityTermArgs{
					Weight: pulumi.Int(100), PodAffinityTerm: &corev1.PodAffinityTermArgs{TopologyKey: pulumi.String("kubernetes.io/hostname"),
						LabelSelector: &metav1.LabelSelectorArgs{MatchLabels: labels}}}}}},
			SecurityContext: &corev1.PodSecurityContextArgs{RunAsNonRoot: pulumi.Bool(true), RunAsUser: pulumi.Int(65532),
				RunAsGroup: pulumi.Int(65532), SeccompProfile: seccomp},
			Containers: corev1.ContainerArray{&corev1.ContainerArgs{
				Name: pulumi.String("c"), Image: pulumi.String("i"), Command: pulumi.ToStringArray([]string{"/bin/sh", "-c", "true"}),
				Env:   corev1.EnvVarArray{&corev1.EnvVarArgs{Name: pulumi.String("A"), Value: pulumi.String("b")}},
				Ports: corev1.ContainerPortArray{&corev1.ContainerPortArgs{Name: pulumi.String("http"), ContainerPort: pulumi.Int(8080)}},
				Resources: &corev1.ResourceRequirementsArgs{Requests: pulumi.StringMap{"cpu": pulumi.String("10m")},
					Limits: pulumi.StringMap{"memory": pulumi.String("64Mi")}},
				ReadinessProbe: probe(pulumi.String("http")), LivenessProbe: probe(pulumi.Int(15021)),
				SecurityContext: &corev1.SecurityContextArgs{RunAsNonRoot: pulumi.Bool(true), RunAsUser: pulumi.Int(65532),
					RunAsGroup: pulumi.Int(65532), AllowPrivilegeEscalation: pulumi.Bool(false), Privileged: pulumi.Bool(false),
					ReadOnlyRootFilesystem: pulumi.Bool(true), SeccompProfile: seccomp,
					Capabilities: &corev1.CapabilitiesArgs{Drop: pulumi.ToStringArray([]string{"ALL"})}},
				VolumeMounts: corev1.VolumeMountArray{&corev1.VolumeMountArgs{Name: pulumi.String("tmp"), MountPath: pulumi.String("/tmp")},
					&corev1.VolumeMountArgs{Name: pulumi.String("tok"), MountPath: pulumi.String("/t"), ReadOnly: pulumi.Bool(true)}},
			}},
			Volumes: corev1.VolumeArray{
				&corev1.VolumeArgs{Name: pulumi.String("tmp"), EmptyDir: &corev1.EmptyDirVolumeSourceArgs{SizeLimit: pulumi.String("64Mi")}},
				&corev1.VolumeArgs{Name: pulumi.String("tok"), Projected: &corev1.ProjectedVolumeSourceArgs{
					Sources: corev1.VolumeProjectionArray{&corev1.VolumeProjectionArgs{ServiceAccountToken: &corev1.ServiceAccountTokenProjectionArgs{
						Audience: pulumi.String("aud"), ExpirationSeconds: pulumi.Int(3600), Path: pulumi.String("tok")}}}}}},
		},
	}
}

// bindingCluster registers the availability, network and RBAC objects and the Job.
func bindingCluster(ctx *pulumi.Context, ns *corev1.Namespace, dep *appsv1.Deployment) (map[string]pulumi.Output, error) {
	if _, err := policyv1.NewPodDisruptionBudget(ctx, "pdb", &policyv1.PodDisruptionBudgetArgs{Metadata: &metav1.ObjectMetaArgs{Name: pulumi.String("pdb")},
		Spec: &policyv1.PodDisruptionBudgetSpecArgs{MaxUnavailable: pulumi.Int(1), Selector: &metav1.LabelSelectorArgs{MatchLabels: labels}}}); err != nil {
		return nil, err
	}
	if _, err := autoscalingv2.NewHorizontalPodAutoscaler(ctx, "hpa", &autoscalingv2.HorizontalPodAutoscalerArgs{
		Metadata: &metav1.ObjectMetaArgs{Name: pulumi.String("hpa")},
		Spec: &autoscalingv2.HorizontalPodAutoscalerSpecArgs{MinReplicas: pulumi.Int(2), MaxReplicas: pulumi.Int(4),
			ScaleTargetRef: &autoscalingv2.CrossVersionObjectReferenceArgs{ApiVersion: pulumi.String("apps/v1"),
				Kind: pulumi.String("Deployment"), Name: dep.Metadata.Name().Elem()},
			Metrics: autoscalingv2.MetricSpecArray{&autoscalingv2.MetricSpecArgs{Type: pulumi.String("Resource"),
				Resource: &autoscalingv2.ResourceMetricSourceArgs{Name: pulumi.String("cpu"),
					Target: &autoscalingv2.MetricTargetArgs{Type: pulumi.String("Utilization"), AverageUtilization: pulumi.Int(70)}}}}}}); err != nil {
		return nil, err
	}
	peer := networkingv1.NetworkPolicyPeerArgs{NamespaceSelector: metav1.LabelSelectorArgs{MatchLabels: labels},
		PodSelector: &metav1.LabelSelectorArgs{MatchLabels: labels}}
	port := networkingv1.NetworkPolicyPortArgs{Protocol: pulumi.String("TCP"), Port: pulumi.Int(443)}
	if _, err := networkingv1.NewNetworkPolicy(ctx, "netpol", &networkingv1.NetworkPolicyArgs{Metadata: &metav1.ObjectMetaArgs{Namespace: ns.Metadata.Name()},
		Spec: &networkingv1.NetworkPolicySpecArgs{PodSelector: metav1.LabelSelectorArgs{}, PolicyTypes: pulumi.ToStringArray([]string{"Ingress", "Egress"}),
			Ingress: networkingv1.NetworkPolicyIngressRuleArray{networkingv1.NetworkPolicyIngressRuleArgs{
				From: networkingv1.NetworkPolicyPeerArray{peer}, Ports: networkingv1.NetworkPolicyPortArray{port}}},
			Egress: networkingv1.NetworkPolicyEgressRuleArray{networkingv1.NetworkPolicyEgressRuleArgs{
				To: networkingv1.NetworkPolicyPeerArray{peer, networkingv1.NetworkPolicyPeerArgs{IpBlock: &networkingv1.IPBlockArgs{
					Cidr: pulumi.String("0.0.0.0/0"), Except: pulumi.ToStringArray([]string{"10.0.0.0/8"})}}},
				Ports: networkingv1.NetworkPolicyPortArray{port, networkingv1.NetworkPolicyPortArgs{Protocol: pulumi.String("UDP"), Port: pulumi.String("dns")}}}}}}); err != nil {
		return nil, err
	}
	return bindingRBACJob(ctx, ns)
}

func bindingRBACJob(ctx *pulumi.Context, ns *corev1.Namespace) (map[string]pulumi.Output, error) {
	role, err := rbacv1.NewClusterRole(ctx, "role", &rbacv1.ClusterRoleArgs{Metadata: &metav1.ObjectMetaArgs{Name: pulumi.String("r")},
		Rules: rbacv1.PolicyRuleArray{&rbacv1.PolicyRuleArgs{ApiGroups: pulumi.ToStringArray([]string{""}),
			Resources: pulumi.ToStringArray([]string{"namespaces"}), ResourceNames: pulumi.ToStringArray([]string{"n"}),
			Verbs: pulumi.ToStringArray([]string{"get"})}}})
	if err != nil {
		return nil, err
	}
	crb, err := rbacv1.NewClusterRoleBinding(ctx, "crb", &rbacv1.ClusterRoleBindingArgs{Metadata: &metav1.ObjectMetaArgs{Name: pulumi.String("b")},
		RoleRef:  &rbacv1.RoleRefArgs{ApiGroup: pulumi.String("rbac.authorization.k8s.io"), Kind: pulumi.String("ClusterRole"), Name: role.Metadata.Name().Elem()},
		Subjects: rbacv1.SubjectArray{&rbacv1.SubjectArgs{Kind: pulumi.String("ServiceAccount"), Name: pulumi.String("job"), Namespace: ns.Metadata.Name()}}})
	if err != nil {
		return nil, err
	}
	template := bindingPodTemplate(crb.Subjects.Index(pulumi.Int(0)).Name())
	job, err := batchv1.NewJob(ctx, "job", &batchv1.JobArgs{Metadata: &metav1.ObjectMetaArgs{Name: pulumi.String("j"), Namespace: ns.Metadata.Name()},
		Spec: &batchv1.JobSpecArgs{BackoffLimit: pulumi.Int(2), ActiveDeadlineSeconds: pulumi.Int(900), Template: template}})
	if err != nil {
		return nil, err
	}
	return map[string]pulumi.Output{"role.name": role.Metadata.Name().Elem(), "crb.subject": crb.Subjects.Index(pulumi.Int(0)).Name(),
		"job.name": job.Metadata.Name().Elem()}, nil
}

// bindingNilArgs registers, with nil args, every kind whose generated constructor takes them.
func bindingNilArgs(ctx *pulumi.Context) error {
	_, e1 := corev1.NewNamespace(ctx, "ns", nil)
	_, e2 := corev1.NewServiceAccount(ctx, "sa", nil)
	_, e3 := corev1.NewServiceAccountPatch(ctx, "patch", nil)
	_, e4 := corev1.NewService(ctx, "svc", nil)
	_, e5 := corev1.NewSecret(ctx, "secret", nil)
	_, e6 := appsv1.NewDeployment(ctx, "deploy", nil)
	_, e7 := batchv1.NewJob(ctx, "job", nil)
	_, e8 := networkingv1.NewNetworkPolicy(ctx, "netpol", nil)
	_, e9 := policyv1.NewPodDisruptionBudget(ctx, "pdb", nil)
	_, e10 := rbacv1.NewClusterRole(ctx, "role", nil)
	return errors.Join(e1, e2, e3, e4, e5, e6, e7, e8, e9, e10)
}
