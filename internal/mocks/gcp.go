package mocks

import (
	"encoding/base64"
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"github.com/example/mlplatform/kit"
)

// GCP ids and computed outputs follow the shapes the Google provider returns (resource
// names as ids, compute self links, service-account emails), derived from the inputs and
// the provider's gcp:project / gcp:region defaults.

const computeAPI = "https://www.googleapis.com/compute/v1/"

func gcpProject(req Request) string {
	if p := str(req.In, "project"); p != "" {
		return p
	}
	return req.Config["gcp:project"]
}

func gcpRegion(req Request) string {
	if r := str(req.In, "region"); r != "" {
		return r
	}
	return req.Config["gcp:region"]
}

// digits returns n stable decimal digits (no leading zero), like GCP numeric ids.
func digits(n int, parts ...string) string { return kit.Digits(n, parts...) }

// ipFrom derives a stable public-looking IPv4 address in 34.0.0.0/8 (Google's range).
func ipFrom(parts ...string) string {
	h := Hash(parts...)
	var b [3]uint64
	for i := range b {
		b[i], _ = strconv.ParseUint(h[2*i:2*i+2], 16, 8)
	}
	return fmt.Sprintf("34.%d.%d.%d", b[0], b[1], max(b[2], 2))
}

// hostIn returns the n-th address of the prefix (the gateway is the first host).
func hostIn(cidr string, n int) string {
	p, err := netip.ParsePrefix(cidr)
	if err != nil {
		return ""
	}
	a := p.Masked().Addr()
	for range n {
		a = a.Next()
	}
	return a.String()
}

// merged copies an object input and adds computed fields, as a provider's state does.
func merged(in map[string]interface{}, key string, add map[string]interface{}) map[string]interface{} {
	return kit.Merged(in, key, add)
}

// fakeCA is a syntactically valid base64 PEM block; no key material behind it.
func fakeCA(seed string) string {
	body := base64.StdEncoding.EncodeToString([]byte("mock cluster CA " + Hash("ca", seed)))
	return base64.StdEncoding.EncodeToString([]byte("-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n"))
}

// init registers the GCP mocks, one area at a time.
func init() {
	registerGCPProjectMocks()
	registerGCPNetworkMocks()
	registerGCPIdentityMocks()
	registerGKEMocks()
	registerGKEHubMocks()
}

// registerGCPProjectMocks registers the project-level services: Artifact Registry, Binary
// Authorization and API enablement.
func registerGCPProjectMocks() {
	register("gcp:artifactregistry/repository:Repository", func(req Request) (string, map[string]interface{}) {
		p, loc, id := gcpProject(req), str(req.In, "location"), str(req.In, "repositoryId")
		name := fmt.Sprintf("projects/%s/locations/%s/repositories/%s", p, loc, id)
		return name, map[string]interface{}{"project": p, "name": id}
	})

	register("gcp:binaryauthorization/policy:Policy", func(req Request) (string, map[string]interface{}) {
		p := gcpProject(req)
		return "projects/" + p, map[string]interface{}{"project": p}
	})

	register("gcp:projects/service:Service", func(req Request) (string, map[string]interface{}) {
		p := gcpProject(req)
		return p + "/" + str(req.In, "service"), map[string]interface{}{"project": p}
	})
}

// registerGCPNetworkMocks registers the VPC network, subnetwork, Cloud Router and Cloud NAT.
func registerGCPNetworkMocks() {
	register("gcp:compute/network:Network", func(req Request) (string, map[string]interface{}) {
		p, name := gcpProject(req), autoName(req.Name, req.In, "name")
		id := fmt.Sprintf("projects/%s/global/networks/%s", p, name)
		return id, map[string]interface{}{"name": name, "project": p, "selfLink": computeAPI + id,
			"numericId": digits(19, "network", id), "gatewayIpv4": ""}
	})
	register("gcp:compute/subnetwork:Subnetwork", func(req Request) (string, map[string]interface{}) {
		p, r, name := gcpProject(req), gcpRegion(req), autoName(req.Name, req.In, "name")
		id := fmt.Sprintf("projects/%s/regions/%s/subnetworks/%s", p, r, name)
		return id, map[string]interface{}{"name": name, "project": p, "region": r, "selfLink": computeAPI + id,
			"gatewayAddress": hostIn(str(req.In, "ipCidrRange"), 1), "fingerprint": Hash("fp", id)[:12]}
	})
	register("gcp:compute/router:Router", func(req Request) (string, map[string]interface{}) {
		p, r, name := gcpProject(req), gcpRegion(req), autoName(req.Name, req.In, "name")
		id := fmt.Sprintf("projects/%s/regions/%s/routers/%s", p, r, name)
		return id, map[string]interface{}{"name": name, "project": p, "region": r, "selfLink": computeAPI + id}
	})
	register("gcp:compute/routerNat:RouterNat", func(req Request) (string, map[string]interface{}) {
		p, r, name := gcpProject(req), gcpRegion(req), autoName(req.Name, req.In, "name")
		return fmt.Sprintf("%s/%s/%s/%s", p, r, str(req.In, "router"), name),
			map[string]interface{}{"name": name, "project": p, "region": r}
	})
}

