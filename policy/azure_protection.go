package policy

import (
	"fmt"
	"regexp"
	"strings"
)

// Issue 14, Azure open gaps: storage data protection and service logs, the trusted-services
// bypass, private subnets and Entra-only telemetry ingestion.

const (
	blobServicePropsType = "azure-native:storage:BlobServiceProperties"
	fileServicePropsType = "azure-native:storage:FileServiceProperties"
)

var azureProtectionRules = []Rule{
	{ID: "AST-012", Severity: Medium, Types: []string{storageAccountType, blobServicePropsType},
		External:    []string{"AVD-AZU-0056", "KICS 056d28cc", "Azure.Storage.SoftDelete"},
		Description: "Each storage account's blob service must keep deleted blobs recoverable (BlobServiceProperties deleteRetentionPolicy.enabled=true). Medium: without it a deleted or overwritten model, dataset or run output is gone at once.",
		Remediation: "Register azure-native:storage:BlobServiceProperties (blobServicesName default) with deleteRetentionPolicy {enabled: true, days: 7}.",
		stack:       serviceProperty(blobServicePropsType, "deleteRetentionPolicy.enabled")},
	{ID: "AST-013", Severity: Medium, Types: []string{storageAccountType, blobServicePropsType},
		External:    []string{"KICS 12ecec8a", "Azure.Storage.ContainerSoftDelete"},
		Description: "Each storage account's blob service must keep deleted containers recoverable (containerDeleteRetentionPolicy.enabled=true). Medium: deleting a container (e.g. the workspace's azureml-blobstore-*) otherwise deletes every blob in it for good.",
		Remediation: "Set containerDeleteRetentionPolicy {enabled: true, days: 7} on the account's BlobServiceProperties.",
		stack:       serviceProperty(blobServicePropsType, "containerDeleteRetentionPolicy.enabled")},
	{ID: "AST-014", Severity: Low, Types: []string{storageAccountType, blobServicePropsType},
		External:    []string{"KICS 0f437572"},
		Description: "Each storage account's blob service should keep previous blob versions (isVersioningEnabled=true). Low: an overwrite otherwise replaces data with no way back; soft delete covers deletes only.",
		Remediation: "Set isVersioningEnabled to true on the account's BlobServiceProperties.",
		stack:       serviceProperty(blobServicePropsType, "isVersioningEnabled")},
	{ID: "AST-015", Severity: Medium, Types: []string{storageAccountType, fileServicePropsType},
		External:    []string{"Azure.Storage.FileShareSoftDelete"},
		Description: "Each storage account's file service must keep deleted shares recoverable (FileServiceProperties shareDeleteRetentionPolicy.enabled=true). Medium: the ML workspace keeps its file store (notebooks, code snapshots) as a share on this account.",
		Remediation: "Register azure-native:storage:FileServiceProperties (fileServicesName default) with shareDeleteRetentionPolicy {enabled: true, days: 7}.",
		stack:       serviceProperty(fileServicePropsType, "shareDeleteRetentionPolicy.enabled")},
	{ID: "AST-016", Severity: Medium, Types: []string{storageAccountType, diagnosticSettingType},
		External:    []string{"CKV_AZURE_33", "AVD-AZU-0009", "AVD-AZU-0057", "KICS cddbdd74", "KICS 0d29e3cf"},
		Description: "Each storage account's file, queue and table services must send their StorageRead, StorageWrite and StorageDelete logs (or allLogs) to a Log Analytics workspace, and every diagnostic setting on a storage service must log all three. Medium: an unused service is where unnoticed use would go; the file service holds the workspace's file store.",
		Remediation: "Register a diagnostic setting on ACCOUNT/fileServices/default, /queueServices/default and /tableServices/default with workspaceId and those categories (azdiag.SendStorageService).",
		stack:       serviceLogs("file", "queue", "table")},
	{ID: "VNET-002", Severity: Medium, Types: []string{azureSubnetType},
		External:    []string{"Azure.VNET.PrivateSubnet"},
		Description: "Every Azure subnet must be private (defaultOutboundAccess=false), except GatewaySubnet, the Azure Firewall and Bastion subnets and delegated subnets, whose outbound access the service manages. Medium: otherwise anything placed in it reaches the internet through an implicit Microsoft-owned IP that no NSG or route names.",
		Remediation: "Set defaultOutboundAccess to false (network API 2023-05-01 or later) and give the subnet an explicit egress (NAT gateway, firewall) only if it needs one.",
		check:       privateSubnet},
}

