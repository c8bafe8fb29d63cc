package policy

// Cases for the rules of azure_construction.go, added to ruleCases and knownTokens here so the
// shared tables stay untouched by this feature.

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	crosscloudspec "github.com/example/mlplatform/azure/crosscloud/spec"
	"github.com/example/mlplatform/azurenative"
)

const (
	tRG         = resourceGroupType
	tPIP        = publicIPType
	tVNet       = vnetType
	registryID  = rg + "/providers/Microsoft.ContainerRegistry/registries/crmlpprodabcde"
	vaultID     = rg + "/providers/Microsoft.KeyVault/vaults/kv-mlp-prod-abcde"
	storeID     = rg + "/providers/Microsoft.AppConfiguration/configurationStores/appcs-mlp-prod"
	mlID        = rg + "/providers/Microsoft.MachineLearningServices/workspaces/mlw-mlp-prod"
	workspaceID = rg + "/providers/Microsoft.OperationalInsights/workspaces/log-mlp-prod"
	roleDefs    = sub + "/providers/Microsoft.Authorization/roleDefinitions/"
)

func init() {
	knownTokens = append(knownTokens, tRG, tPIP, tVNet)
	for id, c := range map[string]ruleCase{
		"NAME-001": {list(v(tVault, vault), v(tStorage, storage), v(tRegistry, acr), v(tStore, store), v(tAppi, appInsights),
			v(tLogs, logs), v(tKVSecret, kvSecret), v(tAzSubnet, azSubnet), v(tAzSubnet, azSubnet, "subnetName", "GatewaySubnet"),
			v(tRG, resourceGroup), v(tPIP, publicIP), v(vpnGatewayType, vpnGateway), v(tVNet, virtualNetwork),
			v(privateEndpointType, vaultEndpoint), v(connectionType, vpnConnection, "virtualNetworkGatewayConnectionName", "con-gcp-mlp-prod-0"),
			v(tVault, vault, "vaultName", unknown), v(tRole, roleAssignment)),
			list(v(tVault, vault, "vaultName", "kv--mlp-prod"), v(tVault, vault, "vaultName", "kv-mlp-production-westeurope"),
				v(tVault, vault, "vaultName", deleted{}),
				v(tStorage, storage, "accountName", "st-mlp-prod"), v(tStorage, storage, "accountName", "StMlpProd"),
				v(tRegistry, acr, "registryName", "cr-mlp-prod"), v(tStore, store, "configStoreName", "appcs-"),
				v(tAppi, appInsights, "resourceName", "appi mlp."), v(tLogs, logs, "workspaceName", "log"),
				v(tKVSecret, kvSecret, "secretName", "platform_client_secret"), v(tRG, resourceGroup, "resourceGroupName", "rg-mlp-prod."),
				v(tAzSubnet, azSubnet, "subnetName", "-snet"), v(tPIP, publicIP, "publicIpAddressName", "pip-vgw-mlp-prod-0."),
				v(vpnGatewayType, vpnGateway, "virtualNetworkGatewayName", strings.Repeat("v", 81)),
				v(connectionType, vpnConnection, "virtualNetworkGatewayConnectionName", "con gcp"),
				v(tVNet, virtualNetwork, "virtualNetworkName", "v"), v(privateEndpointType, vaultEndpoint, "privateEndpointName", "pe-vault-"))},
		"TAG-001": {list(v(tVault, tagged(vault)), v(tRole, roleAssignment), v(tAzSubnet, azSubnet), v(tDiag, blobDiag),
			v(tVault, tagged(vault), "tags.owner", unknown), v(tVault, vault, "tags", unknown)),
			list(v(tVault, tagged(vault), "tags", deleted{}), v(tStore, tagged(store), "tags.owner", ""),
				v(tPIP, publicIP, "tags.environment", deleted{}), v(tRG, resourceGroup, "tags", map[string]any{}))},
		"DIAG-001": {list(with(v(tDiag, auditDiag(vaultID)), res(tVault, "kv", vault())),
			with(v(tDiag, auditDiag(vaultID), "logs", []any{map[string]any{"categoryGroup": "audit", "enabled": true}}), res(tVault, "kv", vault())),
			many(res(tVault, "kv", vault()), res(tRegistry, "cr", acr()), res(tStore, "appcs", store()), res(tWorkspace, "mlw", workspace()),
				res(tDiag, "d1", auditDiag(vaultID)()), res(tDiag, "d2", auditDiag(strings.ToUpper(registryID))()),
				res(tDiag, "d3", auditDiag(storeID)()), res(tDiag, "d4", auditDiag(mlID)())),
			with(v(tDiag, auditDiag(vaultID), "logs", []any{map[string]any{"category": "AuditEvent", "enabled": true}}), res(tVault, "kv", vault())),
			with(v(tDiag, auditDiag(registryID), "logs", []any{map[string]any{"category": "ContainerRegistryLoginEvents", "enabled": true},
				map[string]any{"category": "ContainerRegistryRepositoryEvents", "enabled": "true"}}), res(tRegistry, "cr", acr())),
			v(tDiag, auditDiag(vaultID)), // nothing audited in the stack
			with(v(tDiag, auditDiag(vaultID), "resourceUri", unknown), res(tVault, "kv", vault()))),
			// many, not v: no edit of a real plan removes a companion resource.
			list(many(res(tVault, "kv", vault())), many(res(tWorkspace, "mlw", workspace())),
				with(v(tDiag, auditDiag(vaultID), "logs", []any{map[string]any{"categoryGroup": "allLogs", "enabled": false}}), res(tVault, "kv", vault())),
				with(v(tDiag, auditDiag(vaultID), "workspaceId", deleted{}), res(tVault, "kv", vault())),
				with(v(tDiag, auditDiag(vaultID), "resourceUri", rg+"/providers/Microsoft.KeyVault/vaults/kv-other"), res(tVault, "kv", vault())),
				with(v(tDiag, auditDiag(registryID), "logs", deleted{}), res(tRegistry, "cr", acr())),
				with(v(tDiag, auditDiag(registryID), "logs", []any{map[string]any{"category": "ContainerRegistryLoginEvents", "enabled": true}}), res(tRegistry, "cr", acr())),
				with(v(tDiag, auditDiag(mlID), "logs", []any{map[string]any{"category": "AmlComputeJobEvent", "enabled": true}}), res(tWorkspace, "mlw", workspace())),
				with(v(tDiag, auditDiag(storeID), "logs", []any{map[string]any{"category": "HttpRequest", "enabled": true}}), res(tStore, "appcs", store())))},
		"PIP-002": {list(with(v(tPIP, publicIP), res(vpnGatewayType, "vgw", gatewayWithIP())),
			with(v(tPIP, publicIP), res(vpnGatewayType, "vgw", set(gatewayWithIP(), "ipConfigurations", []any{map[string]any{"publicIPAddress": map[string]any{"id": unknown}}})))),
			list(many(res(tPIP, "pip", publicIP())), v(tPIP, publicIP, "publicIpAddressName", "pip-spare"),
				with(v(vpnGatewayType, gatewayWithIP, "ipConfigurations", []any{}), res(tPIP, "pip", publicIP())))},
		"RBAC-003": {list(v(tRole, roleAssignment), v(tRole, roleAssignment, "principalType", "Group")),
			list(v(tRole, roleAssignment, "principalType", "User"), v(tRole, roleAssignment, "principalType", deleted{}))},
		"RBAC-004": {list(v(tRole, roleAssignment), v(tRole, roleAssignment, "scope", registryID, "roleDefinitionId", roleDefs+acrPull)),
			list(v(tRole, roleAssignment, "scope", registryID),
				v(tRole, roleAssignment, "scope", registryID+"/", "roleDefinitionId", roleDefs+"b24988ac-6180-42a0-ab88-20f7382dd24c"),
				v(tRole, roleAssignment, "scope", registryID, "roleDefinitionId", roleDefs+"8311e382-0749-4cb8-b61a-304f252e45ec"))},
	} {
		ruleCases[id] = c
	}
}

