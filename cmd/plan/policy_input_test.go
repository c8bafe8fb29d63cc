package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/plan"
	"github.com/example/mlplatform/policy"
)

// policyInputDate is the date policy/live_test.go's plans are made for (the Makefile's docs
// target writes them with -now 2026-11-29).
var policyInputDate = time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)

// The policy package's tests judge the committed stacks' plans from policy/testdata/plans
// without linking the cloud SDKs. Each file must be what the plan writes today, and reading it
// back must give the gate exactly what the real plan gave it: the same findings, rule by rule
// and resource by resource, so no property, secret or unknown is lost on the way.
func TestPolicyInputsAreCurrent(t *testing.T) {
	for _, stack := range []string{"dev", "prod"} {
		r, err := plan.Run(stacktest.Root(), stack, policyInputDate)
		if err != nil {
			t.Fatal(err)
		}
		want, err := r.PolicyInput().MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(stacktest.Root(), "policy", "testdata", "plans", stack+".json")
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, append(want, '\n')) {
			t.Errorf("%s is stale (%v): run `%s` and commit it", path, err, plan.DocsCommand)
			continue
		}
		var back policy.Input
		if err := json.Unmarshal(got, &back); err != nil {
			t.Fatal(err)
		}
		in := r.PolicyInput()
		if len(back.Resources) != len(in.Resources) {
			t.Fatalf("%s: %d resources read back, want %d", stack, len(back.Resources), len(in.Resources))
		}
		for i, res := range in.Resources {
			b := back.Resources[i]
			if b.URN != res.URN || !b.Inputs.DeepEquals(res.Inputs) || !b.Outputs.DeepEquals(res.Outputs) {
				t.Errorf("%s: %s does not read back as planned", stack, res.URN)
			}
		}
		real, read := findings(in), findings(back)
		if fmt.Sprint(real) != fmt.Sprint(read) {
			t.Errorf("%s: the gate judges the file differently from the plan:\n plan %v\n file %v", stack, real, read)
		}
		if len(real) == 0 && stack == "dev" {
			t.Errorf("dev: no findings at all, so the comparison shows nothing")
		}
	}
}

func findings(in policy.Input) []string {
	var out []string
	for _, f := range policy.EvaluateWith(in.Deployer, in.Clock, in.Resources, in.Outputs, nil) {
		out = append(out, f.Rule+" "+f.URN+" "+f.Name+" "+f.Message)
	}
	return out
}
