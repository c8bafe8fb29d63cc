// Package entry is the microservice's IAP-protected way in: a reserved global address, a
// Google-managed certificate in a Certificate Manager map, the Cloud Armor and SSL policies,
// the IAP grants and, in the cluster, the mesh ingress gateway behind a GKE Gateway with its
// routes and backend policies. Its spec sub-package tells the tooling the component's rules,
// mock responders and creation times.
package entry
