package policy

// Rules for what the Azure components build by construction (issue 14): names that meet the
// ARM naming rules, the standard tags, audit logs of the audited resources, workspace-based
// Application Insights, Standard zone-redundant public IPs in use, and role assignments to
// groups or service principals with registry grants no wider than pull. Each turns a
// "by construction" row of docs/policy-coverage.md into a checked one.

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/example/mlplatform/kit"
)

const resourceGroupType = "azure-native:resources:ResourceGroup"

func namedTypes() []string {
	var out []string
	for t := range kit.ARMNames {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// armNameValid checks the name the resource is registered with. An absent name is a finding:
// the SDK would auto-name the resource from its logical name, unchecked against these rules.
func armNameValid(r Resource) []string {
	spec, ok := kit.ARMNames[typeKey(r.Type)]
	if !ok {
		return nil
	}
	p := get(r.Inputs, spec.Input)
	switch {
	case p.Unknown():
		return nil
	case p.Absent() || !p.V.IsString():
		return msgf("%s is not set: the name would be generated, unchecked against the ARM naming rules", spec.Input)
	}
	name := p.V.StringValue()
	if !spec.Valid(name) {
		return msgf("%s %s breaks the ARM naming rule for this type: %d-%d characters, %s", spec.Input, p.Show(), spec.Min, spec.Max, spec.Allowed)
	}
	return nil
}

// standardTags are the keys azure.Tags puts on every taggable resource (azure/azure.go; a test
// there keeps the two in step).
var standardTags = []string{"environment", "owner", "managed-by", "project"}

// untaggable are the azure-native types whose ARM resource takes no tags (their SDK Args have no
// Tags field; TestUntaggableTypesTakeNoTags checks that against the SDK sources). Besides the
// ones the program registers, the storage service settings and management locks a hardening
// branch may add.
var untaggable = map[string]bool{
	roleAssignmentType:    true,
	diagnosticSettingType: true,
	azSubnetType:          true,
	zoneGroupType:         true,
	"azure-native:insights:PrivateLinkScopedResource":               true,
	"azure-native:storage:BlobServiceProperties":                    true,
	"azure-native:storage:FileServiceProperties":                    true,
	"azure-native:storage:QueueServiceProperties":                   true,
	"azure-native:storage:TableServiceProperties":                   true,
	"azure-native:storage:ManagementPolicy":                         true,
	"azure-native:authorization:ManagementLockAtResourceLevel":      true,
	"azure-native:authorization:ManagementLockByScope":              true,
	"azure-native:authorization:ManagementLockAtResourceGroupLevel": true,
}

// Untaggable reports whether an azure-native type takes no tags (TAG-001 skips it); tests ask
// this instead of keeping their own list.
func Untaggable(token string) bool { return untaggable[typeKey(token)] }

// StandardTags returns the tag keys TAG-001 requires.
func StandardTags() []string { return append([]string(nil), standardTags...) }

func standardTagsSet(r Resource) []string {
	if untaggable[typeKey(r.Type)] {
		return nil
	}
	tags := get(r.Inputs, "tags")
	if tags.Unknown() {
		return nil
	}
	var missing []string
	for _, k := range standardTags {
		v := get(tags.Object(), k)
		if !v.Unknown() && strings.TrimSpace(v.Text()) == "" {
			missing = append(missing, k)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return msgf("tags lack %s (want %s)", strings.Join(missing, ", "), strings.Join(standardTags, ", "))
}

// auditedResource is a resource whose audit logs must reach the workspace: the ARM provider
// path (joined with its name to match a diagnostic setting's resourceUri) and the log
// categories that, all enabled, stand in for the allLogs or audit category group.
type auditedResource struct {
	nameKey, provider string
	categories        []string
}

// audited: the categories are those PSRule accepts instead of a group (Azure.KeyVault.Logs:
// AuditEvent; Azure.ACR.AuditLogs: ContainerRegistryLoginEvents and
// ContainerRegistryRepositoryEvents; Azure.AppConfig.AuditLogs: Audit). The ML workspace has no
// PSRule rule: only a group counts there.
var audited = map[string]auditedResource{
	keyVaultType:     {"vaultName", "Microsoft.KeyVault/vaults", []string{"AuditEvent"}},
	containerRegType: {"registryName", "Microsoft.ContainerRegistry/registries", []string{"ContainerRegistryLoginEvents", "ContainerRegistryRepositoryEvents"}},
	configStoreType:  {"configStoreName", "Microsoft.AppConfiguration/configurationStores", []string{"Audit"}},
	mlWorkspaceType:  {"workspaceName", "Microsoft.MachineLearningServices/workspaces", nil},
}

// auditLogs names each audited resource that no diagnostic setting sends the allLogs or audit
// category group (or its audit categories) of to a Log Analytics workspace. A setting names its
// resource by ARM id, so the two are joined on ".../providers/<provider>/<name>".
func auditLogs(st stack) []violation {
	var diags []Resource
	for _, r := range st.resources {
		if typeKey(r.Type) != diagnosticSettingType {
			continue
		}
		if get(r.Inputs, "resourceUri").Unknown() {
			return nil // it may be any of them
		}
		if nonEmpty("workspaceId")(r) == nil {
			diags = append(diags, r)
		}
	}
	var out []violation
	for _, r := range st.resources {
		a, ok := audited[typeKey(r.Type)]
		if !ok {
			continue
		}
		name := get(r.Inputs, a.nameKey)
		if name.Unknown() {
			continue
		}
		suffix := strings.ToLower("/providers/" + a.provider + "/" + name.Text())
		found := false
		for _, d := range diags {
			uri := strings.ToLower(strings.TrimRight(get(d.Inputs, "resourceUri").Text(), "/"))
			found = found || strings.HasSuffix(uri, suffix) && auditLogsSent(get(d.Inputs, "logs").Array(), a.categories)
		}
		if !found {
			out = append(out, violation{URN: r.URN, Type: r.Type, Name: r.Name, Message: fmt.Sprintf(
				"no diagnostic setting sends the allLogs (or audit) logs of %s/%s to a Log Analytics workspace", a.provider, name.Text())})
		}
	}
	return out
}

// auditLogsSent: the allLogs or audit category group enabled (both include the resource's audit
// categories: Microsoft Learn, "Diagnostic settings in Azure Monitor", category groups), or
// every one of categories enabled when there are some.
func auditLogsSent(logs []resource.PropertyValue, categories []string) bool {
	groups, enabled := enabledLogs(logs)
	if groups["alllogs"] || groups["audit"] {
		return true
	}
	for _, c := range categories {
		if !enabled[strings.ToLower(c)] {
			return false
		}
	}
	return len(categories) > 0
}

var publicIPRef = regexp.MustCompile(`(?i)/providers/Microsoft\.Network/publicIPAddresses/([^/]+)/?$`)

// publicIPsAttached names each public IP no other resource references by ARM id (a gateway or
// NIC ipConfiguration, a load balancer frontend...). Silent when a reference is unknown.
func publicIPsAttached(st stack) []violation {
	used := map[string]bool{}
	for _, r := range st.resources {
		if typeKey(r.Type) == publicIPType {
			continue
		}
		unknownRef := false
		walkRefs(r.Inputs, func(path string, p prop) {
			switch {
			case p.Unknown() && strings.Contains(strings.ToLower(path), "publicipaddress"):
				unknownRef = true
			case p.V.IsString():
				if m := publicIPRef.FindStringSubmatch(p.V.StringValue()); m != nil {
					used[strings.ToLower(m[1])] = true
				}
			}
		})
		if unknownRef {
			return nil
		}
	}
	var out []violation
	for _, r := range st.resources {
		name := get(r.Inputs, "publicIpAddressName")
		if typeKey(r.Type) != publicIPType || name.Unknown() || used[strings.ToLower(name.Text())] {
			continue
		}
		out = append(out, violation{URN: r.URN, Type: r.Type, Name: r.Name, Message: fmt.Sprintf(
			"public IP %s is attached to nothing (no resource references its id): an exposed address nobody uses", name.Show())})
	}
	return out
}

// walkRefs visits every scalar and every unknown value of m with its dotted path.
func walkRefs(m resource.PropertyMap, visit func(path string, p prop)) {
	var walk func(raw resource.PropertyValue, path string, depth int)
	walk = func(raw resource.PropertyValue, path string, depth int) {
		if depth > kit.MaxDepth {
			return
		}
		p := unwrap(raw)
		switch {
		case p.V.IsObject():
			obj := p.V.ObjectValue()
			for _, k := range obj.StableKeys() {
				walk(obj[k], kit.JoinPath(path, string(k)), depth+1)
			}
		case p.V.IsArray():
			for i, e := range p.V.ArrayValue() {
				walk(e, fmt.Sprintf("%s[%d]", path, i), depth+1)
			}
		default:
			visit(path, p)
		}
	}
	walk(resource.NewObjectProperty(m), "", 0)
}

// acrPull is the only role KICS 77deea6a accepts on a registry scope ("AcrPull", Microsoft
// Learn, "Azure built-in roles").
const acrPull = "7f951dda-4ed3-4680-a7ca-43fe172d538d"

var registryScope = regexp.MustCompile(`(?i)/providers/Microsoft\.ContainerRegistry/registries/[^/]+(/.*)?$`)

func registryPullOnly(r Resource) []string {
	scope, role := get(r.Inputs, "scope"), get(r.Inputs, "roleDefinitionId")
	if scope.Unknown() || role.Unknown() || !registryScope.MatchString(strings.TrimSpace(scope.Text())) {
		return nil
	}
	id := strings.ToLower(strings.TrimRight(role.Text(), "/"))
	if id[strings.LastIndex(id, "/")+1:] == acrPull {
		return nil
	}
	return msgf("roleDefinitionId %s on registry scope %s: only AcrPull (%s) may be granted on a registry", role.Show(), scope.Show(), acrPull)
}

var constructionRules = []Rule{
	{ID: "NAME-001", Severity: Low, Types: namedTypes(),
		External: []string{"CKV_AZURE_43", "Azure.KeyVault.Name", "Azure.KeyVault.SecretName", "Azure.Storage.Name", "Azure.ACR.Name",
			"Azure.AppConfig.Name", "Azure.AppInsights.Name", "Azure.Log.Name", "Azure.Group.Name", "Azure.VNET.Name",
			"Azure.VNET.SubnetName", "Azure.PrivateEndpoint.Name", "Azure.PublicIP.Name", "Azure.VNG.Name", "Azure.VNG.ConnectionName"},
		Description: "Azure resources must be registered with an explicit name that meets the ARM naming rules of their type (length and characters, Microsoft Learn \"Naming rules and restrictions for Azure resources\"). Low: a bad name fails the deployment halfway, an auto-generated one escapes these rules.",
		Remediation: "Derive the name in settings and validate it there; see the type's rule in the finding.",
		check:       armNameValid},
	{ID: "TAG-001", Severity: Low, Types: []string{"azure-native:*"},
		External:    []string{"Azure.Resource.UseTags"},
		Description: "Every taggable Azure resource must carry the standard tags (environment, owner, managed-by, project) with non-empty values. Low: untagged resources cannot be attributed to an owner, an environment or this program in cost reports and incident response.",
		Remediation: "Set tags: azure.Tags(settings) on the resource.",
		check:       standardTagsSet},
	{ID: "DIAG-001", Severity: Medium, Types: []string{keyVaultType, containerRegType, configStoreType, mlWorkspaceType},
		External: []string{"Azure.KeyVault.Logs", "Azure.ACR.AuditLogs", "Azure.ACR.Logs", "Azure.AppConfig.AuditLogs",
			"KICS 38c71c00"},
		Description: "Each Key Vault, container registry, App Configuration store and ML workspace must have a diagnostic setting sending its allLogs or audit category group (or its audit categories: AuditEvent; ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents; Audit) to a Log Analytics workspace. Medium: without it nobody can tell who read a secret, pulled an image or changed configuration.",
		Remediation: "Register the setting with internal/azdiag.Send(resource id, workspace id).",
		stack:       auditLogs},
	{ID: "PIP-002", Severity: Low, Types: []string{publicIPType},
		External:    []string{"Azure.PublicIP.IsAttached"},
		Description: "Every public IP address must be attached to the resource that uses it (referenced by its ARM id). Low: an unattached address is exposure and cost for nothing, and usually a leftover.",
		Remediation: "Reference the address from its gateway, NIC or load balancer, or remove it.",
		stack:       publicIPsAttached},
	{ID: "RBAC-003", Severity: Low, Types: []string{roleAssignmentType},
		External:    []string{"Azure.RBAC.UseGroups"},
		Description: "Role assignments must name a service principal or a group (principalType ServicePrincipal or Group; the SDK's default is User). Low: a grant to an individual user outlives the person's role and is reviewed nowhere; groups are.",
		Remediation: "Grant the role to a group (keyVaultSecretReaderGroupIds) or a workload identity; deploy from CI as a service principal (deployerPrincipalType).",
		check:       enum("principalType", "User", "ServicePrincipal", "Group")},
	{ID: "RBAC-004", Severity: Medium, Types: []string{roleAssignmentType},
		External:    []string{"KICS 77deea6a"},
		Description: "A role assignment scoped to a container registry must grant AcrPull only. Medium: push, delete or owner rights on the registry let the grantee replace the images the platform runs.",
		Remediation: "Grant AcrPull (7f951dda-4ed3-4680-a7ca-43fe172d538d) to consumers; give push rights to the CI identity outside this program.",
		check:       registryPullOnly},
}
