package kit

import "regexp"

// The one table of ARM naming rules, by type token: settings derives its checks of the names
// the configuration produces from it (an error before anything is registered), and policy's
// NAME rule checks every registered name against it.

// NameRule is the naming requirement of one resource type: the input the SDK sends the name
// in, its length and character set.
type NameRule struct {
	Input    string
	Min, Max int
	Pattern  *regexp.Regexp
	Allowed  string // the character rule, in words
}

// Valid reports whether name meets the rule.
func (r NameRule) Valid(name string) bool {
	return len(name) >= r.Min && len(name) <= r.Max && r.Pattern.MatchString(name)
}

// networkName is the rule Microsoft.Network gives most of its resources: alphanumerics,
// underscores, periods and hyphens, starting with an alphanumeric and ending with an
// alphanumeric or underscore.
var networkName = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$`)

const networkChars = "alphanumerics, underscores, periods and hyphens; start with an alphanumeric, end with an alphanumeric or underscore"

// ARMNames are the requirements of Microsoft Learn, "Naming rules and restrictions for Azure
// resources" (https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules),
// per resource provider section. Where PSRule for Azure's Azure.*.Name rule
// (github.com/Azure/PSRule.Rules.Azure, src/PSRule.Rules.Azure/rules) is stricter than the page,
// the stricter one is used, so a name that passes here passes both: App Configuration (the page
// also allows underscores; PSRule wants alphanumerics and hyphens, alphanumeric at both ends),
// Application Insights (the page allows 1-260 of anything but %&\?/ and control characters;
// PSRule wants 1-255 alphanumerics, periods, underscores, hyphens and parentheses) and private
// endpoints (absent from the page; PSRule's 2-64). Resource groups: ASCII only here (the page
// also allows Unicode letters).
var ARMNames = map[string]NameRule{
	"azure-native:keyvault:Vault": {"vaultName", 3, 24, regexp.MustCompile(`^[A-Za-z](-?[A-Za-z0-9])*$`),
		"alphanumerics and hyphens; start with a letter, end with a letter or digit, no consecutive hyphens"},
	"azure-native:keyvault:Secret": {"secretName", 1, 127, regexp.MustCompile(`^[A-Za-z0-9-]+$`), "alphanumerics and hyphens"},
	// Checkov CKV_AZURE_43 checks the same: ^[a-z0-9]{3,24}$.
	"azure-native:storage:StorageAccount":     {"accountName", 3, 24, regexp.MustCompile(`^[a-z0-9]+$`), "lowercase letters and numbers"},
	"azure-native:containerregistry:Registry": {"registryName", 5, 50, regexp.MustCompile(`^[A-Za-z0-9]+$`), "alphanumerics"},
	"azure-native:appconfiguration:ConfigurationStore": {"configStoreName", 5, 50, regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$`),
		"alphanumerics and hyphens; start and end with an alphanumeric"},
	"azure-native:insights:Component": {"resourceName", 1, 255, regexp.MustCompile(`^[A-Za-z0-9._()-]*[A-Za-z0-9_()-]$`),
		"alphanumerics, periods, underscores, hyphens and parentheses; not ending with a period"},
	// Microsoft.MachineLearningServices/workspaces: 3-33, alphanumerics, underscores and hyphens,
	// starting with an alphanumeric (the same page).
	"azure-native:machinelearningservices:Workspace": {"workspaceName", 3, 33, regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`),
		"alphanumerics, underscores and hyphens; start with an alphanumeric"},
	"azure-native:operationalinsights:Workspace": {"workspaceName", 4, 63, regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$`),
		"alphanumerics and hyphens; start and end with an alphanumeric"},
	"azure-native:resources:ResourceGroup": {"resourceGroupName", 1, 90, regexp.MustCompile(`^[A-Za-z0-9_.()-]*[A-Za-z0-9_()-]$`),
		"alphanumerics, underscores, parentheses, hyphens and periods; not ending with a period"},
	"azure-native:network:VirtualNetwork":                  {"virtualNetworkName", 2, 64, networkName, networkChars},
	"azure-native:network:Subnet":                          {"subnetName", 1, 80, networkName, networkChars},
	"azure-native:network:PrivateEndpoint":                 {"privateEndpointName", 2, 64, networkName, networkChars},
	"azure-native:network:PublicIPAddress":                 {"publicIpAddressName", 1, 80, networkName, networkChars},
	"azure-native:network:VirtualNetworkGateway":           {"virtualNetworkGatewayName", 1, 80, networkName, networkChars},
	"azure-native:network:VirtualNetworkGatewayConnection": {"virtualNetworkGatewayConnectionName", 1, 80, networkName, networkChars},
}