// privateSubnetExempt are the subnets PSRule's Azure.VNET.PrivateSubnet excludes (Azure.VNET.Rule.ps1,
// AZR-000447): platform-managed gateway, firewall and Bastion subnets.
var privateSubnetExempt = []string{"GatewaySubnet", "AzureFirewallSubnet", "AzureFirewallManagementSubnet", "AzureBastionSubnet"}

// privateSubnet: delegated subnets are exempt ("Private subnets aren't applicable to delegated or
// managed subnets used for hosting PaaS services", learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access).
func privateSubnet(r Resource) []string {
	name, delegations := get(r.Inputs, "subnetName"), get(r.Inputs, "delegations")
	if name.Unknown() || delegations.Unknown() || oneOf(name.Text(), privateSubnetExempt...) || len(delegations.Array()) > 0 {
		return nil
	}
	return isFalse("defaultOutboundAccess")(r)
}

// serviceProperty checks a storage service's properties resource (typ, joined to its account on
// accountName): each one present must have path true, and each storage account needs one.
func serviceProperty(typ, path string) func(stack) []violation {
	return func(st stack) []violation {
		var out []violation
		covered, unknown := map[string]bool{}, false
		for _, r := range st.resources {
			if typeKey(r.Type) != typ {
				continue
			}
			for _, msg := range isTrue(path)(r) {
				out = append(out, violation{URN: r.URN, Type: r.Type, Name: r.Name, Message: msg})
			}
			account := get(r.Inputs, "accountName")
			if account.Unknown() {
				unknown = true
				continue
			}
			covered[strings.ToLower(account.Text())] = true
		}
		for _, r := range st.resources {
			name := get(r.Inputs, "accountName")
			if typeKey(r.Type) != storageAccountType || unknown || name.Unknown() || covered[strings.ToLower(name.Text())] {
				continue
			}
			out = append(out, violation{URN: r.URN, Type: r.Type, Name: r.Name, Message: fmt.Sprintf(
				"no %s resource for %s sets %s to true", typ, name.Text(), path)})
		}
		return out
	}
}

var storageServiceURI = regexp.MustCompile(`(?i)/providers/Microsoft\.Storage/storageAccounts/([^/]+)/(blob|file|queue|table)Services/default$`)

// serviceLogs: every diagnostic setting on one of services must send read, write and delete
// logs to a workspace, and each storage account needs such a setting on each of services.
func serviceLogs(services ...string) func(stack) []violation {
	return func(st stack) []violation {
		var out []violation
		logged, unknown := map[string]bool{}, false
		for _, r := range st.resources {
			if typeKey(r.Type) != diagnosticSettingType {
				continue
			}
			uri := get(r.Inputs, "resourceUri")
			if uri.Unknown() {
				unknown = true
				continue
			}
			m := storageServiceURI.FindStringSubmatch(uri.Text())
			if m == nil || !oneOf(m[2], services...) {
				continue
			}
			if nonEmpty("workspaceId")(r) != nil || !logsReadWriteDelete(get(r.Inputs, "logs").Array()) {
				out = append(out, violation{URN: r.URN, Type: r.Type, Name: r.Name, Message: fmt.Sprintf(
					"the diagnostic setting on %s does not send StorageRead, StorageWrite and StorageDelete to a workspace", uri.Text())})
				continue
			}
			logged[strings.ToLower(m[1]+"/"+m[2])] = true
		}
		for _, r := range st.resources {
			name := get(r.Inputs, "accountName")
			if typeKey(r.Type) != storageAccountType || unknown || name.Unknown() {
				continue
			}
			for _, svc := range services {
				if !logged[strings.ToLower(name.Text()+"/"+svc)] {
					out = append(out, violation{URN: r.URN, Type: r.Type, Name: r.Name, Message: fmt.Sprintf(
						"no diagnostic setting sends the read, write and delete logs of %s/%sServices/default to a Log Analytics workspace", name.Text(), svc)})
				}
			}
		}
		return out
	}
}
