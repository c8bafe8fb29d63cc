// Command consumer is how another team's Pulumi program uses the platform: it reads the
// platform stack's outputs through contract.Read (typed, names checked at compile time) and
// builds the settings its service needs, without copying any secret.
package main

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/contract"
)

func main() { pulumi.Run(program) }

func program(ctx *pulumi.Context) error {
	key := ctx.Project() + ":platformStack"
	stack, ok := ctx.GetConfig(key)
	if !ok || stack == "" {
		return fmt.Errorf("%s is not set: `pulumi config set platformStack ORG/mlplatform/STACK`", key)
	}
	platform, _, err := contract.Read(ctx, "platform", stack)
	if err != nil {
		return err
	}
	// What the inference service is configured with: endpoints and identifiers only. The
	// service fetches its secret at run time through the Key Vault reference in App
	// Configuration, authenticating with Workload Identity federation.
	ctx.Export("serviceSettings", pulumi.StringMap{
		"AZURE_TENANT_ID":        platform.AzureTenantID,
		"AZURE_CLIENT_ID":        platform.ApplicationClientID,
		"APP_CONFIG_ENDPOINT":    platform.AppConfigEndpoint,
		"ML_WORKSPACE_ID":        platform.MLWorkspaceID,
		"KUBERNETES_NAMESPACE":   platform.MicroserviceNamespace,
		"KUBERNETES_SA":          platform.MicroserviceKSA,
		"GOOGLE_SERVICE_ACCOUNT": platform.MicroserviceGSAEmail,
		"AZURE_FEDERATED_ISSUER": platform.GKEOIDCIssuer,
	})
	// The kubeconfig stays a secret in this stack too.
	ctx.Export("kubeconfig", platform.Kubeconfig)
	return nil
}
