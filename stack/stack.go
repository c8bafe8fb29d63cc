// Package stack composes the whole platform. main.go, the tests and the offline plan all run
// this one function, so what is tested and planned is exactly what is deployed.
package stack

import (
	"encoding/json"
	"os"
	"sort"
	"time"

	"github.com/pulumi/pulumi-random/sdk/v4/go/random"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/azure"
	"github.com/example/mlplatform/azure/appconfig"
	azfoundation "github.com/example/mlplatform/azure/foundation"
	"github.com/example/mlplatform/azure/mlworkspace"
	"github.com/example/mlplatform/azurenative"
	"github.com/example/mlplatform/contract"
	"github.com/example/mlplatform/gcp"
	"github.com/example/mlplatform/gcp/cluster"
	"github.com/example/mlplatform/gcp/entry"
	"github.com/example/mlplatform/gcp/mesh"
	"github.com/example/mlplatform/gcp/microservice"
	"github.com/example/mlplatform/gcp/network"
	"github.com/example/mlplatform/gcp/services"
	"github.com/example/mlplatform/gcp/workload"
	"github.com/example/mlplatform/identity"
	"github.com/example/mlplatform/internal/azrbac"
	"github.com/example/mlplatform/secrets"
	"github.com/example/mlplatform/settings"
)

// ConfigKeys lists every config key the host passes to this run; ok is false when the host
// does not say (the typo check is then skipped, with a warning).
type ConfigKeys func() (keys []string, ok bool)

// EngineConfigKeys reads the keys from PULUMI_CONFIG: the Go language host hands a program
// its configuration in that variable, and pulumi.Run reads it from there (sdk/go/pulumi/run.go,
// EnvConfig). The SDK offers no other way to list the keys.
func EngineConfigKeys() ([]string, bool) {
	return keysOf(os.Getenv(pulumi.EnvConfig))
}

func keysOf(configJSON string) ([]string, bool) {
	var cfg map[string]string
	if configJSON == "" || json.Unmarshal([]byte(configJSON), &cfg) != nil {
		return nil, false
	}
	keys := make([]string, 0, len(cfg))
	for k := range cfg {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, true
}

// Program is the Pulumi program: validate all configuration, then define the platform and
// export its outputs. clock places the credential in its rotation window; keys lets settings
// reject undeclared keys (nil: not known).
func Program(clock func() time.Time, keys ConfigKeys) pulumi.RunFunc {
	return func(ctx *pulumi.Context) error {
		opts := []settings.Option{settings.WithSecrets(ctx.IsConfigSecret)}
		if list, ok := keysFrom(keys); ok {
			opts = append(opts, settings.WithKeys(list))
		} else if err := ctx.Log.Warn("the host did not list the config keys: undeclared (mistyped) keys are not detected", nil); err != nil {
			return err
		}
		s, err := settings.Load(ctx.Project(), ctx.Stack(), ctx.GetConfig, opts...)
		if err != nil {
			return err
		}
		_, err = Run(ctx, s, clock())
		return err
	}
}

// Run defines the platform from validated settings and exports its outputs, keeping every
// input and output that carries a secret config value secret. The offline plan calls it too.
func Run(ctx *pulumi.Context, s *settings.Settings, now time.Time) (pulumi.Map, error) {
	secrets := SecretTexts(s)
	if err := KeepSecret(ctx, secrets); err != nil {
		return nil, err
	}
	outputs, err := Define(ctx, s, now)
	if err != nil {
		return nil, err
	}
	for name, v := range outputs {
		outputs[name] = taintInput(v, secrets)
	}
	Export(ctx, outputs)
	return outputs, nil
}

func keysFrom(keys ConfigKeys) ([]string, bool) {
	if keys == nil {
		return nil, false
	}
	return keys()
}

// Export exports outputs in name order (a stable order keeps previews quiet).
func Export(ctx *pulumi.Context, outputs pulumi.Map) {
	names := make([]string, 0, len(outputs))
	for name := range outputs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		ctx.Export(name, outputs[name])
	}
}

