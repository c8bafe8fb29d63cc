package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/example/mlplatform/internal/stacktest"
)

// planWithStackFile plans a copy of the project whose stack file is edit(original).
func planWithStackFile(t *testing.T, stack string, edit func(string) string) (string, int) {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"Pulumi.yaml", "Pulumi." + stack + ".yaml"} {
		b, err := os.ReadFile(filepath.Join(stacktest.Root(), name))
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if name != "Pulumi.yaml" {
			text = edit(text)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errOut strings.Builder
	code := run([]string{"-dir", dir, "-now", "2026-11-23", "-stack", stack}, &out, &errOut)
	return out.String() + errOut.String(), code
}

// The documented deployer of each stack reaches every plane the program writes to; a prod
// deployed from a GitHub-hosted runner cannot write the private store's key-values, and the
// plan says so, naming the resources and the missing path.
func TestReachabilityFollowsWhereTheDeployerRuns(t *testing.T) {
	for _, stack := range []string{"dev", "prod"} {
		out, code := planWithStackFile(t, stack, func(s string) string { return s })
		if code != 0 || strings.Contains(out, "HIGH   DEP-001") {
			t.Errorf("%s with its documented deployer: exit %d\n%s", stack, code, out)
		}
	}
	out, code := planWithStackFile(t, "prod", func(s string) string {
		return strings.Replace(s, "mlplatform:deployerNetwork: private-runner", "mlplatform:deployerNetwork: github-hosted", 1)
	})
	if code != 1 {
		t.Fatalf("prod from a GitHub-hosted runner: exit %d, want 1 (blocking finding)\n%s", code, out)
	}
	for _, want := range []string{"HIGH   DEP-001  platform-platform:environment: deployer github-hosted", "missing path: Resource Management Private Link"} {
		if !strings.Contains(out, want) {
			t.Errorf("plan output lacks %q:\n%s", want, out)
		}
	}
}

// The plan prints the prerequisites the stack's settings imply.
func TestPreflightListsTheStacksPrerequisites(t *testing.T) {
	prod, _, _ := planAt(t, "-stack", "prod")
	dev, _, _ := planAt(t, "-stack", "dev")
	for _, want := range []string{"Preflight", "resourceManagementPrivateLinks", "privatelink.azure.com", "roles/gkehub.gatewayEditor", "secrets provider"} {
		if !strings.Contains(prod, want) {
			t.Errorf("prod preflight lacks %q", want)
		}
	}
	if strings.Contains(dev, "resourceManagementPrivateLinks") || !strings.Contains(dev, "github-hosted") {
		t.Errorf("dev preflight should describe the hosted runner, not an ARM private link:\n%s", dev)
	}
}
