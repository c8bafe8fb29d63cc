// Package mlworkspace builds the Azure Machine Learning workspace component: the workspace with
// its storage account (and the account's data protection), its container registry, the
// workspace identity's vault role, diagnostics and, with private networking, the private
// endpoints of all three. Its spec sub-package holds the rules, mock responders and creation
// times of the types it registers.
//
// It takes the foundation (package azure) as an input; package azure does not import it.
package mlworkspace

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/azure"
	"github.com/example/mlplatform/azurenative"
	"github.com/example/mlplatform/internal/azdiag"
	"github.com/example/mlplatform/internal/azrbac"
	"github.com/example/mlplatform/internal/required"
)

// storageSharedKeyAccess keeps account keys usable on the workspace's storage account. On the
// stable API (2024-10-01) the workspace registers its system datastores (workspaceblobstore,
// workspacefilestore) with the account key and hands out key-derived SAS tokens; identity-only
// access needs systemDatastoresAuthMode=identity, which exists only on preview APIs (a
// preview feature without SLA). With keys disabled, studio uploads and jobs fail with
// KeyBasedAuthenticationNotPermitted. Revisit when a stable API has that property.
const storageSharedKeyAccess = true

// MLWorkspaceArgs configures NewMLWorkspace.
type MLWorkspaceArgs struct {
	// Env and Project name the workspace in its friendly name and description.
	Env, Project string
	Location     string
	Tags         map[string]string
	// Protect keeps the workspace, its storage account and registry from deletion by Pulumi
	// (protectStatefulResources).
	Protect       bool
	WorkspaceName string
	// StorageAccountName and RegistryName are globally unique (the caller adds the stack's suffix).
	StorageAccountName pulumi.StringInput
	RegistryName       pulumi.StringInput
	// StorageSKU is the account's sku.name (its replication); RegistrySKU the registry's. Only
	// a Premium registry has a firewall and the Premium policies.
	StorageSKU, RegistrySKU string
	// HighBusinessImpact and ManagedNetworkIsolation are the workspace's hbiWorkspace and
	// managedNetwork.isolationMode.
	HighBusinessImpact      bool
	ManagedNetworkIsolation string
	// PrivateNetworking turns public access off and adds the private endpoints of the account,
	// registry and workspace in the Foundation's network.
	PrivateNetworking bool
	// Firewall is the storage account's and a Premium registry's firewall.
	Firewall       Firewall
	SubscriptionID string
	Foundation     *azure.Foundation
	// KeyVaultID is the RBAC-mode vault the workspace keeps its secrets in (fixed at creation).
	KeyVaultID pulumi.StringInput
	// ServicePrincipalID (a service principal's object id) is made AzureML Data Scientist on the
	// workspace: it may run jobs and manage assets, not compute or the workspace itself.
	ServicePrincipalID pulumi.StringInput
}

// Firewall is a service firewall in the service's own terms (the caller derives it from the
// allowed address ranges).
type Firewall struct {
	DefaultAction string   // "Allow" or "Deny"
	IPRules       []string // the addresses and CIDR ranges it admits
}

// publicNetworkAccess is every resource's publicNetworkAccess: off with private networking.
func (a *MLWorkspaceArgs) publicNetworkAccess() string {
	if a.PrivateNetworking {
		return "Disabled"
	}
	return "Enabled"
}

// MLWorkspace is an Azure Machine Learning workspace with its storage account and container
// registry, the workspace's Key Vault access, diagnostics and, with private networking, the
// private endpoints of all three.
type MLWorkspace struct {
	pulumi.ResourceState

	WorkspaceName pulumi.StringOutput
	// WorkspaceID is the ARM id; WorkspaceGUID is the service's immutable workspace id.
	WorkspaceID         pulumi.StringOutput
	WorkspaceGUID       pulumi.StringOutput
	DiscoveryURL        pulumi.StringOutput
	MLflowTrackingURI   pulumi.StringOutput
	PrincipalID         pulumi.StringOutput // the workspace's system-assigned identity
	StorageAccountName  pulumi.StringOutput
	StorageAccountID    pulumi.StringOutput
	RegistryName        pulumi.StringOutput
	RegistryID          pulumi.StringOutput
	RegistryLoginServer pulumi.StringOutput
}

