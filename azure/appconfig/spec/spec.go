// Package spec is what the tooling knows about the App Configuration component (the store
// and its key-values): its policy rules with their cases, the offline plan's mock responders
// and typical creation times. It imports only kit; the component's resources are built by the
// parent folder's package appconfig.
package spec

import (
	"strings"
	"time"

	"github.com/example/mlplatform/kit"
)

// The type tokens this component registers (the hand-written bindings' versioned ones).
const (
	StoreType    = "azure-native:appconfiguration/v20240501:ConfigurationStore"
	KeyValueType = "azure-native:appconfiguration/v20240501:KeyValue"
	// KeyVaultRefContent marks a key-value as a Key Vault reference.
	KeyVaultRefContent = "application/vnd.microsoft.appconfig.keyvaultref+json;charset=utf-8"
)

// The rules' types: any API version (policy compares tokens without it).
const (
	storeRuleType    = "azure-native:appconfiguration:ConfigurationStore"
	keyValueRuleType = "azure-native:appconfiguration:KeyValue"
)

// Component is the App Configuration component as the tooling sees it.
var Component = kit.Component{
	Name:  "appconfig",
	Rules: append(storeRules(), keyValueRules()...),
	Mocks: map[string]kit.Mock{
		StoreType: {ARMPath: "Microsoft.AppConfiguration/configurationStores/{configStoreName*}", Extra: storeOutputs},
		KeyValueType: {ARMPath: "Microsoft.AppConfiguration/configurationStores/{configStoreName}/keyValues/{keyValueName*}",
			Extra: keyValueOutputs},
	},
	CreateTimes: map[string]time.Duration{
		// Estimate: async create of a Standard store, about a minute.
		StoreType: 60 * time.Second,
		// Estimate: synchronous write of one key-value.
		KeyValueType: 2 * time.Second,
	},
}

func storeOutputs(req kit.MockRequest, id, name string) map[string]interface{} {
	out := map[string]interface{}{"endpoint": "https://" + name + ".azconfig.io",
		"provisioningState": "Succeeded", "creationDate": kit.MockTimestamp}
	if identity := kit.MockIdentity(req, id); identity != nil {
		out["identity"] = identity
	}
	return out
}

// keyValueOutputs splits the ARM name "key$label" as the service reports it.
func keyValueOutputs(req kit.MockRequest, id, name string) map[string]interface{} {
	key, label, _ := strings.Cut(name, "$")
	return map[string]interface{}{"key": key, "label": label, "eTag": kit.Hash("etag", id)[:32],
		"locked": false, "lastModified": kit.MockTimestamp}
}