// registerGCPIdentityMocks registers Cloud KMS, the IAM member bindings and service accounts.
func registerGCPIdentityMocks() {
	register("gcp:kms/keyRing:KeyRing", func(req Request) (string, map[string]interface{}) {
		p, name := gcpProject(req), autoName(req.Name, req.In, "name")
		return fmt.Sprintf("projects/%s/locations/%s/keyRings/%s", p, str(req.In, "location"), name),
			map[string]interface{}{"name": name, "project": p}
	})
	register("gcp:kms/cryptoKey:CryptoKey", func(req Request) (string, map[string]interface{}) {
		name := autoName(req.Name, req.In, "name")
		id := str(req.In, "keyRing") + "/cryptoKeys/" + name
		return id, map[string]interface{}{"name": name,
			"primaries": []interface{}{map[string]interface{}{"name": id + "/cryptoKeyVersions/1", "state": "ENABLED"}}}
	})
	iamMember := func(scopeKey string) provisioner {
		return func(req Request) (string, map[string]interface{}) {
			scope := str(req.In, scopeKey)
			if scopeKey == "project" {
				scope = gcpProject(req)
			}
			id := scope + "/" + str(req.In, "role") + "/" + str(req.In, "member")
			out := map[string]interface{}{"etag": "BwY" + Hash("etag", id)[:9]}
			if scopeKey == "project" {
				out["project"] = scope
			}
			return id, out
		}
	}
	register("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", iamMember("cryptoKeyId"))
	register("gcp:projects/iAMMember:IAMMember", iamMember("project"))
	register("gcp:serviceaccount/iAMMember:IAMMember", iamMember("serviceAccountId"))

	register("gcp:serviceaccount/account:Account", func(req Request) (string, map[string]interface{}) {
		p := gcpProject(req)
		email := fmt.Sprintf("%s@%s.iam.gserviceaccount.com", str(req.In, "accountId"), p)
		id := fmt.Sprintf("projects/%s/serviceAccounts/%s", p, email)
		return id, map[string]interface{}{"project": p, "email": email, "name": id,
			"member": "serviceAccount:" + email, "uniqueId": digits(21, "sa", email)}
	})
}

// registerGKEMocks registers the GKE cluster and its node pools.
func registerGKEMocks() {
	register("gcp:container/cluster:Cluster", func(req Request) (string, map[string]interface{}) {
		p, name, loc := gcpProject(req), autoName(req.Name, req.In, "name"), str(req.In, "location")
		id := fmt.Sprintf("projects/%s/locations/%s/clusters/%s", p, loc, name)
		endpoint := ipFrom("endpoint", id)
		return id, map[string]interface{}{
			"name": name, "project": p, "location": loc,
			"endpoint":         endpoint,
			"selfLink":         "https://container.googleapis.com/v1/" + id,
			"masterVersion":    "1.30.5-gke.1014001",
			"labelFingerprint": Hash("labels", id)[:8],
			"masterAuth":       merged(req.In, "masterAuth", map[string]interface{}{"clusterCaCertificate": fakeCA(id)}),
			"privateClusterConfig": merged(req.In, "privateClusterConfig", map[string]interface{}{
				"privateEndpoint": hostIn(nested(req.In, "privateClusterConfig", "masterIpv4CidrBlock"), 2),
				"publicEndpoint":  endpoint,
				"peeringName":     "gke-n" + Hash("peering", id)[:16] + "-peer",
			}),
		}
	})
	register("gcp:container/nodePool:NodePool", func(req Request) (string, map[string]interface{}) {
		p, name, loc := gcpProject(req), autoName(req.Name, req.In, "name"), str(req.In, "location")
		cluster := str(req.In, "cluster")
		group := fmt.Sprintf("%sprojects/%s/zones/%s/instanceGroupManagers/gke-%s-%s-grp", computeAPI, p, loc, cluster, Hash("mig", name)[:8])
		return fmt.Sprintf("%s/%s/%s/%s", p, loc, cluster, name), map[string]interface{}{
			"name": name, "project": p, "version": "1.30.5-gke.1014001",
			"instanceGroupUrls": []interface{}{group}, "managedInstanceGroupUrls": []interface{}{group},
		}
	})
}

// registerGKEHubMocks answers projects.GetProject (the fleet's own types answer from the mesh
// component's spec, gcp/mesh/spec).
func registerGKEHubMocks() {
	// projects.GetProject: a list filtered by "id:<project>"; only the stack's project exists.
	registerInvoke("gcp:projects/getProject:getProject", func(args map[string]interface{}) map[string]interface{} {
		filter := str(args, "filter")
		var found []interface{}
		if id, ok := strings.CutPrefix(filter, "id:"); ok && id != "" && !strings.ContainsAny(id, " *") {
			found = append(found, map[string]interface{}{
				"projectId": id, "number": GCPProjectNumber, "name": id, "lifecycleState": "ACTIVE",
				"labels": map[string]interface{}{}, "parent": map[string]interface{}{},
			})
		}
		return map[string]interface{}{"id": "projects", "filter": filter, "projects": found}
	})
}