// infrastructureEncryption keeps an account created before requireInfrastructureEncryption was
// set from being updated or replaced over it: Azure enables infrastructure encryption only at
// account creation ("you must first create a storage account ... configured for infrastructure
// encryption", learn.microsoft.com/azure/storage/common/infrastructure-encryption-enable;
// "existing storage accounts cannot be updated", microsoft/AzureTRE#4001), and a replacement
// would delete the workspace's data. New stacks get it; an existing account keeps single
// encryption until its data is moved to a new account (README, "Known trade-offs").
var infrastructureEncryption = pulumi.IgnoreChanges([]string{"encryption.requireInfrastructureEncryption"})

// sasExpirationPeriod is the longest SAS lifetime the account's SAS policy expects (DD.HH:MM:SS);
// the only action the API offers is Log.
const sasExpirationPeriod = "1.00:00:00"

// untaggedRetentionDays is how long an untagged manifest stays before the registry purges it;
// 7 is the service's default (0-365 allowed; PSRule Azure.ACR.Retention).
const untaggedRetentionDays = 7

// premiumRegistry sets what only Premium offers (Microsoft Learn: container-registry-retention-
// policy, zone-redundancy, container-registry-dedicated-data-endpoints, data-loss-prevention):
// a purge of untagged manifests (ACR-006), zone redundancy (ACR-008), dedicated data endpoints
// (ACR-009) and, when the registry has no public endpoint, no exports (ACR-007; Azure requires
// publicNetworkAccess Disabled to disable exports). Tokens with the ARM audience cannot be
// refused: azureADAuthenticationAsArmPolicy exists only on preview API versions of
// Microsoft.ContainerRegistry (pulumi-azure-native-sdk v2.90.0 has it in v20230101preview to
// v20241101preview; the stable module uses 2022-12-01), docs/policy-coverage.md.
func premiumRegistry(args *azurenative.RegistryArgs, private bool) {
	export := azurenative.ExportPolicyStatusEnabled
	if private {
		export = azurenative.ExportPolicyStatusDisabled
	}
	args.Policies = azurenative.RegistryPoliciesArgs{
		RetentionPolicy: &azurenative.RegistryRetentionPolicyArgs{
			Status: pulumi.String(azurenative.PolicyStatusEnabled), Days: pulumi.Int(untaggedRetentionDays)},
		ExportPolicy: &azurenative.RegistryExportPolicyArgs{Status: pulumi.String(export)},
	}
	args.ZoneRedundancy = pulumi.String(azurenative.ZoneRedundancyEnabled)
	args.DataEndpointEnabled = pulumi.Bool(true)
}

// softDeleteDays is how long a deleted blob, blob version, container or file share stays
// recoverable (Azure allows 1-365 days: learn.microsoft.com/azure/storage/blobs/soft-delete-blob-overview,
// soft-delete-container-overview; learn.microsoft.com/azure/storage/files/storage-files-prevent-file-share-deletion).
// A week covers an accidental delete noticed after a weekend; soft-deleted data is billed.
const softDeleteDays = 7