// Define registers every component from validated settings and returns the stack outputs
// keyed by their contract names.
func Define(ctx *pulumi.Context, s *settings.Settings, now time.Time) (pulumi.Map, error) {
	client, err := azurenative.GetClientConfig(ctx)
	if err != nil {
		return nil, err
	}
	suffix, err := nameSuffix(ctx)
	if err != nil {
		return nil, err
	}
	foundation, err := azfoundation.NewFoundation(ctx, "platform", foundationArgs(s))
	if err != nil {
		return nil, err
	}
	app, err := defineApplication(ctx, s, client, now)
	if err != nil {
		return nil, err
	}
	vault, err := defineVault(ctx, s, client, foundation, app, suffix)
	if err != nil {
		return nil, err
	}
	if foundation.Network != nil {
		if _, err := foundation.NewPrivateEndpoint(ctx, "vault", vault.ID, azure.GroupVault, pulumi.Parent(vault)); err != nil {
			return nil, err
		}
	}
	ml, err := defineMLWorkspace(ctx, s, client, foundation, suffix, app, vault)
	if err != nil {
		return nil, err
	}
	appConfig, err := defineAppConfig(ctx, s, client, foundation, suffix, app, vault, ml)
	if err != nil {
		return nil, err
	}
	// The microservice signs in to Entra ID as this application (its federated credential).
	signIn := microservice.AzureIdentity{ClientID: app.ClientID, TenantID: pulumi.String(client.TenantId)}
	gcpOut, err := defineGCP(ctx, s, app.ResourceID, signIn, crossCloudInputs{foundation: foundation, subscriptionID: client.SubscriptionId})
	if err != nil {
		return nil, err
	}
	outputs := azureOutputs(s, client, foundation, app, vault, appConfig, ml)
	for name, v := range gcpOut {
		outputs[name] = v
	}
	for name, v := range RotationOutputs(app.Rotation) {
		outputs[name] = v
	}
	return outputs, nil
}

// nameSuffix is the random suffix of the globally unique Azure names.
func nameSuffix(ctx *pulumi.Context) (*random.RandomString, error) {
	// One stable suffix makes every globally unique Azure name unique; it changes only if
	// this resource is replaced.
	return random.NewRandomString(ctx, "name-suffix", &random.RandomStringArgs{
		Length: pulumi.Int(settings.SuffixLength), Special: pulumi.Bool(false), Upper: pulumi.Bool(false),
		Lower: pulumi.Bool(true), Numeric: pulumi.Bool(true),
	})
}

// defineApplication is the platform's Entra application, its credential rotated from the
// previous run's state.
func defineApplication(ctx *pulumi.Context, s *settings.Settings, client *azurenative.GetClientConfigResult, now time.Time) (*identity.Application, error) {
	previous, err := previousRotation(ctx)
	if err != nil {
		return nil, err
	}
	return identity.NewApplication(ctx, "platform", &identity.ApplicationArgs{
		DisplayName:    s.Names.DisplayName(s.Project),
		Notes:          "ML platform workload identity for stack " + s.Env + "; owner " + s.OwnerEmail + "; managed by Pulumi",
		OwnerObjectIDs: pulumi.StringArray{pulumi.String(client.ObjectId)},
		Rotation:       schedule(s),
		Previous:       previous,
		Now:            now,
		Tags:           []string{"environment:" + s.Env, "managed-by:pulumi"},
		Protect:        s.ProtectStateful,
	})
}

// defineVault is the Key Vault holding the application's client secret, readable by the
// application itself and the configured groups.
func defineVault(ctx *pulumi.Context, s *settings.Settings, client *azurenative.GetClientConfigResult, foundation *azure.Foundation,
	app *identity.Application, suffix *random.RandomString) (*secrets.Vault, error) {
	// Readers are keyed by what is stable about them: the platform's own service principal by
	// a fixed word (its object id exists only after creation), each group by its object id.
	readers := []secrets.Reader{{Key: "platform-sp", PrincipalID: app.ServicePrincipalObjectID, PrincipalType: azrbac.ServicePrincipal}}
	for _, id := range s.KeyVault.SecretReaderGroupIDs {
		readers = append(readers, secrets.Reader{Key: id, PrincipalID: pulumi.String(id), PrincipalType: azrbac.Group})
	}
	return secrets.NewVault(ctx, "platform", &secrets.VaultArgs{
		ResourceGroupName:       foundation.ResourceGroupName,
		Location:                s.Azure.Location,
		VaultName:               suffix.Result.ApplyT(s.Names.KeyVault).(pulumi.StringOutput),
		TenantID:                client.TenantId,
		SubscriptionID:          client.SubscriptionId,
		SKU:                     s.KeyVault.SKU,
		SoftDeleteRetentionDays: s.KeyVault.SoftDeleteRetentionDays,
		Network: secrets.Network{PublicNetworkAccess: s.Azure.PublicNetworkAccess(),
			DefaultAction: s.Azure.FirewallDefaultAction(), IPRules: s.Azure.FirewallIPRules()},
		Tags:        azure.Tags(s.Common),
		SecretName:  "platform-client-secret",
		SecretValue: app.ClientSecret,
		// The Key Vault secret is valid exactly as long as the credential it holds.
		SecretNotBefore:         app.Current.Start,
		SecretExpires:           app.Current.End,
		Readers:                 readers,
		LogAnalyticsWorkspaceID: foundation.LogAnalyticsWorkspaceID,
		Protect:                 s.ProtectStateful,
	})
}

