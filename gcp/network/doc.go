// Package network builds the platform's Google Cloud network: a custom-mode VPC, the GKE
// subnet with the pods' and services' secondary ranges, and a Cloud Router with Cloud NAT so
// private nodes reach the internet without external addresses. What the tooling knows about
// it (its rules, mocks and creation times) is in spec/.
package network