// storageDataProtection turns on, for the workspace's storage account, blob soft delete and
// versioning (an overwritten or deleted blob keeps its previous version), container soft
// delete and file-share soft delete (AST-012 to AST-015; PSRule Azure.Storage.SoftDelete,
// ContainerSoftDelete, FileShareSoftDelete). Azure ML writes run outputs, logs and models as
// blobs and keeps workspacefilestore as a share on this account ("Failover for business
// continuity and disaster recovery", learn.microsoft.com/azure/machine-learning/how-to-high-availability-machine-learning:
// the default storage holds models, training logs and data references); nothing in Azure ML's
// use of the account depends on deletes being final.
func storageDataProtection(ctx *pulumi.Context, name string, rg, account pulumi.StringInput, opts ...pulumi.ResourceOption) error {
	keep := &azurenative.DeleteRetentionPolicyArgs{Enabled: pulumi.Bool(true), Days: pulumi.Int(softDeleteDays)}
	if _, err := azurenative.NewBlobServiceProperties(ctx, name+"-blob-service", &azurenative.BlobServicePropertiesArgs{
		ResourceGroupName:              rg,
		AccountName:                    account,
		BlobServicesName:               pulumi.String("default"),
		DeleteRetentionPolicy:          keep,
		ContainerDeleteRetentionPolicy: keep,
		IsVersioningEnabled:            pulumi.Bool(true),
	}, opts...); err != nil {
		return err
	}
	if _, err := azurenative.NewFileServiceProperties(ctx, name+"-file-service", &azurenative.FileServicePropertiesArgs{
		ResourceGroupName:          rg,
		AccountName:                account,
		FileServicesName:           pulumi.String("default"),
		ShareDeleteRetentionPolicy: keep,
	}, opts...); err != nil {
		return err
	}
	return versionLifecycle(ctx, name, rg, account, opts...)
}

// previousVersionDays is how long a previous blob version is kept before the account's
// lifecycle policy deletes it. With versioning on, every write keeps the old bytes, for ever:
// "enabling blob versioning might result in extra costs. To minimize costs, use a lifecycle
// management policy to automatically delete old versions" (Microsoft Learn, "Blob
// versioning", Caution). A version's age counts from when it was written, not from when it
// was superseded, so overwriting a blob older than this deletes the old bytes at the policy's
// next daily run (the platform runs policies once a day, and a new policy may take up to 48 hours to act: Microsoft Learn, "Lifecycle management overview"); blob soft delete then keeps them recoverable for softDeleteDays. A quarter
// covers model and dataset history a team looks back on; AST-018 keeps it within 7-365 days.
const previousVersionDays = 90

// versionLifecycle registers the account's lifecycle policy (one per account, named
// "default"): previous versions of block and append blobs are deleted previousVersionDays
// after they were written. Current versions are never touched.
func versionLifecycle(ctx *pulumi.Context, name string, rg, account pulumi.StringInput, opts ...pulumi.ResourceOption) error {
	_, err := azurenative.NewManagementPolicy(ctx, name+"-lifecycle", &azurenative.ManagementPolicyArgs{
		ResourceGroupName:    rg,
		AccountName:          account,
		ManagementPolicyName: pulumi.String("default"),
		Policy: &azurenative.ManagementPolicySchemaArgs{Rules: []azurenative.ManagementPolicyRuleArgs{{
			Name: pulumi.String("delete-previous-versions"), Enabled: pulumi.Bool(true), Type: pulumi.String("Lifecycle"),
			Definition: &azurenative.ManagementPolicyDefinitionArgs{
				Filters: &azurenative.ManagementPolicyFilterArgs{BlobTypes: pulumi.ToStringArray([]string{"blockBlob", "appendBlob"})},
				Actions: &azurenative.ManagementPolicyActionArgs{Version: &azurenative.ManagementPolicyVersionArgs{
					Delete: &azurenative.DateAfterCreationArgs{DaysAfterCreationGreaterThan: pulumi.Float64(previousVersionDays)}}},
			},
		}}},
	}, opts...)
	return err
}

