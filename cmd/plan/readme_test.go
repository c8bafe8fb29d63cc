package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/plan"
	"github.com/example/mlplatform/policy"
)

// The README's figures are today's: the resource counts of both plans, dev's findings and
// decisions, and every "N rules" it states. They change with every feature, so a sentence
// nobody re-measured would quietly start to lie.
func TestReadmeFiguresAreToday(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(stacktest.Root(), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := strings.Join(strings.Fields(string(raw)), " ")
	plans := map[string]*plan.Result{}
	for _, stack := range []string{"dev", "prod"} {
		if plans[stack], err = plan.Run(stacktest.Root(), stack, time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
	}
	prod, dev := plans["prod"].CountsByProvider(), plans["dev"].CountsByProvider()
	named := []string{"azure-native", "gcp", "kubernetes", "random", "azuread", "pulumi:pulumi:StackReference"}
	if total(prod) != sumOf(prod, named) {
		t.Errorf("prod registers packages the README sentence does not name: %v", prod)
	}
	waived := 0
	for _, f := range plans["dev"].Findings {
		if f.Waived {
			waived++
		}
	}
	for _, want := range []string{
		fmt.Sprintf("Today the plan shows %d resources for prod (%d azure-native, %d gcp, %d kubernetes and their provider, "+
			"%d random, %d azuread, and the stack's read of its own last outputs) with **zero findings**.", total(prod),
			prod["azure-native"], prod["gcp"], prod["kubernetes"], prod["random"], prod["azuread"]),
		fmt.Sprintf("Dev has %d resources,", total(dev)),
		fmt.Sprintf("Its %d findings are all waived in `Pulumi.dev.yaml` by %d named decisions,", waived, len(plans["dev"].Decisions)),
	} {
		if !strings.Contains(readme, want) {
			t.Errorf("README lacks today's figure: %q", want)
		}
	}
	if n := len(plans["prod"].Findings); n != 0 || waived != len(plans["dev"].Findings) {
		t.Errorf("prod has %d findings, dev %d of %d waived: the README's claims no longer hold", n, waived, len(plans["dev"].Findings))
	}
	ruleCounts := regexp.MustCompile("(\\d+) (?:policy rules|rules \\(`bin/plan -rules`)").FindAllStringSubmatch(readme, -1)
	if len(ruleCounts) == 0 {
		t.Fatal("README states no rule count")
	}
	for _, m := range ruleCounts {
		if n, _ := strconv.Atoi(m[1]); n != len(policy.Rules()) {
			t.Errorf("README says %q; there are %d rules", m[0], len(policy.Rules()))
		}
	}
}

func total(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

func sumOf(counts map[string]int, keys []string) int {
	n := 0
	for _, k := range keys {
		n += counts[k]
	}
	return n
}

// docs/policy-coverage.md leaves no control open: no row is marked open, "by construction" or a
// candidate, and every rule id it cites is a rule that exists today.
func TestCoverageDocumentHasNoOpenGap(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(stacktest.Root(), "docs", "policy-coverage.md"))
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string]bool{}
	for _, r := range policy.Rules() {
		rules[r.ID] = true
	}
	open := regexp.MustCompile(`\bOPEN\b|\*\*open\*\*|\| *open *\||by construction *\||\(candidate\)`)
	ruleID := regexp.MustCompile(`\b[A-Z]{2,8}-\d{3}\b`)
	rows := 0
	for i, line := range strings.Split(string(raw), "\n") {
		if !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "|---") {
			continue
		}
		rows++
		if open.MatchString(line) {
			t.Errorf("line %d is still open: %.160s", i+1, line)
		}
		for _, id := range ruleID.FindAllString(line, -1) {
			if !rules[id] && id != "AES-256" {
				t.Errorf("line %d cites %s, which is not a rule", i+1, id)
			}
		}
	}
	if rows < 100 {
		t.Fatalf("only %d table rows read: is the document still a table per scanner?", rows)
	}
}
