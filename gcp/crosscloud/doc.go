// Package crosscloud builds the Google end of the private path to Azure: an HA VPN gateway,
// the Azure gateway as an external VPN gateway, a Cloud Router with BGP over IKEv2 tunnels,
// and private Cloud DNS forwarding zones for the services' public zones. What the tooling
// knows about it (its rule, mocks and creation times) is in spec/.
package crosscloud
