package workload

import (
	"fmt"

	"github.com/example/mlplatform/gcp"
	"github.com/example/mlplatform/internal/required"
	"github.com/pulumi/pulumi-azuread/sdk/v5/go/azuread"
	"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/projects"
	"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/serviceaccount"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

const (
	workloadIdentityUser = "roles/iam.workloadIdentityUser"
	// AzureTokenExchangeAudience is the audience Entra ID expects on federated tokens.
	AzureTokenExchangeAudience = "api://AzureADTokenExchange"
)

// WorkloadIdentityArgs configures NewWorkloadIdentity.
type WorkloadIdentityArgs struct {
	// Env names the environment in the federated credential's display name.
	Env string
	// AccountID is the Google service account's id (settings Names.WorkloadServiceAccount());
	// ClusterName names the cluster in the federated credential's description.
	AccountID   string
	ClusterName string
	// Namespace and ServiceAccount are the Kubernetes service account that may act as the
	// Google service account and that Entra ID trusts.
	Namespace      string
	ServiceAccount string
	// Roles are the Google service account's project roles, exactly (settings checked that
	// none is primitive).
	Roles []string
	// Protect keeps the service account from deletion (settings ProtectStateful).
	Protect bool
	// Project is the project id gated on the IAM APIs (Services.WorkloadProject).
	Project pulumi.StringInput
	// WorkloadPool is the cluster's Workload Identity pool (Cluster.WorkloadPool); the pool
	// exists only once a Workload Identity cluster does, so the binding waits for it.
	WorkloadPool pulumi.StringInput
	// OIDCIssuer is the cluster's token issuer (Cluster.OIDCIssuer).
	OIDCIssuer pulumi.StringInput
	// ApplicationID is the Entra application's resource id (azuread.Application's ID(),
	// "/applications/<object id>") that receives the federated credential.
	ApplicationID pulumi.StringInput
}

// WorkloadIdentity is the microservice's keyless identity: a Google service account that
// the Kubernetes service account impersonates through Workload Identity, and an Entra
// federated credential that trusts the same Kubernetes service account's tokens. No key of
// any kind is created.
type WorkloadIdentity struct {
	pulumi.ResourceState

	ServiceAccountEmail  pulumi.StringOutput
	ServiceAccountName   pulumi.StringOutput // projects/<p>/serviceAccounts/<email>
	ServiceAccountMember pulumi.StringOutput // serviceAccount:<email>
	// Namespace and KubernetesServiceAccount identify the workload in the cluster.
	Namespace                pulumi.StringOutput
	KubernetesServiceAccount pulumi.StringOutput
	// WorkloadIdentityMember is serviceAccount:<pool>[<namespace>/<ksa>].
	WorkloadIdentityMember pulumi.StringOutput
	// FederatedSubject is system:serviceaccount:<namespace>:<ksa>.
	FederatedSubject      pulumi.StringOutput
	FederatedIssuer       pulumi.StringOutput
	FederatedCredentialID pulumi.StringOutput
}

// NewWorkloadIdentity creates the Google service account, its project roles (exactly
// Roles), the Workload Identity binding and the Entra federated credential.
func NewWorkloadIdentity(ctx *pulumi.Context, name string, args *WorkloadIdentityArgs, opts ...pulumi.ResourceOption) (*WorkloadIdentity, error) {
	if args == nil {
		args = &WorkloadIdentityArgs{}
	}
	if err := required.Args("workload.NewWorkloadIdentity", map[string]any{"Env": args.Env, "AccountID": args.AccountID,
		"ClusterName": args.ClusterName, "Namespace": args.Namespace, "ServiceAccount": args.ServiceAccount,
		"Project": args.Project, "WorkloadPool": args.WorkloadPool, "OIDCIssuer": args.OIDCIssuer,
		"ApplicationID": args.ApplicationID,
	}); err != nil {
		return nil, err
	}
	s := args

	c := &WorkloadIdentity{}
	if err := ctx.RegisterComponentResource("mlplatform:gcp:WorkloadIdentity", name, c, opts...); err != nil {
		return nil, err
	}

	gsa, err := workloadAccount(ctx, name, c, s)
	if err != nil {
		return nil, err
	}

	// Only this one Kubernetes service account may act as the Google service account.
	wiMember := pulumi.Sprintf("serviceAccount:%s[%s/%s]", args.WorkloadPool, s.Namespace, s.ServiceAccount)
	binding, err := serviceaccount.NewIAMMember(ctx, name+"-wi-user", &serviceaccount.IAMMemberArgs{
		ServiceAccountId: gsa.Name, // the account's resource name carries the project
		Role:             pulumi.String(workloadIdentityUser),
		Member:           wiMember,
	}, childOpts(c)...)
	if err != nil {
		return nil, err
	}
	fic, err := entraFederation(ctx, name, c, s)
	if err != nil {
		return nil, err
	}

	c.ServiceAccountEmail = gsa.Email
	c.ServiceAccountName = gsa.Name
	c.ServiceAccountMember = gsa.Member
	c.Namespace = pulumi.String(s.Namespace).ToStringOutput()
	c.KubernetesServiceAccount = pulumi.String(s.ServiceAccount).ToStringOutput()
	c.WorkloadIdentityMember = binding.Member
	c.FederatedSubject = fic.Subject
	c.FederatedIssuer = fic.Issuer
	c.FederatedCredentialID = fic.CredentialId
	if err := ctx.RegisterResourceOutputs(c, c.outputMap()); err != nil {
		return nil, err
	}
	return c, nil
}

// workloadAccount is the Google service account with exactly s.Roles.
func workloadAccount(ctx *pulumi.Context, name string, c *WorkloadIdentity, s *WorkloadIdentityArgs) (*serviceaccount.Account, error) {
	gsa, err := serviceaccount.NewAccount(ctx, name+"-gsa", &serviceaccount.AccountArgs{
		Project:     s.Project,
		AccountId:   pulumi.String(s.AccountID),
		DisplayName: pulumi.String(fmt.Sprintf("Microservice %s/%s", s.Namespace, s.ServiceAccount)),
		Description: pulumi.String("Impersonated by the Kubernetes service account through Workload Identity; it has no keys."),
	}, childOpts(c, pulumi.Protect(s.Protect))...)
	if err != nil {
		return nil, err
	}
	for _, role := range s.Roles {
		if _, err := projects.NewIAMMember(ctx, name+"-"+gcp.RoleSuffix(role), &projects.IAMMemberArgs{
			Project: gsa.Project,
			Role:    pulumi.String(role),
			Member:  gsa.Member,
		}, childOpts(c)...); err != nil {
			return nil, err
		}
	}
	return gsa, nil
}

// entraFederation makes Entra trust the tokens the cluster issues to this Kubernetes service
// account, so the pod reaches Azure without a client secret.
func entraFederation(ctx *pulumi.Context, name string, c *WorkloadIdentity, s *WorkloadIdentityArgs) (*azuread.ApplicationFederatedIdentityCredential, error) {
	subject := fmt.Sprintf("system:serviceaccount:%s:%s", s.Namespace, s.ServiceAccount)
	return azuread.NewApplicationFederatedIdentityCredential(ctx, name+"-entra-federation", &azuread.ApplicationFederatedIdentityCredentialArgs{
		ApplicationId: s.ApplicationID,
		DisplayName:   pulumi.String(fmt.Sprintf("gke-%s-%s-%s", s.Env, s.Namespace, s.ServiceAccount)),
		Description:   pulumi.String(fmt.Sprintf("GKE cluster %s, Kubernetes service account %s/%s", s.ClusterName, s.Namespace, s.ServiceAccount)),
		Issuer:        s.OIDCIssuer,
		Subject:       pulumi.String(subject),
		Audiences:     pulumi.ToStringArray([]string{AzureTokenExchangeAudience}),
	}, childOpts(c)...)
}

// outputMap is what RegisterResourceOutputs records for the component.
func (c *WorkloadIdentity) outputMap() pulumi.Map {
	return pulumi.Map{
		"serviceAccountEmail":      c.ServiceAccountEmail,
		"serviceAccountName":       c.ServiceAccountName,
		"serviceAccountMember":     c.ServiceAccountMember,
		"namespace":                c.Namespace,
		"kubernetesServiceAccount": c.KubernetesServiceAccount,
		"workloadIdentityMember":   c.WorkloadIdentityMember,
		"federatedSubject":         c.FederatedSubject,
		"federatedIssuer":          c.FederatedIssuer,
		"federatedCredentialId":    c.FederatedCredentialID,
	}
}

// childOpts parents children to the component.
func childOpts(parent pulumi.Resource, extra ...pulumi.ResourceOption) []pulumi.ResourceOption {
	return append([]pulumi.ResourceOption{pulumi.Parent(parent)}, extra...)
}