// defineMLWorkspace is the ML workspace with its storage account and registry.
func defineMLWorkspace(ctx *pulumi.Context, s *settings.Settings, client *azurenative.GetClientConfigResult, foundation *azure.Foundation,
	suffix *random.RandomString, app *identity.Application, vault *secrets.Vault) (*mlworkspace.MLWorkspace, error) {
	return mlworkspace.NewMLWorkspace(ctx, "ml", &mlworkspace.MLWorkspaceArgs{
		Env:                     s.Env,
		Project:                 s.Project,
		Location:                s.Azure.Location,
		Tags:                    azure.Tags(s.Common),
		Protect:                 s.ProtectStateful,
		WorkspaceName:           s.Names.MLWorkspace(),
		StorageAccountName:      suffix.Result.ApplyT(s.Names.StorageAccount).(pulumi.StringOutput),
		RegistryName:            suffix.Result.ApplyT(s.Names.ContainerRegistry).(pulumi.StringOutput),
		StorageSKU:              s.Azure.StorageReplication,
		RegistrySKU:             s.Azure.ContainerRegistrySKU,
		HighBusinessImpact:      s.ML.HighBusinessImpact,
		ManagedNetworkIsolation: s.ML.ManagedNetworkIsolation,
		PrivateNetworking:       s.Azure.PrivateNetworking,
		Firewall:                mlworkspace.Firewall{DefaultAction: s.Azure.FirewallDefaultAction(), IPRules: s.Azure.FirewallIPRules()},
		SubscriptionID:          client.SubscriptionId,
		Foundation:              foundation,
		KeyVaultID:              vault.ID,
		ServicePrincipalID:      app.ServicePrincipalObjectID,
	})
}

// defineAppConfig is the App Configuration store with the values consumers read.
func defineAppConfig(ctx *pulumi.Context, s *settings.Settings, client *azurenative.GetClientConfigResult, foundation *azure.Foundation,
	suffix *random.RandomString, app *identity.Application, vault *secrets.Vault, ml *mlworkspace.MLWorkspace) (*appconfig.AppConfiguration, error) {
	return appconfig.NewAppConfiguration(ctx, "platform", &appconfig.AppConfigurationArgs{
		Env:                     s.Env,
		Location:                s.Azure.Location,
		Tags:                    azure.Tags(s.Common),
		Protect:                 s.ProtectStateful,
		StoreName:               suffix.Result.ApplyT(s.Names.AppConfig).(pulumi.StringOutput),
		PrivateNetworking:       s.Azure.PrivateNetworking,
		PurgeProtection:         s.AppConfig.PurgeProtection,
		SoftDeleteRetentionDays: s.AppConfig.SoftDeleteRetentionDays,
		DeployerPrincipalType:   s.DeployerPrincipalType,
		SubscriptionID:          client.SubscriptionId,
		Foundation:              foundation,
		DeployerObjectID:        pulumi.String(client.ObjectId),
		ReaderPrincipalID:       app.ServicePrincipalObjectID,
		SecretURI:               vault.SecretURI,
		Values: map[string]pulumi.StringInput{
			"platform:environment":            pulumi.String(s.Env),
			"platform:azure:tenantId":         pulumi.String(client.TenantId),
			"platform:azure:clientId":         app.ClientID,
			"platform:keyVault:uri":           vault.URI,
			"platform:ml:workspaceId":         ml.WorkspaceID,
			"platform:ml:discoveryUrl":        ml.DiscoveryURL,
			"platform:ml:registryLoginServer": ml.RegistryLoginServer,
		},
	})
}

