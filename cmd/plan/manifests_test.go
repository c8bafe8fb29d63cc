package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/plan"
	"github.com/example/mlplatform/settings"
)

// -manifests writes one YAML file per Kubernetes object the stack registers, each a
// well-formed object, with no secret value in any file.
func TestManifestsFlag(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "manifests")
	if _, errOut, code := planAt(t, "-stack", "prod", "-manifests", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := plan.Run(stacktest.Root(), "prod", time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, r := range r.Resources {
		if strings.HasPrefix(r.Type, "kubernetes:") && r.Custom {
			want++
		}
	}
	if len(files) != want || want == 0 {
		t.Fatalf("%d files, want one per Kubernetes object (%d)", len(files), want)
	}
	kinds := map[string]int{}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), settings.OfflineExamples["iapOAuthClientSecret"]) {
			t.Errorf("%s holds the OAuth client secret", f.Name())
		}
		var obj struct {
			APIVersion string `yaml:"apiVersion"`
			Kind       string
			Metadata   struct{ Name, Namespace string }
		}
		if err := yaml.Unmarshal(data, &obj); err != nil || obj.APIVersion == "" || obj.Kind == "" || obj.Metadata.Name == "" {
			t.Errorf("%s: %v; apiVersion %q kind %q name %q", f.Name(), err, obj.APIVersion, obj.Kind, obj.Metadata.Name)
		}
		kinds[obj.Kind]++
	}
	// A Pulumi patch is written as the kind it patches; the core group as v1.
	if kinds["ServiceAccountPatch"] != 0 || kinds["Secret"] != 1 || kinds["Deployment"] != 2 {
		t.Errorf("kinds %v: want ServiceAccount for the patches, one Secret, two Deployments", kinds)
	}
	secret, err := os.ReadFile(filepath.Join(dir, "secret-inference-ingress-iap-oauth-client.yaml"))
	if err != nil || !strings.Contains(string(secret), "apiVersion: v1\n") || !strings.Contains(string(secret), "key: '[secret]'") {
		t.Errorf("the Secret keeps its keys, hides its values and is core v1: %s %v", secret, err)
	}
}
