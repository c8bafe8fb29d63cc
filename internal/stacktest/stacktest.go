// Package stacktest runs code under the project's mocks with a real stack's configuration,
// for the tests of every package.
package stacktest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/settings"
	"github.com/example/mlplatform/stackconfig"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Root is the repository root: the nearest directory holding Pulumi.yaml, walking up from
// the test's working directory (go test runs each package in its own folder). The source
// path from runtime.Caller would not do: under -trimpath (the Makefile's GOFLAGS, the same
// flag Pulumi's Go language host builds with) it is a module path, not a file on disk.
func Root() string {
	dir, err := os.Getwd()
	if err != nil {
		panic(fmt.Sprintf("stacktest: working directory: %v", err))
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "Pulumi.yaml")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			panic(fmt.Sprintf("stacktest: no Pulumi.yaml in %s or any parent", dir))
		}
	}
}

// Config loads a stack's configuration from the repository's stack files, with the
// labelled offline examples (settings.OfflineExamples) for the keys only a deploying team
// knows, exactly as the offline plan does.
func Config(t testing.TB, stack string) *stackconfig.Config {
	t.Helper()
	c, err := stackconfig.Load(Root(), stack)
	if err != nil {
		t.Fatalf("load stack %s: %v", stack, err)
	}
	c.Values, _ = settings.ApplyOfflineExamples(c.Project, c.Values)
	return c
}

// Settings loads and validates a stack's settings.
func Settings(t testing.TB, stack string) *settings.Settings {
	t.Helper()
	c := Config(t, stack)
	s, err := settings.Load(c.Project, c.Stack, c.Lookup)
	if err != nil {
		t.Fatalf("settings for stack %s: %v", stack, err)
	}
	return s
}

// Run runs fn as a Pulumi program under mocks with the stack's configuration and returns
// the mocks (everything registered) and fn's error.
func Run(t testing.TB, stack string, fn pulumi.RunFunc) (*mocks.Mocks, error) {
	t.Helper()
	c := Config(t, stack)
	m := mocks.New(c.Project, c.Stack)
	err := pulumi.RunErr(fn, m.RunOptions(c.Values, c.SecretKeys)...)
	return m, err
}

// MustRun is Run that fails the test on error.
func MustRun(t testing.TB, stack string, fn pulumi.RunFunc) *mocks.Mocks {
	t.Helper()
	m, err := Run(t, stack, fn)
	if err != nil {
		t.Fatalf("run under mocks (stack %s): %v", stack, err)
	}
	return m
}