// with adds companion resources to a scenario built by v (its edits stay those of v).
func with(s scenario, extra ...Resource) scenario {
	s.resources = append(s.resources, extra...)
	return s
}

// tagged is base with the standard tags.
func tagged(base func() map[string]any) func() map[string]any {
	return func() map[string]any {
		m := base()
		m["tags"] = standardTagValues()
		return m
	}
}

func standardTagValues() map[string]any {
	return map[string]any{"environment": "prod", "owner": "platform@example.com", "managed-by": "pulumi", "project": "mlplatform"}
}

// auditDiag is azdiag.Send's setting on uri.
func auditDiag(uri string) func() map[string]any {
	return func() map[string]any {
		return map[string]any{"name": "to-log-analytics", "resourceUri": uri, "workspaceId": workspaceID,
			"logAnalyticsDestinationType": "Dedicated",
			"logs":                        []any{map[string]any{"categoryGroup": "allLogs", "enabled": true}},
			"metrics":                     []any{map[string]any{"category": "AllMetrics", "enabled": true}}}
	}
}

func resourceGroup() map[string]any {
	return map[string]any{"resourceGroupName": "rg-mlp-prod", "location": "westeurope", "tags": standardTagValues()}
}

// publicIP is the cross-cloud component's compliant address with the standard tags.
func publicIP() map[string]any {
	return set(crosscloudspec.SecurePublicIP(), "tags", standardTagValues())
}