// NewMLWorkspace registers the storage account, the container registry, the workspace, its
// role assignments and diagnostic settings and, with private networking, the private endpoints.
func NewMLWorkspace(ctx *pulumi.Context, name string, args *MLWorkspaceArgs, opts ...pulumi.ResourceOption) (*MLWorkspace, error) {
	if args == nil {
		args = &MLWorkspaceArgs{}
	}
	if err := required.Args("mlworkspace.NewMLWorkspace", map[string]any{"Env": args.Env, "Location": args.Location,
		"WorkspaceName": args.WorkspaceName, "StorageAccountName": args.StorageAccountName, "RegistryName": args.RegistryName,
		"SubscriptionID": args.SubscriptionID, "Foundation": args.Foundation, "KeyVaultID": args.KeyVaultID,
		"ServicePrincipalID": args.ServicePrincipalID,
	}); err != nil {
		return nil, err
	}
	f := args.Foundation

	w := &MLWorkspace{}
	if err := ctx.RegisterComponentResource("mlplatform:azure:MLWorkspace", name, w, opts...); err != nil {
		return nil, err
	}
	parent := pulumi.Parent(w)
	protect := pulumi.Protect(args.Protect)

	account, err := newWorkspaceStorage(ctx, name, args, parent, protect)
	if err != nil {
		return nil, err
	}
	registry, err := newWorkspaceRegistry(ctx, name, args, parent, protect)
	if err != nil {
		return nil, err
	}
	ws, err := newWorkspace(ctx, name, args, account, registry, parent, protect)
	if err != nil {
		return nil, err
	}
	workspaceID := ws.ID().ToStringOutput()
	principalID := ws.Identity.PrincipalId().Elem()

	if err := workspaceAccess(ctx, name, args, workspaceID, principalID, parent); err != nil {
		return nil, err
	}
	if err := workspaceDiagnostics(ctx, name, f, workspaceID, account, registry, parent); err != nil {
		return nil, err
	}
	if err := storageDataProtection(ctx, name+"-st", f.ResourceGroupName, account.Name, parent); err != nil {
		return nil, err
	}
	if args.PrivateNetworking {
		if err := workspaceEndpoints(ctx, name, f, workspaceID, account, registry, parent); err != nil {
			return nil, err
		}
	}

	if err := w.registerOutputs(ctx, ws, account, registry, workspaceID, principalID); err != nil {
		return nil, err
	}
	return w, nil
}

// registerOutputs fills in and registers the component's outputs.
func (w *MLWorkspace) registerOutputs(ctx *pulumi.Context, ws *azurenative.Workspace, account *azurenative.StorageAccount,
	registry *azurenative.Registry, workspaceID, principalID pulumi.StringOutput) error {
	w.WorkspaceName = ws.Name
	w.WorkspaceID = workspaceID
	w.WorkspaceGUID = ws.WorkspaceId
	w.DiscoveryURL = ws.DiscoveryUrl.Elem()
	w.MLflowTrackingURI = ws.MlFlowTrackingUri
	w.PrincipalID = principalID
	w.StorageAccountName = account.Name
	w.StorageAccountID = account.ID().ToStringOutput()
	w.RegistryName = registry.Name
	w.RegistryID = registry.ID().ToStringOutput()
	w.RegistryLoginServer = registry.LoginServer
	return ctx.RegisterResourceOutputs(w, pulumi.Map{
		"workspaceName":       w.WorkspaceName,
		"workspaceId":         w.WorkspaceID,
		"workspaceGuid":       w.WorkspaceGUID,
		"discoveryUrl":        w.DiscoveryURL,
		"mlflowTrackingUri":   w.MLflowTrackingURI,
		"principalId":         w.PrincipalID,
		"storageAccountName":  w.StorageAccountName,
		"storageAccountId":    w.StorageAccountID,
		"registryName":        w.RegistryName,
		"registryId":          w.RegistryID,
		"registryLoginServer": w.RegistryLoginServer,
	})
}

