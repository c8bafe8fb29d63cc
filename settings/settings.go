// Package settings loads the stack configuration into typed values and validates all of it
// before the program registers a single resource.
//
// Pulumi.yaml declares every project key with its type and default; the stack files
// (Pulumi.<stack>.yaml) override them. Environments differ only through these values: the
// program never branches on the stack name.
package settings

import (
	"net/netip"
	"regexp"
	"strconv"
)

// Common is what every component reads, and all a component receives besides the groups of
// settings it uses: the stack's identity, its derived names, the owner recorded in tags and
// labels, and whether stateful resources are protected.
type Common struct {
	Project string
	Env     string // the stack name; part of every derived resource name
	Names   Names

	NamePrefix string
	OwnerEmail string
	// ProtectStateful sets Pulumi's protect option on resources that hold data or identity.
	ProtectStateful bool
}

// Settings is the whole, validated configuration of one stack.
type Settings struct {
	Common

	// DeployerPrincipalType is the kind of principal that runs `pulumi up` (ServicePrincipal
	// in CI with OIDC, User from a laptop); its role assignments must name it exactly.
	DeployerPrincipalType string
	// DeployerNetwork is where `pulumi up` runs, which decides what it can reach: DeployerGitHubHosted
	// (a GitHub-hosted runner: the public internet only, from addresses no allow-list can name)
	// or DeployerPrivateRunner (a self-hosted runner in a network whose Azure Resource Manager
	// traffic goes through a Resource Management Private Link). The plan checks every write the
	// program makes against it (policy DEP-001).
	DeployerNetwork string
	Waivers         []Waiver

	Identity  Identity
	KeyVault  KeyVault
	Azure     Azure
	AppConfig AppConfig
	ML        ML
	GCP       GCP
	GKE       GKE
	Mesh      Mesh
	Workload  Workload
	// Microservice and Entry: the workload and its public entry (settings/entry.go).
	Microservice Microservice
	Entry        Entry
	// CrossCloud is the private network and DNS path from GKE to the Azure private endpoints.
	CrossCloud CrossCloud

	// SecretValues are the plaintexts of the secret config values the program read (longest
	// first). Every input and output that contains one must be a Pulumi secret.
	SecretValues []string `json:"-"`
}

// Identity is the Entra application's credential schedule (identity/rotation.go): a new
// client secret every RotationDays, each valid 2·RotationDays + GraceDays, so a deployment
// may run up to GraceDays late without any consumer losing access.
type Identity struct {
	RotationDays int
	GraceDays    int
}

// Credential rotation bounds. At most 90 days between rotations holds for every stack (prod
// uses the default, 30); no credential lives longer than policy ENT-003's 180 days.
const (
	MinCredentialRotationDays = 7
	MaxCredentialRotationDays = 90
	MaxCredentialLifetimeDays = 180
)

// KeyVault holds the vault's tunable properties; RBAC mode, purge protection and soft delete
// are fixed on in code.
type KeyVault struct {
	SKU                     string
	SoftDeleteRetentionDays int
	// SecretReaderGroupIDs are Entra groups that may read the service-principal secret only.
	SecretReaderGroupIDs []string
}

// Azure holds location and network posture.
type Azure struct {
	Location string
	// PrivateNetworking disables public data-plane access everywhere and puts private
	// endpoints into a platform VNet instead.
	PrivateNetworking         bool
	VnetCIDR                  netip.Prefix
	PrivateEndpointSubnetCIDR netip.Prefix
	AllowedIPRanges           []netip.Prefix
	LogRetentionDays          int
	StorageReplication        string
	ContainerRegistrySKU      string
}

// PublicNetworkAccess is the publicNetworkAccess value of every Azure data plane.
func (a Azure) PublicNetworkAccess() string {
	if a.PrivateNetworking {
		return "Disabled"
	}
	return "Enabled"
}

// FirewallDefaultAction is the default action of every Azure service firewall: closed when
// the service is private or only some public ranges may reach it, open otherwise.
func (a Azure) FirewallDefaultAction() string {
	if a.PrivateNetworking || len(a.AllowedIPRanges) > 0 {
		return "Deny"
	}
	return "Allow"
}

// FirewallIPRules renders AllowedIPRanges the way every Azure service firewall accepts them:
// a single address (/32) as the bare address and a /31 as its two addresses, any wider range
// in CIDR form. Azure Storage rejects /31 and /32 prefixes and wants individual addresses
// ("Small address ranges that use /31 or /32 prefix sizes aren't supported. Configure these
// ranges by using individual IP address rules": learn.microsoft.com/azure/storage/common/
// storage-network-security-limitations). Key Vault and Container Registry take a bare address
// as well (ARM schema, Key Vault IPRule.value: "'124.56.78.91' (simple IP address) or
// '124.56.78.0/24'"; ACR IPRule.value: "IP or IP range in CIDR format"), so one rendering
// serves all three.
func (a Azure) FirewallIPRules() []string {
	var out []string
	for _, p := range a.AllowedIPRanges {
		p = p.Masked()
		switch p.Addr().BitLen() - p.Bits() {
		case 0:
			out = append(out, p.Addr().String())
		case 1:
			out = append(out, p.Addr().String(), p.Addr().Next().String())
		default:
			out = append(out, p.String())
		}
	}
	return out
}

