// Package identity creates the platform's Entra ID application and service principal, with
// client secrets that Azure AD generates (no literal anywhere), rotated through two
// overlapping slots (see rotation.go).
package identity

import (
	"fmt"
	"strings"
	"time"

	"github.com/example/mlplatform/internal/required"

	"github.com/pulumi/pulumi-azuread/sdk/v5/go/azuread"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/internals"
)

// LegacyPasswordName is the logical name of the single credential of the layout before the
// two slots; slot a aliases it so an existing stack adopts that credential instead of
// deleting it.
const LegacyPasswordName = "platform"

// ApplicationArgs configures NewApplication.
type ApplicationArgs struct {
	DisplayName string
	// Notes are shown to directory admins; name the owning team and the repository.
	Notes string
	// OwnerObjectIDs own the application and service principal (the deploying principal).
	OwnerObjectIDs pulumi.StringArrayInput
	Rotation       Schedule
	// Previous is the rotation state the last deployment declared (zero for a new stack).
	Previous State
	// Now is the deployment's day; the program passes the wall clock, tests and the offline
	// plan a fixed instant.
	Now time.Time
	// Tags are Entra tags (plain strings) for inventory.
	Tags []string
	// Protect guards the application and service principal against accidental deletion.
	Protect bool
}

// Application is an Entra application with its service principal and its credential slots.
type Application struct {
	pulumi.ResourceState

	// ResourceID is the application's resource id (/applications/<objectId>), the handle
	// credentials and federated identities attach to.
	ResourceID               pulumi.StringOutput `pulumi:"resourceId"`
	ObjectID                 pulumi.StringOutput `pulumi:"objectId"`
	ClientID                 pulumi.StringOutput `pulumi:"clientId"`
	ServicePrincipalObjectID pulumi.StringOutput `pulumi:"servicePrincipalObjectId"`
	// ClientSecret is the current (newest) credential's value, always a Pulumi secret.
	ClientSecret pulumi.StringOutput `pulumi:"clientSecret"`
	// Rotation is the state this deployment declares; known at plan time, so expiries
	// elsewhere (Key Vault, outputs) match the credentials exactly.
	Rotation State
	// Current is the credential in ClientSecret.
	Current Credential
}

// NewApplication registers the application, its service principal and its credential slots.
func NewApplication(ctx *pulumi.Context, name string, args *ApplicationArgs, opts ...pulumi.ResourceOption) (*Application, error) {
	if args == nil {
		args = &ApplicationArgs{}
	}
	if err := checkApplicationArgs(args); err != nil {
		return nil, err
	}
	a := &Application{}
	if err := ctx.RegisterComponentResource("mlplatform:identity:Application", name, a, opts...); err != nil {
		return nil, err
	}
	app, sp, err := directoryObjects(ctx, name, args, pulumi.Parent(a))
	if err != nil {
		return nil, err
	}
	st, pws, err := slotPasswords(ctx, name, args, app, pulumi.Parent(a))
	if err != nil {
		return nil, err
	}
	cur, _ := st.Current() // Next always leaves a current credential
	a.ClientSecret = pulumi.ToSecret(pws[cur].Value).(pulumi.StringOutput)

	a.ResourceID = app.ID().ToStringOutput()
	a.ObjectID = app.ObjectId
	a.ClientID = app.ClientId
	a.ServicePrincipalObjectID = sp.ObjectId
	a.Rotation = st
	a.Current = st.Slot(cur)
	return a, ctx.RegisterResourceOutputs(a, pulumi.Map{
		"resourceId":               a.ResourceID,
		"objectId":                 a.ObjectID,
		"clientId":                 a.ClientID,
		"servicePrincipalObjectId": a.ServicePrincipalObjectID,
		"clientSecret":             a.ClientSecret,
		"credentialExpires":        pulumi.String(a.Current.End.Format(time.RFC3339)),
	})
}

// checkApplicationArgs refuses missing arguments and an invalid previous rotation state
// before anything is registered.
func checkApplicationArgs(args *ApplicationArgs) error {
	need := map[string]any{"DisplayName": args.DisplayName, "OwnerObjectIDs": args.OwnerObjectIDs, "Now": args.Now}
	if args.Rotation.RotationDays <= 0 {
		need["Rotation"] = nil // a schedule without a period
	}
	if err := required.Args("identity.NewApplication", need); err != nil {
		return err
	}
	if err := args.Previous.Validate(); err != nil {
		return fmt.Errorf("identity.NewApplication: previous rotation state: %w", err)
	}
	return nil
}

// directoryObjects are the Entra application and its service principal.
func directoryObjects(ctx *pulumi.Context, name string, args *ApplicationArgs, parent pulumi.ResourceOption) (*azuread.Application, *azuread.ServicePrincipal, error) {
	children := []pulumi.ResourceOption{parent, pulumi.Protect(args.Protect)}
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
		return nil, nil, err
	}
	sp, err := azuread.NewServicePrincipal(ctx, name, &azuread.ServicePrincipalArgs{
		ClientId:                  app.ClientId,
		Owners:                    args.OwnerObjectIDs,
		AppRoleAssignmentRequired: pulumi.Bool(true),
		Notes:                     pulumi.String(args.Notes),
		Tags:                      pulumi.ToStringArray(args.Tags),
	}, children...)
	if err != nil {
		return nil, nil, err
	}
	return app, sp, nil
}