// azureOutputs are the stack outputs of the Azure side.
func azureOutputs(s *settings.Settings, client *azurenative.GetClientConfigResult, foundation *azure.Foundation,
	app *identity.Application, vault *secrets.Vault, appConfig *appconfig.AppConfiguration, ml *mlworkspace.MLWorkspace) pulumi.Map {
	return pulumi.Map{
		contract.AzureTenantID:            pulumi.String(client.TenantId),
		contract.AzureSubscriptionID:      pulumi.String(client.SubscriptionId),
		contract.AzureLocation:            pulumi.String(s.Azure.Location),
		contract.ResourceGroupName:        foundation.ResourceGroupName,
		contract.LogAnalyticsWorkspaceID:  foundation.LogAnalyticsWorkspaceID,
		contract.ApplicationClientID:      app.ClientID,
		contract.ApplicationObjectID:      app.ObjectID,
		contract.ServicePrincipalObjectID: app.ServicePrincipalObjectID,
		contract.KeyVaultName:             vault.Name,
		contract.KeyVaultURI:              vault.URI,
		contract.ClientSecretName:         vault.SecretName,
		contract.ClientSecretURI:          vault.SecretURI,
		contract.AppConfigName:            appConfig.Name,
		contract.AppConfigEndpoint:        appConfig.Endpoint,
		contract.MLWorkspaceName:          ml.WorkspaceName,
		contract.MLWorkspaceID:            ml.WorkspaceID,
		contract.MLWorkspaceDiscoveryURL:  ml.DiscoveryURL,
		contract.ContainerRegistryServer:  ml.RegistryLoginServer,
		contract.AzureVnetName:            vnetName(foundation),
	}
}

// vnetName is empty when the platform has no private network (dev), so the output always exists.
func vnetName(f *azure.Foundation) pulumi.StringInput {
	if f.Network == nil {
		return pulumi.String("")
	}
	return f.Network.VirtualNetworkName
}

// defineGCP registers the GCP side: APIs, network, GKE, the keyless microservice identity
// (trusted by the Entra application through federation), the service mesh and, with
// Settings.CrossCloud, the private path to Azure (xc carries its Azure-side inputs).
func defineGCP(ctx *pulumi.Context, s *settings.Settings, applicationID pulumi.StringInput, signIn microservice.AzureIdentity, xc crossCloudInputs) (pulumi.Map, error) {
	services, err := services.NewServices(ctx, "gcp", &services.ServicesArgs{Project: s.GCP.Project})
	if err != nil {
		return nil, err
	}
	network, err := network.NewNetwork(ctx, "gcp", networkArgs(s, services.NetworkProject))
	if err != nil {
		return nil, err
	}
	xc.network, xc.project = network, services.NetworkProject
	if err := defineCrossCloud(ctx, s, xc); err != nil {
		return nil, err
	}
	cluster, err := defineCluster(ctx, s, services, network)
	if err != nil {
		return nil, err
	}
	wi, err := workload.NewWorkloadIdentity(ctx, "workload", &workload.WorkloadIdentityArgs{
		Env:            s.Env,
		AccountID:      s.Names.WorkloadServiceAccount(),
		ClusterName:    s.Names.Cluster(),
		Namespace:      s.Workload.Namespace,
		ServiceAccount: s.Workload.ServiceAccount,
		Roles:          s.Workload.Roles,
		Protect:        s.ProtectStateful,
		Project:        services.WorkloadProject,
		WorkloadPool:   cluster.WorkloadPool,
		OIDCIssuer:     cluster.OIDCIssuer,
		ApplicationID:  applicationID,
	})
	if err != nil {
		return nil, err
	}
	serviceMesh, err := defineMesh(ctx, s, services, cluster, wi)
	if err != nil {
		return nil, err
	}
	entryURL, entryIP, err := defineEntry(ctx, s, services, cluster, serviceMesh, signIn)
	if err != nil {
		return nil, err
	}
	return gcpOutputs(s, network, cluster, wi, serviceMesh, entryURL, entryIP), nil
}

