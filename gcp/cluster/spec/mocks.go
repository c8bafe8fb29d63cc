package spec

import (
	"encoding/base64"
	"fmt"

	"github.com/example/mlplatform/kit"
)

// What the mocked control plane and nodes run, and where Compute Engine links point.
const (
	gkeVersion       = "1.30.5-gke.1014001"
	computeAPIPrefix = "https://www.googleapis.com/compute/v1/"
)

// The responders follow the shapes the Google provider returns (resource names as ids,
// computed outputs derived from the inputs and the provider's gcp:project default), so the
// offline plan's outputs read like a real preview's.

func cluster(req kit.MockRequest) (string, map[string]interface{}) {
	p, name, loc := kit.GCPProject(req), kit.AutoName(req, "name"), kit.Str(req.In, "location")
	id := fmt.Sprintf("projects/%s/locations/%s/clusters/%s", p, loc, name)
	endpoint := kit.IPFrom("endpoint", id)
	private, _ := req.In["privateClusterConfig"].(map[string]interface{})
	masterCIDR, _ := private["masterIpv4CidrBlock"].(string)
	return id, map[string]interface{}{
		"name": name, "project": p, "location": loc,
		"endpoint":         endpoint,
		"selfLink":         "https://container.googleapis.com/v1/" + id,
		"masterVersion":    gkeVersion,
		"labelFingerprint": kit.Hash("labels", id)[:8],
		"masterAuth":       kit.Merged(req.In, "masterAuth", map[string]interface{}{"clusterCaCertificate": fakeCA(id)}),
		"privateClusterConfig": kit.Merged(req.In, "privateClusterConfig", map[string]interface{}{
			"privateEndpoint": kit.HostIn(masterCIDR, 2),
			"publicEndpoint":  endpoint,
			"peeringName":     "gke-n" + kit.Hash("peering", id)[:16] + "-peer",
		}),
	}
}

func nodePool(req kit.MockRequest) (string, map[string]interface{}) {
	p, name, loc := kit.GCPProject(req), kit.AutoName(req, "name"), kit.Str(req.In, "location")
	cluster := kit.Str(req.In, "cluster")
	group := fmt.Sprintf("%sprojects/%s/zones/%s/instanceGroupManagers/gke-%s-%s-grp", computeAPIPrefix, p, loc, cluster, kit.Hash("mig", name)[:8])
	return fmt.Sprintf("%s/%s/%s/%s", p, loc, cluster, name), map[string]interface{}{
		"name": name, "project": p, "version": gkeVersion,
		"instanceGroupUrls": []interface{}{group}, "managedInstanceGroupUrls": []interface{}{group},
	}
}

func keyRing(req kit.MockRequest) (string, map[string]interface{}) {
	p, name := kit.GCPProject(req), kit.AutoName(req, "name")
	return fmt.Sprintf("projects/%s/locations/%s/keyRings/%s", p, kit.Str(req.In, "location"), name),
		map[string]interface{}{"name": name, "project": p}
}

func cryptoKey(req kit.MockRequest) (string, map[string]interface{}) {
	name := kit.AutoName(req, "name")
	id := kit.Str(req.In, "keyRing") + "/cryptoKeys/" + name
	return id, map[string]interface{}{"name": name,
		"primaries": []interface{}{map[string]interface{}{"name": id + "/cryptoKeyVersions/1", "state": "ENABLED"}}}
}

// keyMember is a grant on one key: the provider's id is key/role/member, with the policy's etag.
func keyMember(req kit.MockRequest) (string, map[string]interface{}) {
	id := kit.Str(req.In, "cryptoKeyId") + "/" + kit.Str(req.In, "role") + "/" + kit.Str(req.In, "member")
	return id, map[string]interface{}{"etag": "BwY" + kit.Hash("etag", id)[:9]}
}

func repository(req kit.MockRequest) (string, map[string]interface{}) {
	p, loc, id := kit.GCPProject(req), kit.Str(req.In, "location"), kit.Str(req.In, "repositoryId")
	return fmt.Sprintf("projects/%s/locations/%s/repositories/%s", p, loc, id), map[string]interface{}{"project": p, "name": id}
}

// binauthzPolicy is the project's singleton policy: its id is the project.
func binauthzPolicy(req kit.MockRequest) (string, map[string]interface{}) {
	p := kit.GCPProject(req)
	return "projects/" + p, map[string]interface{}{"project": p}
}

// fakeCA is a syntactically valid base64 PEM block; no key material behind it.
func fakeCA(seed string) string {
	body := base64.StdEncoding.EncodeToString([]byte("mock cluster CA " + kit.Hash("ca", seed)))
	return base64.StdEncoding.EncodeToString([]byte("-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n"))
}