func virtualNetwork() map[string]any {
	return map[string]any{"virtualNetworkName": "vnet-mlp-prod", "addressSpace": map[string]any{"addressPrefixes": []any{"10.40.0.0/16"}}}
}

func gatewayWithIP() map[string]any {
	return set(vpnGateway(), "ipConfigurations", []any{map[string]any{"name": "ipconfig-0",
		"publicIPAddress": map[string]any{"id": rg + "/providers/Microsoft.Network/publicIPAddresses/pip-vgw-mlp-prod-0"},
		"subnet":          map[string]any{"id": rg + "/providers/Microsoft.Network/virtualNetworks/vnet-mlp-prod/subnets/GatewaySubnet"}}})
}

// compliantAzure makes the baselines a compliant stack for these rules: the standard tags on
// every taggable Azure resource and azdiag's setting on every audited one.
func compliantAzure(rs []Resource) []Resource {
	out := append([]Resource(nil), rs...)
	for i, r := range rs {
		if strings.HasPrefix(r.Type, "azure-native:") && !untaggable[typeKey(r.Type)] {
			out[i].Inputs = r.Inputs.Copy()
			out[i].Inputs["tags"] = resource.NewObjectProperty(resource.NewPropertyMapFromMap(standardTagValues()))
		}
		if a, ok := audited[typeKey(r.Type)]; ok {
			uri := rg + "/providers/" + a.provider + "/" + get(r.Inputs, a.nameKey).Text()
			out = append(out, res(tDiag, r.Name+"-diag", auditDiag(uri)()))
		}
	}
	return out
}

// TAG-001 skips the untaggable types: each must really take no tags. The SDK source that
// registers the type has no Tags field in its Args, while a taggable one (the vault) has.
func TestUntaggableTypesTakeNoTags(t *testing.T) {
	tagsField := regexp.MustCompile(`(?m)^\tTags\s+pulumi\.StringMapInput`)
	seen := map[string]bool{}
	checked := 0
	// The SDK generates one file per type, named after it (subnet.go for Subnet).
	wanted := map[string]bool{"vault.go": true}
	for key := range untaggable {
		typ := key[strings.LastIndex(key, ":")+1:]
		wanted[strings.ToLower(typ[:1])+typ[1:]+".go"] = true
	}
	for _, file := range azureNativeSources(t) {
		if !wanted[filepath.Base(file)] {
			continue
		}
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range registeredToken.FindAllStringSubmatch(string(text), -1) {
			key := typeKey(m[1])
			if !untaggable[key] && key != keyVaultType {
				continue
			}
			seen[key] = true
			checked++
			if has := tagsField.Match(text); has == untaggable[key] {
				t.Errorf("%s (%s): Tags field present = %v, but untaggable = %v", m[1], file, has, untaggable[key])
			}
		}
	}
	for key := range untaggable {
		if !seen[key] && !bindingTakesNoTags(t, key) {
			t.Errorf("%s: no SDK source registers it", key)
		}
	}
	if !seen[keyVaultType] || checked == 0 {
		t.Error("the Key Vault source (taggable) was not found: the scan reads nothing")
	}
}

// bindingTakesNoTags reports whether key is bound by hand in package azurenative (whose
// official module is not in go.mod) with an Args struct that has no Tags field. Package
// azurenative's tests hold each binding's Tags to the official Args.
func bindingTakesNoTags(t *testing.T, key string) bool {
	t.Helper()
	bound := false
	for _, tok := range azurenative.Tokens() {
		bound = bound || typeKey(tok) == key
	}
	if !bound {
		return false
	}
	files, err := filepath.Glob(filepath.Join("..", "azurenative", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	start := "type " + key[strings.LastIndex(key, ":")+1:] + "Args struct {\n"
	for _, file := range files {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		i := strings.Index(string(text), start)
		if i < 0 {
			continue
		}
		body, _, _ := strings.Cut(string(text)[i+len(start):], "\n}")
		if regexp.MustCompile(`(?m)^\tTags\s+pulumi\.StringMapInput`).MatchString(body) {
			t.Errorf("%s: untaggable, but the binding's Args in %s has Tags", key, file)
		}
		return true
	}
	return false
}

func goModCache(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

// azureNativeSources are the .go files of the azure-native SDK modules go.mod requires.
func azureNativeSources(t *testing.T) []string {
	t.Helper()
	sdkTokens(t) // fails early when the module cache cannot be read
	cache := goModCache(t)
	mod, err := os.ReadFile(filepath.Join("..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, line := range strings.Split(string(mod), "\n") {
		m := providerModule.FindStringSubmatch(line)
		if m == nil || !strings.Contains(m[1], "azure-native-sdk") {
			continue
		}
		err := filepath.WalkDir(filepath.Join(cache, m[1]+"@"+m[2]), func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return files
}