// newWorkspaceStorage registers the workspace's storage account.
func newWorkspaceStorage(ctx *pulumi.Context, name string, s *MLWorkspaceArgs, parent, protect pulumi.ResourceOption) (*azurenative.StorageAccount, error) {
	var ipRules azurenative.StorageIPRuleArray
	for _, rule := range s.Firewall.IPRules {
		ipRules = append(ipRules, azurenative.StorageIPRuleArgs{IPAddressOrRange: pulumi.String(rule), Action: pulumi.String(azurenative.StorageActionAllow)})
	}
	return azurenative.NewStorageAccount(ctx, name+"-st", &azurenative.StorageAccountArgs{
		ResourceGroupName: s.Foundation.ResourceGroupName,
		AccountName:       s.StorageAccountName,
		Location:          pulumi.String(s.Location),
		Kind:              pulumi.String("StorageV2"),
		// Zone-redundant in prod, never geo-redundant: "Azure Machine Learning does not support
		// default storage-account failover using geo-redundant storage (GRS), geo-zone-redundant
		// storage (GZRS), ..." ("Failover for business continuity and disaster recovery",
		// learn.microsoft.com/azure/machine-learning/how-to-high-availability-machine-learning).
		Sku:                          &azurenative.StorageSkuArgs{Name: pulumi.String(s.StorageSKU)},
		EnableHttpsTrafficOnly:       pulumi.Bool(true),
		MinimumTlsVersion:            pulumi.String("TLS1_2"),
		AllowBlobPublicAccess:        pulumi.Bool(false),
		AllowSharedKeyAccess:         pulumi.Bool(storageSharedKeyAccess),
		DefaultToOAuthAuthentication: pulumi.Bool(true), // the portal and studio use Entra, not keys
		AllowCrossTenantReplication:  pulumi.Bool(false),
		// No local users (SFTP/NFS accounts with their own keys or passwords) and an SAS expiry
		// policy, so a long-lived SAS shows up in the account's logs (AST-008, AST-009).
		IsLocalUserEnabled: pulumi.Bool(false),
		SasPolicy:          azurenative.SasPolicyArgs{SasExpirationPeriod: pulumi.String(sasExpirationPeriod), ExpirationAction: pulumi.String("Log")},
		// A second, infrastructure-level AES-256 layer with a separate key (AST-010). Azure accepts
		// it only when the account is created (see infrastructureEncryption). Keys stay
		// Microsoft-managed: a customer-managed key would be a Key Vault key whose deletion or
		// revoked access makes the data unreadable ("Customer-managed keys for Azure Storage
		// encryption", learn.microsoft.com/azure/storage/common/customer-managed-keys-overview),
		// and the platform holds no keys. Defender for Storage is a Defender for Cloud plan
		// Microsoft recommends enabling per subscription (learn.microsoft.com/azure/defender-for-cloud/
		// defender-for-storage-infrastructure-as-code-enablement): the subscription baseline's, not
		// this program's. No management locks either: a cannot-delete lock blocks deleting the
		// role assignments and diagnostic settings below the resource, which this program changes
		// ("Lock your resources to protect your infrastructure", learn.microsoft.com/azure/
		// azure-resource-manager/management/lock-resources); protect and soft delete guard deletes.
		Encryption:          azurenative.StorageEncryptionArgs{KeySource: pulumi.String("Microsoft.Storage"), RequireInfrastructureEncryption: pulumi.Bool(true)},
		PublicNetworkAccess: pulumi.String(s.publicNetworkAccess()),
		NetworkRuleSet: azurenative.StorageNetworkRuleSetArgs{
			DefaultAction: pulumi.String(s.Firewall.DefaultAction),
			// Azure ML is a trusted service; without the bypass the workspace cannot reach
			// its own account through the firewall (AST-017).
			Bypass:  pulumi.String("AzureServices"),
			IpRules: ipRules,
		},
		Tags: pulumi.ToStringMap(s.Tags),
	}, parent, protect, infrastructureEncryption)
}

