package policy

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/example/mlplatform/azurenative"
)

// registeredToken is how every generated Pulumi Go SDK registers a resource type.
var registeredToken = regexp.MustCompile(`RegisterResource\("([a-z0-9-]+:[A-Za-z0-9/._-]*:[A-Za-z0-9]+)"`)

var (
	sdkTokensOnce sync.Once
	sdkTokenSet   map[string]bool
	sdkTokensErr  error
)

// sdkTokens are the resource type tokens of the provider SDKs this module requires, read from
// their sources in the module cache (every RegisterResource("token", …) call), plus the
// hand-written bindings of package azurenative. A rule pattern is checked against these, not
// against a hand-typed list, so a mistyped pattern cannot silently turn a rule off.
func sdkTokens(t *testing.T) map[string]bool {
	t.Helper()
	sdkTokensOnce.Do(func() {
		sdkTokenSet = map[string]bool{}
		for _, tok := range azurenative.Tokens() {
			sdkTokenSet[tok] = true
		}
		sdkTokensErr = scanModuleCache(sdkTokenSet)
	})
	if sdkTokensErr != nil {
		t.Fatalf("reading the SDK sources: %v", sdkTokensErr)
	}
	return sdkTokenSet
}

// providerModule matches the provider SDK requirements of go.mod ("path version").
var providerModule = regexp.MustCompile(`^\s*(github\.com/pulumi/pulumi-(?:azure-native-sdk|azuread|gcp|kubernetes|random)[^\s]*)\s+(v[^\s]+)`)

func scanModuleCache(into map[string]bool) error {
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		return err
	}
	cache := strings.TrimSpace(string(out))
	mod, err := os.ReadFile(filepath.Join("..", "go.mod"))
	if err != nil {
		return err
	}
	for _, line := range strings.Split(string(mod), "\n") {
		m := providerModule.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		dir := filepath.Join(cache, m[1]+"@"+m[2])
		if err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			return scanFile(path, into)
		}); err != nil {
			return err
		}
	}
	return nil
}

func scanFile(path string, into map[string]bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if line := sc.Text(); strings.Contains(line, "RegisterResource(\"") {
			if m := registeredToken.FindStringSubmatch(line); m != nil {
				into[m[1]] = true
			}
		}
	}
	return sc.Err()
}

// customResourceToken is the token pulumi-kubernetes gives an apiextensions.CustomResource:
// fmt.Sprintf("kubernetes:%s:%s", apiVersion, kind) (sdk/v4 v4.32.0,
// go/kubernetes/apiextensions/customResource.go), for a CRD's group (which has a dot) and
// version. No SDK source lists these kinds (they come from the CRDs the cluster installs), so
// the exact tokens are proven where they are created: cmd/plan's
// TestEveryRuleMatchesAPlannedResource requires every rule pattern to match a resource the
// real program registers under mocks.
var customResourceToken = regexp.MustCompile(`^kubernetes:[a-z0-9-]+(\.[a-z0-9-]+)+/v[0-9]+((alpha|beta)[0-9]+)?:[A-Z][A-Za-z0-9]+$`)

// knownToken reports whether tok is registered by an SDK or is a custom resource's token whose
// group the Kubernetes SDK does not type (a typed resource must use its typed token).
func knownToken(t *testing.T, tok string) bool {
	tokens := sdkTokens(t)
	if tokens[tok] {
		return true
	}
	if !customResourceToken.MatchString(tok) {
		return false
	}
	group := strings.SplitN(strings.TrimPrefix(tok, "kubernetes:"), "/", 2)[0]
	for known := range tokens {
		if strings.HasPrefix(known, "kubernetes:"+group+"/") {
			return false
		}
	}
	return true
}

func TestCustomResourceTokens(t *testing.T) {
	for tok, want := range map[string]bool{
		"kubernetes:gateway.networking.k8s.io/v1:Gateway":         true,
		"kubernetes:security.istio.io/v1beta1:PeerAuthentication": true,
		"kubernetes:networking.k8s.io/v1:NetworkPolicy":           true, // typed by the SDK
		"kubernetes:networking.k8s.io/v1:NetworkPolicyy":          false,
		"kubernetes:core/v1:Namespac":                             false,
		"kubernetes:gateway.networking.k8s.io/v1:gateway":         false,
	} {
		if got := knownToken(t, tok); got != want {
			t.Errorf("knownToken(%s) = %v, want %v", tok, got, want)
		}
	}
}

func TestSDKTokensAreRead(t *testing.T) {
	tokens := sdkTokens(t)
	for _, want := range []string{tVault, tCluster, tNodePool, tAppPassword, tProjMember, tSubnet, tStore, tWorkspace} {
		if !tokens[want] {
			t.Errorf("%s is not among the %d tokens read from the SDK sources", want, len(tokens))
		}
	}
}
