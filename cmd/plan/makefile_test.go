package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// `make plan-all` is the policy gate of CI and deploy: it must fail when any stack fails,
// not only the last one it plans. A stand-in plan binary fails for a stack named "broken",
// which sorts before "prod" (the case `set -e` with `cmd && echo OK` let through).
func TestPlanAllFailsWhenAnyStackFails(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("make is not installed")
	}
	makefile, err := filepath.Abs(filepath.Join("..", "..", "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	fake := filepath.Join(dir, "fake-plan")
	script := "#!/bin/sh\n# usage: fake-plan -stack NAME\n[ \"$2\" != broken ]\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	planAll := func(stacks ...string) (string, error) {
		for _, s := range stacks {
			if err := os.WriteFile(filepath.Join(dir, "Pulumi."+s+".yaml"), []byte("config: {}\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		// GO=true turns the rebuild of the plan binary into a no-op.
		cmd := exec.Command("make", "-s", "-f", makefile, "plan-all", "PLAN="+fake, "GO=true")
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		return string(out), err
	}

	out, err := planAll("dev", "prod")
	if err != nil {
		t.Fatalf("plan-all with every stack passing failed: %v\n%s", err, out)
	}
	out, err = planAll("broken")
	if err == nil {
		t.Fatalf("plan-all passed although stack broken failed:\n%s", out)
	}
	for _, want := range []string{"plan broken: FAILED", "plan dev: OK", "plan prod: OK"} {
		if !strings.Contains(out, want) {
			t.Errorf("plan-all output lacks %q (every stack is planned and reported):\n%s", want, out)
		}
	}
}
