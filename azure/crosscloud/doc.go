// Package crosscloud builds the Azure end of the cross-cloud link to GKE; spec/ is what the
// tooling knows about it (rules, mocks, creation times).
package crosscloud