// slotPasswords registers the passwords of the rotation state this deployment declares and
// returns that state, read back from the passwords on a first issue (heldState).
func slotPasswords(ctx *pulumi.Context, name string, args *ApplicationArgs, app *azuread.Application,
	parent pulumi.ResourceOption) (State, [2]*azuread.ApplicationPassword, error) {
	st := Next(args.Previous, args.Rotation, args.Now)
	// A first issue fills both slots. If the stack's state already holds them (its outputs were
	// lost, see heldState), the engine keeps them and the stack adopts what they hold.
	firstIssue := args.Previous.Empty()
	var pws [2]*azuread.ApplicationPassword
	for _, slot := range Slots {
		c := st.Slot(slot)
		if c.Empty() {
			continue // a new stack fills slot b at its first rotation
		}
		pw, err := newSlotPassword(ctx, name, slot, c, firstIssue, app.ID().ToStringOutput(), parent)
		if err != nil {
			return State{}, pws, err
		}
		pws[slot] = pw
	}
	if firstIssue {
		held, err := heldState(ctx, pws, st)
		if err != nil {
			return State{}, pws, fmt.Errorf("identity.NewApplication: %w", err)
		}
		st = held
	}
	return st, pws, nil
}

// passwordInputs are the inputs a slot's password is replaced on (all force a new password in
// the azuread provider); an adopted credential keeps the values its state holds.
var passwordInputs = []string{"displayName", "startDate", "endDate", "rotateWhenChanged"}

// newSlotPassword registers one slot's password. Its inputs derive only from the credential
// the slot holds, so the password is replaced exactly when a rotation issues into this slot;
// Pulumi creates the successor before it deletes the predecessor.
func newSlotPassword(ctx *pulumi.Context, app string, slot Slot, c Credential, firstIssue bool, applicationID pulumi.StringOutput, parent pulumi.ResourceOption) (*azuread.ApplicationPassword, error) {
	opts := []pulumi.ResourceOption{parent}
	if slot == SlotA {
		// The single credential of the previous layout ("platform", same parent) becomes slot a:
		// the engine moves it instead of deleting the live credential.
		opts = append(opts, pulumi.Aliases([]pulumi.Alias{{Name: pulumi.String(LegacyPasswordName)}}))
	}
	args := &azuread.ApplicationPasswordArgs{
		ApplicationId:     applicationID,
		DisplayName:       pulumi.String(fmt.Sprintf("slot %s, issued %s", slot, c.Key())),
		EndDate:           pulumi.String(c.End.Format(time.RFC3339)),
		RotateWhenChanged: pulumi.StringMap{"slot": pulumi.String(slot.String()), "issued": pulumi.String(c.Key())},
	}
	if !c.Adopted {
		args.StartDate = pulumi.String(c.Start.Format(time.RFC3339))
	}
	if c.Adopted || firstIssue {
		// An adopted credential's issue day and display name are unknown here: keep what the
		// state holds, so the adoption is a rename, never a replacement. On a first issue the
		// inputs create the password of a new stack (ignoreChanges never applies to a create);
		// a password already in the state is kept as it is, and heldState reads it back.
		opts = append(opts, pulumi.IgnoreChanges(passwordInputs))
	}
	return azuread.NewApplicationPassword(ctx, app+"-"+slot.String(), args, opts...)
}

// heldState is what the passwords of a first issue really hold. The model issues both slots
// when the previous deployment's outputs hold none: a new stack, or a stack whose outputs were
// lost. Outputs are lost when an update fails under a CLI older than v3.112.0 (pulumi/pulumi
// #14621, fixed by #15754 in v3.112.0: CHANGELOG "[engine] Don't delete stack outputs on failed
// deployments"), and a new stack whose first update failed after creating its passwords has
// none to keep. Issuing both slots anew would then replace, and so delete, both live client
// secrets. newSlotPassword keeps a password the state holds unchanged (ignoreChanges, applied by
// the engine before the diff), and an unchanged resource answers with the outputs in the state,
// in a preview as in an update; rotateWhenChanged and endDate are outputs of the azuread
// ApplicationPassword (v5.53.5). So the slots are read back from the passwords, and Key Vault's
// expiry and the stack's outputs describe the credentials that exist. A password being created
// answers with its inputs: exactly what the model issued.
func heldState(ctx *pulumi.Context, pws [2]*azuread.ApplicationPassword, issued State) (State, error) {
	var held State
	for _, slot := range Slots {
		res, err := internals.UnsafeAwaitOutput(ctx.Context(), pulumi.All(pws[slot].RotateWhenChanged, pws[slot].EndDate))
		if err != nil {
			return State{}, fmt.Errorf("reading credential slot %s back: %w", slot, err)
		}
		if !res.Known {
			return issued, nil // not knowable before it is created: the inputs are what will be
		}
		v := res.Value.([]interface{})
		c, err := heldCredential(v[0].(map[string]string)["issued"], v[1].(string))
		if err != nil {
			return State{}, fmt.Errorf("credential slot %s in the stack's state: %w", slot, err)
		}
		held.Slots[slot] = c
	}
	return held, held.Validate()
}

// heldCredential parses a password's rotateWhenChanged "issued" (Credential.Key) and endDate.
func heldCredential(key, endDate string) (Credential, error) {
	end, err := time.Parse(time.RFC3339, endDate)
	if err != nil {
		return Credential{}, fmt.Errorf("endDate %q: %w", endDate, err)
	}
	if strings.HasPrefix(key, "adopted:") {
		return Credential{End: end.UTC(), Adopted: true}, nil
	}
	start, err := time.Parse(time.DateOnly, key)
	if err != nil {
		return Credential{}, fmt.Errorf("rotateWhenChanged issued %q: %w", key, err)
	}
	return Credential{Start: start.UTC(), End: end.UTC()}, nil
}
