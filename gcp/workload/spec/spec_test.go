package spec

import (
	"strings"
	"testing"

	"github.com/example/mlplatform/kit"
)

// The binding's id names the account, the role and the member, so two bindings differing in
// any one of them get different ids.
func TestServiceAccountIAMMemberMock(t *testing.T) {
	in := map[string]interface{}{"serviceAccountId": "projects/p-1/serviceAccounts/sa@p-1.iam.gserviceaccount.com",
		"role": "roles/iam.workloadIdentityUser", "member": "serviceAccount:p-1.svc.id.goog[inference/inference-api]"}
	id, out := serviceAccountIAMMember(kit.MockRequest{Name: "wi-user", In: in})
	want := "projects/p-1/serviceAccounts/sa@p-1.iam.gserviceaccount.com/roles/iam.workloadIdentityUser/serviceAccount:p-1.svc.id.goog[inference/inference-api]"
	if id != want {
		t.Errorf("id = %q, want %q", id, want)
	}
	if e, _ := out["etag"].(string); len(e) != 12 || !strings.HasPrefix(e, "BwY") {
		t.Errorf("etag = %v, want BwY and 9 characters", out["etag"])
	}
	in["member"] = "serviceAccount:p-1.svc.id.goog[inference/other]"
	if other, _ := serviceAccountIAMMember(kit.MockRequest{Name: "wi-user", In: in}); other == id {
		t.Errorf("a different member got the same id %q", id)
	}
}

// The federated credential lives under its application; its credential id is its id's tail.
func TestFederatedCredentialMock(t *testing.T) {
	id, out := federatedCredential(kit.MockRequest{Name: "workload-entra-federation", In: map[string]interface{}{"applicationId": "/applications/x"}})
	cred, _ := out["credentialId"].(string)
	if cred == "" || id != "/applications/x/federatedIdentityCredential/"+cred {
		t.Errorf("id %q, credentialId %q", id, cred)
	}
}

// Every type the component mocks also has a creation time, and only those.
func TestMockedTypesHaveCreateTimes(t *testing.T) {
	for token := range Component.Mocks {
		if _, ok := Component.CreateTimes[token]; !ok {
			t.Errorf("%s is mocked but has no creation time", token)
		}
	}
	if len(Component.CreateTimes) != len(Component.Mocks) {
		t.Errorf("%d creation times for %d mocked types", len(Component.CreateTimes), len(Component.Mocks))
	}
}
