// Package workload builds the microservice's keyless identity: a Google service account the
// Kubernetes service account impersonates through Workload Identity, its project roles, and
// the Entra federated credential that trusts the same Kubernetes service account's tokens.
// What the tooling knows about it (mocks and creation times) is in spec/.
package workload
