// Package identity creates the platform's Entra ID application and service principal, with a
// client secret that Azure AD generates (no literal anywhere) on a deterministic rotation
// schedule.
package identity

import (
	"errors"
	"time"

	"github.com/pulumi/pulumi-azuread/sdk/v5/go/azuread"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/settings"
)

// ApplicationArgs configures NewApplication.
type ApplicationArgs struct {
	DisplayName string
	// Notes are shown to directory admins; name the owning team and the repository.
	Notes string
	// OwnerObjectIDs own the application and service principal (the deploying principal).
	OwnerObjectIDs pulumi.StringArrayInput
	Rotation       settings.Identity
	// Now places the credential in its rotation window; the program passes the wall clock,
	// tests and the offline plan a fixed instant.
	Now time.Time
	// Tags are Entra tags (plain strings) for inventory.
	Tags []string
	// Protect guards the application and service principal against accidental deletion.
	Protect bool
}

// Application is an Entra application with its service principal and current credential.
type Application struct {
	pulumi.ResourceState

	// ResourceID is the application's resource id (/applications/<objectId>), the handle
	// credentials and federated identities attach to.
	ResourceID               pulumi.StringOutput `pulumi:"resourceId"`
	ObjectID                 pulumi.StringOutput `pulumi:"objectId"`
	ClientID                 pulumi.StringOutput `pulumi:"clientId"`
	ServicePrincipalObjectID pulumi.StringOutput `pulumi:"servicePrincipalObjectId"`
	// ClientSecret is the generated credential value, always a Pulumi secret.
	ClientSecret pulumi.StringOutput `pulumi:"clientSecret"`
	// CredentialWindow is known at plan time, so expiries elsewhere match it exactly.
	CredentialWindow Window
}

// NewApplication registers the application, its service principal and its client secret.
func NewApplication(ctx *pulumi.Context, name string, args *ApplicationArgs, opts ...pulumi.ResourceOption) (*Application, error) {
	if args == nil || args.DisplayName == "" || args.OwnerObjectIDs == nil || args.Rotation.RotationDays <= 0 || args.Now.IsZero() {
		return nil, errors.New("identity.NewApplication: DisplayName, OwnerObjectIDs, Rotation and Now are required")
	}
	a := &Application{}
	if err := ctx.RegisterComponentResource("mlplatform:identity:Application", name, a, opts...); err != nil {
		return nil, err
	}
	children := []pulumi.ResourceOption{pulumi.Parent(a), pulumi.Protect(args.Protect)}

	app, err := azuread.NewApplication(ctx, name, &azuread.ApplicationArgs{
		DisplayName:    pulumi.String(args.DisplayName),
		SignInAudience: pulumi.String("AzureADMyOrg"), // single tenant
		Owners:         args.OwnerObjectIDs,
		Notes:          pulumi.String(args.Notes),
		Tags:           pulumi.ToStringArray(args.Tags),
		// Two stacks must never silently share one directory object.
		PreventDuplicateNames: pulumi.Bool(true),
	}, children...)
	if err != nil {
		return nil, err
	}
	sp, err := azuread.NewServicePrincipal(ctx, name, &azuread.ServicePrincipalArgs{
		ClientId:                  app.ClientId,
		Owners:                    args.OwnerObjectIDs,
		AppRoleAssignmentRequired: pulumi.Bool(true),
		Notes:                     pulumi.String(args.Notes),
		Tags:                      pulumi.ToStringArray(args.Tags),
	}, children...)
	if err != nil {
		return nil, err
	}

	w := CurrentWindow(args.Rotation.RotationAnchor, args.Rotation.RotationDays, args.Rotation.OverlapDays, args.Now)
	started := w.Start.Format(time.DateOnly)
	// Changing start/end replaces the password; Pulumi creates the successor before it deletes
	// the old one, and the Key Vault secret takes the new value in the same deployment.
	password, err := azuread.NewApplicationPassword(ctx, name, &azuread.ApplicationPasswordArgs{
		ApplicationId:     app.ID().ToStringOutput(),
		DisplayName:       pulumi.String("rotation " + started),
		StartDate:         pulumi.String(w.Start.Format(time.RFC3339)),
		EndDate:           pulumi.String(w.End.Format(time.RFC3339)),
		RotateWhenChanged: pulumi.StringMap{"rotationWindowStart": pulumi.String(started)},
	}, pulumi.Parent(a))
	if err != nil {
		return nil, err
	}

	a.ResourceID = app.ID().ToStringOutput()
	a.ObjectID = app.ObjectId
	a.ClientID = app.ClientId
	a.ServicePrincipalObjectID = sp.ObjectId
	a.ClientSecret = pulumi.ToSecret(password.Value).(pulumi.StringOutput)
	a.CredentialWindow = w
	return a, ctx.RegisterResourceOutputs(a, pulumi.Map{
		"resourceId":               a.ResourceID,
		"objectId":                 a.ObjectID,
		"clientId":                 a.ClientID,
		"servicePrincipalObjectId": a.ServicePrincipalObjectID,
		"clientSecret":             a.ClientSecret,
		"credentialExpires":        pulumi.String(w.End.Format(time.RFC3339)),
	})
}
