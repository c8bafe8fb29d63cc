package plan

import (
	"fmt"
	"io"
	"strings"

	"github.com/example/mlplatform/gcp/services"
	"github.com/example/mlplatform/settings"
)

// Prerequisite is one thing that must exist before the first `pulumi up` of the stack, outside
// the program: the plan cannot create or see it, so it lists it (README "Deploying for real").
type Prerequisite struct {
	Cloud string `json:"cloud"` // azure, gcp or pulumi
	What  string `json:"what"`
}

// Preflight lists the prerequisites the settings imply.
func Preflight(s *settings.Settings) []Prerequisite {
	p := []Prerequisite{
		{"pulumi", "a state backend and a secrets provider: Pulumi Cloud, or a self-managed backend with PULUMI_CONFIG_PASSPHRASE or --secrets-provider azurekeyvault://… / gcpkms://…"},
		{"azure", fmt.Sprintf("deployer (%s) holds Owner, or Contributor + User Access Administrator, on the subscription (it writes role assignments) and Application Administrator in Entra ID (it creates the application)", s.DeployerPrincipalType)},
		{"azure", "resource providers registered: Microsoft.AppConfiguration, Microsoft.ContainerRegistry, Microsoft.Insights, Microsoft.KeyVault, Microsoft.MachineLearningServices, Microsoft.Network, Microsoft.OperationalInsights, Microsoft.Storage"},
	}
	switch s.DeployerNetwork {
	case settings.DeployerPrivateRunner:
		p = append(p, Prerequisite{"azure", "runner (deployerNetwork: private-runner): a self-hosted GitHub runner in a VNet holding a private endpoint (group ResourceManagement) to a Resource Management Private Link (Microsoft.Authorization/resourceManagementPrivateLinks), the private DNS zone privatelink.azure.com linked to that VNet, and a private link association (Microsoft.Authorization/privateLinkAssociations) at the tenant root management group; outbound HTTPS to GitHub and Google APIs"})
	default:
		p = append(p, Prerequisite{"azure", "runner (deployerNetwork: github-hosted): a GitHub-hosted runner; it reaches only public endpoints, so every data plane the program writes to must accept ARM writes from the internet (policy DEP-001 checks)"})
	}
	p = append(p,
		Prerequisite{"gcp", "serviceusage.googleapis.com and cloudresourcemanager.googleapis.com enabled on " + s.GCP.Project + " (the program enables the rest: " + strings.Join(services.APIs, ", ") + ")"},
		Prerequisite{"gcp", "deployer holds project Owner on " + s.GCP.Project + ", or the narrower roles in the README"},
	)
	if s.Mesh.InCluster {
		p = append(p, Prerequisite{"gcp", "in-cluster writes go through the Connect gateway: the deployer holds roles/gkehub.gatewayEditor and roles/gkehub.viewer, Kubernetes authorization in the cluster (roles/container.admin, included in Owner), and gke-gcloud-auth-plugin is on the runner's PATH"})
	}
	return p
}

// WritePreflight prints the prerequisites as a checklist.
func WritePreflight(w io.Writer, s []Prerequisite) {
	fmt.Fprintf(w, "\nPreflight (must exist before the first pulumi up; the plan cannot see it) (%d):\n", len(s))
	for _, p := range s {
		fmt.Fprintf(w, "  [ ] %-6s %s\n", p.Cloud, p.What)
	}
}
