// Package spec is what the tooling knows about the secrets component (the Key Vault and the
// secrets in it): its policy rules with their cases, the offline plan's mock responders and
// typical creation times. It imports only kit, so the policy engine, the mocks and the plan
// gather it (through the list in package components) without linking any cloud SDK.
package spec

import (
	"time"

	"github.com/example/mlplatform/kit"
)

// The type tokens this component registers.
const (
	VaultType  = "azure-native:keyvault:Vault"
	SecretType = "azure-native:keyvault:Secret"
)

// Component is the secrets component as the tooling sees it.
var Component = kit.Component{
	Name:  "secrets",
	Rules: append(vaultRules(), secretRules()...),
	Mocks: map[string]kit.Mock{
		VaultType:  {ARMPath: "Microsoft.KeyVault/vaults/{vaultName*}", Extra: vaultOutputs},
		SecretType: {ARMPath: "Microsoft.KeyVault/vaults/{vaultName}/secrets/{secretName*}", Extra: secretOutputs},
	},
	CreateTimes: map[string]time.Duration{
		// Estimate: ARM create is quick; azurerm's longer waits (data-plane DNS polling) are the
		// Terraform provider's, not azure-native's.
		VaultType: 30 * time.Second,
		// Estimate: synchronous management-plane write of one secret.
		SecretType: 3 * time.Second,
	},
}

// vaultOutputs echoes the vault's properties and adds the data-plane address ARM returns.
func vaultOutputs(req kit.MockRequest, id, name string) map[string]interface{} {
	props, _ := req.In["properties"].(map[string]interface{})
	out := map[string]interface{}{}
	for k, v := range props {
		out[k] = v
	}
	out["vaultUri"] = "https://" + name + ".vault.azure.net/"
	return map[string]interface{}{"properties": out}
}

// secretOutputs echoes a secret's properties but its value (ARM never returns it) and adds
// its addresses, the versioned one derived from the id so plans stay byte-identical.
func secretOutputs(req kit.MockRequest, id, name string) map[string]interface{} {
	props, _ := req.In["properties"].(map[string]interface{})
	out := map[string]interface{}{}
	for k, v := range props {
		if k != "value" {
			out[k] = v
		}
	}
	base := "https://" + kit.Str(req.In, "vaultName") + ".vault.azure.net/secrets/" + name
	out["secretUri"] = base
	out["secretUriWithVersion"] = base + "/" + kit.Hash("version", id)[:32]
	return map[string]interface{}{"properties": out}
}
