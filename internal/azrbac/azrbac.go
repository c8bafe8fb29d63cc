// Package azrbac grants Azure built-in roles. Role ids are the GUIDs Microsoft publishes
// ("Azure built-in roles"), checked against shared/reference; a typo here would grant a
// different role or fail at deploy time, so they live in exactly one place.
package azrbac

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/azurenative"
)

// Role is a built-in Azure role.
type Role struct {
	Name string
	GUID string
}

// The built-in roles the platform grants, narrowest that does the job.
var (
	AppConfigDataOwner         = Role{"App Configuration Data Owner", "5ae67dd6-50cb-40e7-96ff-dc2bfa4b606b"}
	AppConfigDataReader        = Role{"App Configuration Data Reader", "516239f1-63e1-4d78-a4de-a74fb236a071"}
	KeyVaultSecretsUser        = Role{"Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6"}
	KeyVaultAdministrator      = Role{"Key Vault Administrator", "00482a5a-887f-4fb3-b363-3b7fe8e74483"}
	AzureMLDataScientist       = Role{"AzureML Data Scientist", "f6c7c914-8db3-469d-8ca1-694a8f32e121"}
	StorageBlobDataContributor = Role{"Storage Blob Data Contributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe"}
	AcrPull                    = Role{"AcrPull", "7f951dda-4ed3-4680-a7ca-43fe172d538d"}
)

// Principal types ARM accepts; setting it avoids replication-delay failures for new principals.
const (
	ServicePrincipal = "ServicePrincipal"
	User             = "User"
	Group            = "Group"
)

// DefinitionID is the subscription-scoped role definition id ARM expects.
func DefinitionID(subscriptionID string, role Role) string {
	return fmt.Sprintf("/subscriptions/%s/providers/Microsoft.Authorization/roleDefinitions/%s", subscriptionID, role.GUID)
}

// Grant is one role for one principal at one scope.
type Grant struct {
	Scope       pulumi.StringInput
	Role        Role
	PrincipalID pulumi.StringInput
	// PrincipalType is ServicePrincipal, User or Group. Required: the SDK would otherwise
	// send "User", and ARM rejects an assignment whose type does not match the principal.
	PrincipalType string
}

// Assign registers the role assignment. Its dependencies are carried by the Scope and
// PrincipalID outputs, never by DependsOn.
func Assign(ctx *pulumi.Context, name, subscriptionID string, g Grant, opts ...pulumi.ResourceOption) (*azurenative.RoleAssignment, error) {
	switch g.PrincipalType {
	case ServicePrincipal, User, Group:
	default:
		return nil, fmt.Errorf("azrbac.Assign %s: PrincipalType %q must be %s, %s or %s", name, g.PrincipalType, ServicePrincipal, User, Group)
	}
	return azurenative.NewRoleAssignment(ctx, name, &azurenative.RoleAssignmentArgs{
		Scope:            g.Scope,
		RoleDefinitionId: pulumi.String(DefinitionID(subscriptionID, g.Role)),
		PrincipalId:      g.PrincipalID,
		PrincipalType:    pulumi.String(g.PrincipalType),
		Description:      pulumi.String(g.Role.Name),
	}, opts...)
}