// AppConfig holds the App Configuration store's recovery settings.
type AppConfig struct {
	SoftDeleteRetentionDays int
	PurgeProtection         bool
}

// ML holds the Machine Learning workspace's settings.
type ML struct {
	HighBusinessImpact bool
	// ManagedNetworkIsolation is the workspace's managed-network outbound mode.
	ManagedNetworkIsolation string
}

// GCP holds the provider-level GCP settings.
type GCP struct {
	Project string
	Region  string
}

// GKE holds the cluster, its network and its node pool.
type GKE struct {
	Location                 string // the region (regional cluster) or one of its zones
	ReleaseChannel           string
	SubnetCIDR               netip.Prefix
	PodsCIDR                 netip.Prefix
	ServicesCIDR             netip.Prefix
	MasterCIDR               netip.Prefix
	MasterAuthorizedNetworks []netip.Prefix
	MachineType              string
	NodeMinCount             int
	NodeMaxCount             int
	NodeDiskSizeGB           int
	DeletionProtection       bool
	KMSRotationDays          int
	// SecurityGroup is the Google Groups for RBAC parent group, gke-security-groups@DOMAIN;
	// "" leaves the feature off (only the organization that owns the domain can create it).
	SecurityGroup string
}

// Mesh switches the in-cluster part of the service mesh.
type Mesh struct {
	// InCluster creates the namespace, service account and mTLS policy with a Kubernetes
	// provider built from the cluster outputs. Off, only the fleet-level mesh is managed.
	InCluster bool
}

// Workload is the microservice that runs on GKE and reaches Azure without keys.
type Workload struct {
	Namespace      string
	ServiceAccount string
	Roles          []string
}

// The places `pulumi up` can run from (deployerNetwork).
const (
	DeployerGitHubHosted  = "github-hosted"
	DeployerPrivateRunner = "private-runner"
)

