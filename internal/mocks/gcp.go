package mocks

import (
	"fmt"
	"strings"

	"github.com/example/mlplatform/kit"
)

// GCP ids and computed outputs follow the shapes the Google provider returns (resource
// names as ids, compute self links, service-account emails), derived from the inputs and
// the provider's gcp:project / gcp:region defaults.

const computeAPI = "https://www.googleapis.com/compute/v1/"

func gcpProject(req Request) string { return kit.GCPProject(req) }

func gcpRegion(req Request) string {
	if r := str(req.In, "region"); r != "" {
		return r
	}
	return req.Config["gcp:region"]
}

// digits returns n stable decimal digits (no leading zero), like GCP numeric ids.
func digits(n int, parts ...string) string { return kit.Digits(n, parts...) }

// ipFrom, hostIn and merged are kit's, shared with the components' responders.
func ipFrom(parts ...string) string { return kit.IPFrom(parts...) }

func hostIn(cidr string, n int) string { return kit.HostIn(cidr, n) }

func merged(in map[string]interface{}, key string, add map[string]interface{}) map[string]interface{} {
	return kit.Merged(in, key, add)
}

// init registers the GCP mocks, one area at a time.
func init() {
	registerGCPProjectMocks()
	registerGCPNetworkMocks()
	registerGCPIdentityMocks()
	registerGKEHubMocks()
}

// registerGCPProjectMocks registers API enablement.
func registerGCPProjectMocks() {
	register("gcp:projects/service:Service", func(req Request) (string, map[string]interface{}) {
		p := gcpProject(req)
		return p + "/" + str(req.In, "service"), map[string]interface{}{"project": p}
	})
}

// registerGCPNetworkMocks registers the Cloud Router, which the network and the cross-cloud
// link both register (the VPC, subnet and Cloud NAT answer from gcp/network/spec).
func registerGCPNetworkMocks() {
	register("gcp:compute/router:Router", func(req Request) (string, map[string]interface{}) {
		p, r, name := gcpProject(req), gcpRegion(req), autoName(req.Name, req.In, "name")
		id := fmt.Sprintf("projects/%s/regions/%s/routers/%s", p, r, name)
		return id, map[string]interface{}{"name": name, "project": p, "region": r, "selfLink": computeAPI + id}
	})
}

// registerGCPIdentityMocks registers the project IAM members and service accounts.
func registerGCPIdentityMocks() {
	// The service account's own bindings answer from the workload identity's spec
	// (gcp/workload/spec); the cluster registers project roles too.
	register("gcp:projects/iAMMember:IAMMember", func(req Request) (string, map[string]interface{}) {
		p := gcpProject(req)
		id := p + "/" + str(req.In, "role") + "/" + str(req.In, "member")
		return id, map[string]interface{}{"etag": "BwY" + Hash("etag", id)[:9], "project": p}
	})

	register("gcp:serviceaccount/account:Account", func(req Request) (string, map[string]interface{}) {
		p := gcpProject(req)
		email := fmt.Sprintf("%s@%s.iam.gserviceaccount.com", str(req.In, "accountId"), p)
		id := fmt.Sprintf("projects/%s/serviceAccounts/%s", p, email)
		return id, map[string]interface{}{"project": p, "email": email, "name": id,
			"member": "serviceAccount:" + email, "uniqueId": digits(21, "sa", email)}
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