// defineCluster is the GKE cluster in the network's subnet.
func defineCluster(ctx *pulumi.Context, s *settings.Settings, services *services.Services, network *network.Network) (*cluster.Cluster, error) {
	return cluster.NewCluster(ctx, "gke", &cluster.ClusterArgs{
		Env:                      s.Env,
		ProjectID:                s.GCP.Project,
		Region:                   s.GCP.Region,
		Location:                 s.GKE.Location,
		Labels:                   gcp.Labels(s.Env, s.OwnerEmail),
		Protect:                  s.ProtectStateful,
		Name:                     s.Names.Cluster(),
		NodeServiceAccountID:     s.Names.NodeServiceAccount(),
		ReleaseChannel:           s.GKE.ReleaseChannel,
		MasterCIDR:               s.GKE.MasterCIDR,
		MasterAuthorizedNetworks: s.GKE.MasterAuthorizedNetworks,
		DeletionProtection:       s.GKE.DeletionProtection,
		SecurityGroup:            s.GKE.SecurityGroup,
		KMSRotationDays:          s.GKE.KMSRotationDays,
		Nodes: cluster.Nodes{MachineType: s.GKE.MachineType, DiskSizeGB: s.GKE.NodeDiskSizeGB,
			MinCount: s.GKE.NodeMinCount, MaxCount: s.GKE.NodeMaxCount},
		Project:           services.ClusterProject,
		Network:           network.NetworkID,
		Subnetwork:        network.SubnetID,
		PodsRangeName:     network.PodsRangeName,
		ServicesRangeName: network.ServicesRangeName,
	})
}

// defineMesh is the fleet membership and managed service mesh of the cluster.
func defineMesh(ctx *pulumi.Context, s *settings.Settings, services *services.Services, cluster *cluster.Cluster,
	wi *workload.WorkloadIdentity) (*mesh.Mesh, error) {
	return mesh.NewMesh(ctx, "mesh", &mesh.MeshArgs{
		Env:                         s.Env,
		Labels:                      gcp.Labels(s.Env, s.OwnerEmail),
		ClusterName:                 s.Names.Cluster(),
		InCluster:                   s.Mesh.InCluster,
		Namespace:                   s.Workload.Namespace,
		ServiceAccount:              s.Workload.ServiceAccount,
		CrossCloud:                  s.CrossCloud.Enabled,
		PrivateEndpointSubnetCIDR:   s.Azure.PrivateEndpointSubnetCIDR,
		MasterCIDR:                  s.GKE.MasterCIDR,
		Project:                     services.MeshProject,
		ClusterID:                   cluster.ClusterID,
		OIDCIssuer:                  cluster.OIDCIssuer,
		ProjectNumber:               cluster.ProjectNumber,
		WorkloadServiceAccountEmail: wi.ServiceAccountEmail,
		ImageMirror:                 cluster.ImageMirror,
		ReleaseChannel:              s.GKE.ReleaseChannel,
	})
}

// gcpOutputs are the stack outputs of the GCP side.
func gcpOutputs(s *settings.Settings, network *network.Network, cluster *cluster.Cluster, wi *workload.WorkloadIdentity,
	serviceMesh *mesh.Mesh, entryURL, entryIP pulumi.StringInput) pulumi.Map {
	return pulumi.Map{
		contract.EntryURL:              entryURL,
		contract.EntryIPAddress:        entryIP,
		contract.GCPProject:            pulumi.String(s.GCP.Project),
		contract.GCPNetworkName:        network.NetworkName,
		contract.GCPSubnetName:         network.SubnetName,
		contract.GKEClusterName:        cluster.ClusterName,
		contract.GKELocation:           cluster.Location,
		contract.GKEEndpoint:           cluster.Endpoint,
		contract.GKECACertificate:      cluster.CACertificate,
		contract.GKEOIDCIssuer:         cluster.OIDCIssuer,
		contract.WorkloadIdentityPool:  cluster.WorkloadPool,
		contract.MeshMembership:        serviceMesh.MembershipID,
		contract.MicroserviceNamespace: wi.Namespace,
		contract.MicroserviceKSA:       wi.KubernetesServiceAccount,
		contract.MicroserviceGSAEmail:  wi.ServiceAccountEmail,
		contract.Kubeconfig:            cluster.Kubeconfig,
	}
}

