package mocks

// The deployer, as the azuread provider reports it; the Entra types are the identity
// component's (identity/spec).
func init() {
	registerInvoke("azuread:index/getClientConfig:getClientConfig", func(map[string]interface{}) map[string]interface{} {
		return map[string]interface{}{"clientId": DeployerClientID, "objectId": DeployerObjectID,
			"tenantId": TenantID, "id": DeployerClientID}
	})
}