// newWorkspaceRegistry registers the workspace's container registry.
func newWorkspaceRegistry(ctx *pulumi.Context, name string, s *MLWorkspaceArgs, parent, protect pulumi.ResourceOption) (*azurenative.Registry, error) {
	registryArgs := &azurenative.RegistryArgs{
		ResourceGroupName:        s.Foundation.ResourceGroupName,
		RegistryName:             s.RegistryName,
		Location:                 pulumi.String(s.Location),
		Sku:                      &azurenative.RegistrySkuArgs{Name: pulumi.String(s.RegistrySKU)},
		AdminUserEnabled:         pulumi.Bool(false), // pulls and pushes use Entra identities
		PublicNetworkAccess:      pulumi.String(s.publicNetworkAccess()),
		NetworkRuleBypassOptions: pulumi.String("AzureServices"),
		Tags:                     pulumi.ToStringMap(s.Tags),
	}
	// Only Premium registries have a firewall; the settings require Premium for private networking.
	if s.RegistrySKU == "Premium" {
		var ipRules azurenative.RegistryIPRuleArray
		for _, rule := range s.Firewall.IPRules {
			ipRules = append(ipRules, azurenative.RegistryIPRuleArgs{IPAddressOrRange: pulumi.String(rule), Action: pulumi.String("Allow")})
		}
		registryArgs.NetworkRuleSet = azurenative.RegistryNetworkRuleSetArgs{
			DefaultAction: pulumi.String(s.Firewall.DefaultAction),
			IpRules:       ipRules,
		}
		premiumRegistry(registryArgs, s.PrivateNetworking)
	}
	// Not set, deliberately (docs/policy-coverage.md): geo-replicas (Azure ML has no failover;
	// a second region needs a second workspace, which this program does not create: "Failover
	// for business continuity and disaster recovery"), quarantine (preview; every push stays
	// unpullable until an external scanner approves it), content trust (deprecated for OCI
	// artifact signing) and image scanning (Defender for Containers, a subscription plan).
	return azurenative.NewRegistry(ctx, name+"-cr", registryArgs, parent, protect)
}

// newWorkspace registers the Azure ML workspace over the account, registry, vault and
// Application Insights.
func newWorkspace(ctx *pulumi.Context, name string, s *MLWorkspaceArgs, account *azurenative.StorageAccount,
	registry *azurenative.Registry, parent, protect pulumi.ResourceOption) (*azurenative.Workspace, error) {
	f := s.Foundation
	return azurenative.NewWorkspace(ctx, name, &azurenative.WorkspaceArgs{
		ResourceGroupName: f.ResourceGroupName,
		WorkspaceName:     pulumi.String(s.WorkspaceName),
		Location:          pulumi.String(s.Location),
		FriendlyName:      pulumi.String(fmt.Sprintf("%s ML workspace (%s)", s.Project, s.Env)),
		Description:       pulumi.String(fmt.Sprintf("Machine Learning workspace of the %s platform, %s environment.", s.Project, s.Env)),
		// System-assigned, not user-assigned: Microsoft documents Contributor on the storage
		// account, vault, registry and Application Insights for a user-assigned workspace
		// identity ("Set up authentication between Azure Machine Learning and other services",
		// learn.microsoft.com/azure/machine-learning/how-to-identity-based-service-authentication),
		// grants RBAC-001 forbids.
		Identity: &azurenative.ManagedServiceIdentityArgs{Type: pulumi.String(azurenative.ManagedServiceIdentityTypeSystemAssigned)},
		Sku: &azurenative.WorkspaceSkuArgs{
			Name: pulumi.String(azurenative.WorkspaceSkuBasic),
			Tier: pulumi.String(azurenative.SkuTierBasic),
		},
		KeyVault:                        s.KeyVaultID,
		ApplicationInsights:             f.AppInsightsID,
		ContainerRegistry:               registry.ID(),
		StorageAccount:                  account.ID(),
		HbiWorkspace:                    pulumi.Bool(s.HighBusinessImpact),
		PublicNetworkAccess:             pulumi.String(s.publicNetworkAccess()),
		AllowPublicAccessWhenBehindVnet: pulumi.Bool(false),
		ManagedNetwork:                  &azurenative.ManagedNetworkSettingsArgs{IsolationMode: pulumi.String(s.ManagedNetworkIsolation)},
		V1LegacyMode:                    pulumi.Bool(false),
		Tags:                            pulumi.ToStringMap(s.Tags),
	}, parent, protect)
}