var (
	prefixPattern    = regexp.MustCompile(`^[a-z][a-z0-9]{1,5}$`)
	stackPattern     = regexp.MustCompile(`^[a-z][a-z0-9]{1,7}$`)
	gcpProjectRE     = regexp.MustCompile(`^[a-z][a-z0-9-]{4,28}[a-z0-9]$`)
	dnsLabelRE       = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$`)
	machineTypeRE    = regexp.MustCompile(`^[a-z][a-z0-9]*-[a-z0-9]+(-[0-9]+)?$`)
	predefinedRoleRE = regexp.MustCompile(`^(roles/[a-zA-Z0-9_.]+|projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/roles/[a-zA-Z0-9_.]+)$`)
)

// Load reads and validates the configuration of project/stack. On any problem it returns
// Errors listing all of them, and no Settings.
func Load(project, stack string, get Lookup, opts ...Option) (*Settings, error) {
	r := &reader{project: project, get: get, read: map[string]bool{}}
	for _, opt := range opts {
		opt(r)
	}
	s := &Settings{Common: Common{Project: project, Env: stack}}
	r.readCommon(s, stack)
	r.readAzure(s)
	r.readGCP(s)
	r.readEntry(s)
	s.CrossCloud = r.crossCloud()

	r.undeclared()
	r.crossChecks(s)
	r.crossCloudChecks(s)
	if len(r.errs) == 0 {
		r.checkNames(s)
	}
	if len(r.errs) > 0 {
		return nil, r.scrubbed()
	}
	s.Names = newNames(s.NamePrefix, s.Env, s.Workload.ServiceAccount)
	s.SecretValues = r.secretValues()
	return s, nil
}

// readCommon reads the settings every component shares: names, owner, deployer, protection,
// waivers and the credential rotation.
func (r *reader) readCommon(s *Settings, stack string) {
	if !stackPattern.MatchString(stack) {
		r.errs = append(r.errs, FieldError{Key: "stack name", Value: stack,
			Allowed: "must be 2-8 lowercase letters or digits starting with a letter (it is part of every resource name)"})
	}

	s.NamePrefix = r.match("namePrefix", prefixPattern, "must be 2-6 lowercase letters or digits, starting with a letter")
	s.OwnerEmail = r.email("ownerEmail", "name the team mailbox recorded as the owner tag and in the Entra app notes", "<team mailbox>")
	s.DeployerPrincipalType = r.oneOf("deployerPrincipalType", "ServicePrincipal", "User", "Group")
	s.DeployerNetwork = r.oneOf("deployerNetwork", DeployerGitHubHosted, DeployerPrivateRunner)
	// One decision for a disposable environment: protect, deletion protection, purge
	// protection and the soft-delete windows all follow it (no stack wants them apart).
	s.ProtectStateful = r.boolean("protectStatefulResources")
	s.Waivers = r.waivers("policyWaivers")

	s.Identity = Identity{
		RotationDays: r.intIn("credentialRotationDays", MinCredentialRotationDays, MaxCredentialRotationDays),
		GraceDays:    r.intIn("credentialGraceDays", 1, MaxCredentialRotationDays),
	}
	if id := s.Identity; id.RotationDays > 0 && id.GraceDays > 0 && 2*id.RotationDays+id.GraceDays > MaxCredentialLifetimeDays {
		r.fail("credentialGraceDays", strconv.Itoa(id.GraceDays), "makes each credential live 2 × credentialRotationDays (%d) + %d = %d days; the most allowed is %d",
			id.RotationDays, id.GraceDays, 2*id.RotationDays+id.GraceDays, MaxCredentialLifetimeDays)
	}
}

// readAzure reads the Key Vault, network, App Configuration and ML workspace settings.
func (r *reader) readAzure(s *Settings) {
	s.KeyVault = KeyVault{
		SKU:                     r.oneOf("keyVaultSku", "standard", "premium"),
		SoftDeleteRetentionDays: pick(s.ProtectStateful, 90, 7), // Key Vault allows 7-90
		SecretReaderGroupIDs:    r.uuids("keyVaultSecretReaderGroupIds"),
	}

	s.Azure = Azure{
		Location:                  r.oneOf("azure-native:location", azureLocations...),
		PrivateNetworking:         r.boolean("azurePrivateNetworking"),
		VnetCIDR:                  r.prefix("azureVnetCidr"),
		PrivateEndpointSubnetCIDR: r.prefix("azurePrivateEndpointSubnetCidr"),
		AllowedIPRanges:           r.prefixes("azureAllowedIpRanges"),
		LogRetentionDays:          r.intIn("logRetentionDays", 30, 730),
		StorageReplication:        r.oneOf("storageReplication", "Standard_LRS", "Standard_ZRS", "Standard_GRS", "Standard_GZRS", "Standard_RAGRS", "Standard_RAGZRS"),
		ContainerRegistrySKU:      r.oneOf("containerRegistrySku", "Basic", "Standard", "Premium"),
	}
	s.AppConfig = AppConfig{
		SoftDeleteRetentionDays: pick(s.ProtectStateful, 7, 1), // App Configuration allows 1-7
		PurgeProtection:         s.ProtectStateful,
	}
	s.ML = ML{
		HighBusinessImpact:      r.boolean("mlHighBusinessImpact"),
		ManagedNetworkIsolation: r.oneOf("mlManagedNetworkIsolation", "Disabled", "AllowInternetOutbound", "AllowOnlyApprovedOutbound"),
	}
}

// readGCP reads the project, GKE, mesh and workload settings.
func (r *reader) readGCP(s *Settings) {
	s.GCP = GCP{
		Project: r.gcpProject(),
		Region:  r.oneOf("gcp:region", gcpRegions...),
	}
	s.GKE = GKE{
		Location:                 r.str("gkeLocation"),
		ReleaseChannel:           r.oneOf("gkeReleaseChannel", "RAPID", "REGULAR", "STABLE"),
		SubnetCIDR:               r.prefix("gkeSubnetCidr"),
		PodsCIDR:                 r.prefix("gkePodsCidr"),
		ServicesCIDR:             r.prefix("gkeServicesCidr"),
		MasterCIDR:               r.prefix("gkeMasterCidr"),
		MasterAuthorizedNetworks: r.prefixes("gkeMasterAuthorizedNetworks"),
		SecurityGroup:            r.str("gkeSecurityGroup"),
		MachineType:              r.match("gkeMachineType", machineTypeRE, "must be a Compute Engine machine type such as e2-standard-4"),
		NodeMinCount:             r.intIn("gkeNodeMinCount", 0, 100),
		NodeMaxCount:             r.intIn("gkeNodeMaxCount", 1, 100),
		NodeDiskSizeGB:           r.intIn("gkeNodeDiskSizeGb", 20, 2000),
		DeletionProtection:       s.ProtectStateful,
		KMSRotationDays:          r.intIn("gkeKmsRotationDays", 1, 90), // KMS-001: at most 90 days
	}
	s.Mesh = Mesh{InCluster: r.boolean("meshInCluster")}
	s.Workload = Workload{
		Namespace:      r.match("microserviceNamespace", dnsLabelRE, "must be a DNS-1123 label: lowercase letters, digits and '-', at most 63"),
		ServiceAccount: r.match("microserviceServiceAccount", dnsLabelRE, "must be a DNS-1123 label: lowercase letters, digits and '-', at most 63"),
		Roles:          r.roles("microserviceRoles"),
	}
}

// pick returns secure when on, relaxed otherwise.
func pick(on bool, secure, relaxed int) int {
	if on {
		return secure
	}
	return relaxed
}
