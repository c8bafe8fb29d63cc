package mocks

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/example/mlplatform/components"
)

// armPath registers an azure-native type whose ARM id follows template. Placeholders name
// inputs ({vaultName}); the one marked with * is this resource's own name, auto-named from
// the logical name when the input is absent. Templates without a leading "/" hang below the
// resource group's providers path.
func armPath(token, template string, extra func(req Request, id, name string) map[string]interface{}) {
	register(token, func(req Request) (string, map[string]interface{}) {
		ownName := ""
		path := placeholder.ReplaceAllStringFunc(template, func(ph string) string {
			key := strings.Trim(ph, "{}*")
			if key == "subscriptionId" {
				return SubscriptionID
			}
			if strings.HasSuffix(ph, "*}") {
				ownName = autoName(req.Name, req.In, key)
				if key == "roleAssignmentName" && str(req.In, key) == "" {
					ownName = GUID("roleAssignment", req.Name) // ARM wants a GUID here
				}
				return ownName
			}
			return str(req.In, key)
		})
		id := path
		if !strings.HasPrefix(template, "/") && !strings.HasPrefix(template, "{") {
			id = fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/%s", SubscriptionID,
				str(req.In, "resourceGroupName"), path)
		}
		computed := map[string]interface{}{"name": ownName, "type": armType(token)}
		if loc := str(req.In, "location"); loc == "" {
			computed["location"] = req.Config["azure-native:location"]
		}
		if extra != nil {
			for k, v := range extra(req, id, ownName) {
				computed[k] = v
			}
		}
		return id, computed
	})
}

var placeholder = regexp.MustCompile(`\{[A-Za-z]+\*?\}`)

// armType turns azure-native:keyvault:Vault into Microsoft.Keyvault/Vault-like display text.
func armType(token string) string {
	parts := strings.Split(token, ":")
	return "Microsoft." + strings.Split(parts[1], "/")[0] + "/" + parts[2]
}

func init() {
	// The components' own responders, from the one list of components.
	for _, c := range components.All() {
		for token, m := range c.Mocks {
			if m.Provision != nil {
				register(token, m.Provision)
				continue
			}
			armPath(token, m.ARMPath, m.Extra)
		}
	}
	armPath("azure-native:authorization:RoleAssignment", "{scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName*}",
		func(Request, string, string) map[string]interface{} {
			return map[string]interface{}{"createdOn": RoleAssignmentCreatedOn}
		})

	// Every read is authorized: the mocked deployer's grants are effective, so the program's
	// wait for them (azure/appconfig/appconfig.go) ends at the first answer. The value is never bound.
	registerInvoke("azure-native:appconfiguration/v20240501:getKeyValue", func(args map[string]interface{}) map[string]interface{} {
		name, _ := args["keyValueName"].(string)
		key, label, _ := strings.Cut(name, "$")
		return map[string]interface{}{"name": name, "key": key, "label": label}
	})

	registerInvoke("azure-native:authorization:getClientConfig", func(map[string]interface{}) map[string]interface{} {
		return map[string]interface{}{"clientId": DeployerClientID, "objectId": DeployerObjectID,
			"subscriptionId": SubscriptionID, "tenantId": TenantID}
	})
}