// workspaceAccess grants the workspace identity its vault role and the service principal
// AzureML Data Scientist on the workspace.
func workspaceAccess(ctx *pulumi.Context, name string, args *MLWorkspaceArgs, workspaceID, principalID pulumi.StringOutput, parent pulumi.ResourceOption) error {
	// The workspace keeps datastore credentials and connection secrets in the vault. For a vault
	// in RBAC mode Microsoft documents Key Vault Administrator (data plane) as the workspace
	// identity's requirement; the narrower Secrets Officer is not a documented configuration.
	if _, err := azrbac.Assign(ctx, name+"-identity-kv-admin", args.SubscriptionID, azrbac.Grant{
		Scope: args.KeyVaultID, Role: azrbac.KeyVaultAdministrator, PrincipalID: principalID,
		PrincipalType: azrbac.ServicePrincipal,
	}, parent); err != nil {
		return err
	}
	if _, err := azrbac.Assign(ctx, name+"-sp-data-scientist", args.SubscriptionID, azrbac.Grant{
		Scope: workspaceID, Role: azrbac.AzureMLDataScientist, PrincipalID: args.ServicePrincipalID,
		PrincipalType: azrbac.ServicePrincipal,
	}, parent); err != nil {
		return err
	}
	return nil
}

// workspaceDiagnostics sends the workspace's, registry's and storage services' logs and metrics.
func workspaceDiagnostics(ctx *pulumi.Context, name string, f *azure.Foundation, workspaceID pulumi.StringOutput,
	account *azurenative.StorageAccount, registry *azurenative.Registry, parent pulumi.ResourceOption) error {
	// The workspace and registry send logs and metrics. The storage account takes metrics only,
	// so the blob service (where the workspace keeps its data) sends its read, write and delete
	// logs itself (AST-011).
	for _, d := range []struct {
		name string
		id   pulumi.StringInput
	}{{name + "-diag", workspaceID}, {name + "-cr-diag", registry.ID()}} {
		if _, err := azdiag.Send(ctx, d.name, d.id, f.LogAnalyticsWorkspaceID, parent); err != nil {
			return err
		}
	}
	// Every storage service logs its reads, writes and deletes: blob and file hold the
	// workspace's data (AST-011); queue and table are unused, so any use shows up (AST-016).
	for _, svc := range []string{"blob", "file", "queue", "table"} {
		id := pulumi.Sprintf("%s/%sServices/default", account.ID(), svc)
		if _, err := azdiag.SendStorageService(ctx, name+"-st-"+svc+"-diag", id, f.LogAnalyticsWorkspaceID, parent); err != nil {
			return err
		}
	}
	return nil
}

// workspaceEndpoints registers the private endpoints of the account, registry and workspace.
func workspaceEndpoints(ctx *pulumi.Context, name string, f *azure.Foundation, workspaceID pulumi.StringOutput,
	account *azurenative.StorageAccount, registry *azurenative.Registry, parent pulumi.ResourceOption) error {
	for _, e := range []struct {
		name   string
		target pulumi.StringInput
		group  azure.PrivateLinkGroup
	}{
		{name + "-st-blob-pe", account.ID(), azure.GroupBlob},
		{name + "-st-file-pe", account.ID(), azure.GroupFile},
		{name + "-cr-pe", registry.ID(), azure.GroupRegistry},
		{name + "-pe", workspaceID, azure.GroupAMLWorkspace},
	} {
		if _, err := f.NewPrivateEndpoint(ctx, e.name, e.target, e.group, parent); err != nil {
			return err
		}
	}
	return nil
}