// defineEntry deploys the microservice and its public entry when microserviceDeploy is on;
// otherwise the entry outputs exist and are empty, so consumers never miss a key.
func defineEntry(ctx *pulumi.Context, s *settings.Settings, services *services.Services, cluster *cluster.Cluster, serviceMesh *mesh.Mesh,
	signIn microservice.AzureIdentity) (pulumi.StringInput, pulumi.StringInput, error) {
	if !s.Microservice.Deploy {
		return pulumi.String(""), pulumi.String(""), nil
	}
	// The mesh identity of the ingress gateway: trust domain (the fleet's workload pool),
	// namespace and Kubernetes service account.
	caller := pulumi.Sprintf("%s/ns/%s/sa/%s", cluster.WorkloadPool, entry.IngressNamespace(s.Workload.Namespace), entry.IngressServiceAccount)
	svc, err := microservice.NewMicroservice(ctx, "microservice", &microservice.MicroserviceArgs{
		Env:             s.Env,
		App:             s.Workload.ServiceAccount,
		Image:           s.Microservice.Image,
		Port:            s.Microservice.Port,
		HealthPath:      s.Microservice.HealthPath,
		MinReplicas:     s.Microservice.MinReplicas,
		MaxReplicas:     s.Microservice.MaxReplicas,
		Provider:        serviceMesh.Provider,
		MeshReadyJob:    serviceMesh.Ready,
		Namespace:       serviceMesh.Namespace,
		ServiceAccount:  serviceMesh.KubernetesServiceAccount,
		CallerPrincipal: caller,
		NodePool:        cluster.NodePoolName,
		Azure:           signIn,
	})
	if err != nil {
		return nil, nil, err
	}
	args := entryArgs(s)
	args.Project, args.Provider, args.MeshReadyJob = services.EntryProject, serviceMesh.Provider, serviceMesh.Ready
	args.BackendHost, args.BackendPort, args.NodePool = svc.ServiceHost, svc.ServicePort, cluster.NodePoolName
	edge, err := entry.NewEntry(ctx, "entry", args)
	if err != nil {
		return nil, nil, err
	}
	return edge.URL, edge.IPAddress, nil
}

// entryArgs maps the configuration to the entry's plain inputs; the ingress gateway scales
// between the microservice's replica bounds.
func entryArgs(s *settings.Settings) *entry.EntryArgs {
	e, a := s.Entry, s.Entry.Armor
	return &entry.EntryArgs{
		Env: s.Env, Labels: gcp.Labels(s.Env, s.OwnerEmail), Name: s.Names.Entry(),
		Hostname: e.Hostname, IAPMembers: e.IAPMembers, IAPClientID: e.IAPClientID, IAPClientSecret: e.IAPClientSecret,
		Armor: entry.Armor{RateLimitCount: a.RateLimitCount, RateLimitIntervalSec: a.RateLimitIntervalSec,
			RateLimitAction: a.RateLimitAction, BanDurationSec: a.BanDurationSec, OWASPRules: a.OWASPRules},
		Namespace: s.Workload.Namespace, ServiceAccount: s.Workload.ServiceAccount,
		MinReplicas: s.Microservice.MinReplicas, MaxReplicas: s.Microservice.MaxReplicas,
	}
}

// foundationArgs maps the configuration onto the foundation's plain inputs (the VNet's names
// and ranges are read only with private networking).
func foundationArgs(s *settings.Settings) *azfoundation.FoundationArgs {
	return &azfoundation.FoundationArgs{
		Location: s.Azure.Location, Tags: azure.Tags(s.Common),
		ResourceGroupName: s.Names.ResourceGroup(), LogAnalyticsName: s.Names.LogAnalytics(), AppInsightsName: s.Names.AppInsights(),
		LogRetentionDays:   s.Azure.LogRetentionDays,
		PrivateNetworking:  s.Azure.PrivateNetworking,
		VirtualNetworkName: s.Names.VirtualNetwork(), SecurityGroupName: s.Names.Abbreviated("nsg"),
		MonitorScopeName: s.Names.Abbreviated("ampls"),
		VnetCIDR:         s.Azure.VnetCIDR.String(), PrivateEndpointSubnetCIDR: s.Azure.PrivateEndpointSubnetCIDR.String(),
	}
}
