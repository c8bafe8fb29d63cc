// Package kit is the vocabulary a component shares with the tooling: what a registered
// resource looks like to a rule, the rule itself with its check combinators, how the offline
// plan's mocks answer for a resource type, and how long a type typically takes to create.
//
// A component folder (for example secrets/) builds its resources and, in its spec
// sub-package, declares a Component: its rules, mock responders and creation times. The
// tooling (policy, internal/mocks, plan) gathers every Component from one list
// (components.All) and knows no component's resource names. kit imports no component and
// no tooling, so the arrows run component → kit ← tooling, never from a component back into
// the tooling.
package kit

import (
	"strings"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Severity ranks a finding.
type Severity string

// The severities, highest first.
const (
	High   Severity = "high"
	Medium Severity = "medium"
	Low    Severity = "low"
)

// Valid reports whether s is one of High, Medium, Low.
func (s Severity) Valid() bool { return s == High || s == Medium || s == Low }

// Resource is one registration as the engine received it.
type Resource struct {
	URN     string
	Type    string // type token, e.g. azure-native:keyvault:Vault
	Name    string // logical name; what a waiver's @name refers to
	Parent  string // URN of the parent; empty for the stack
	Custom  bool
	Protect bool
	// Provider is the URN of the explicit provider instance the resource uses; "" for the
	// default provider (reachability rules follow it to the endpoint the writes go to).
	Provider string
	// Inputs keep secrets as secret property values: several rules depend on that.
	Inputs resource.PropertyMap
	// Dependencies are the URNs the resource is created after (inputs and DependsOn; a
	// component's URN stands for everything inside it). Ordering rules (ORDER-001) walk them.
	Dependencies []string
	// Outputs are what the provider returned (the mocks, in the offline plan); only
	// cross-resource rules that must match a computed address (XNET-001) read them.
	Outputs resource.PropertyMap
}

// Rule is one per-resource policy a component declares: metadata plus a small check.
// Rules that look across components (journeys, ordering, outputs) live in package policy.
type Rule struct {
	ID          string // ^[A-Z]+-[0-9]{3}$
	Severity    Severity
	Description string // what is required and why (the severity's reason included)
	Remediation string
	// Types are the resource type tokens the rule inspects, as path.Match patterns
	// (azure-native tokens compared without their API-version segment).
	Types []string
	// External are the controls of external scanners the rule implements.
	External []string
	Check    Check
	// Cases are what the rule must accept and reject; every rule has at least one of each.
	Cases Cases
}

// MockRequest is what a mock responder sees of a registration: its logical name, its
// inputs as plain Go values, and the stack's configuration.
type MockRequest struct {
	Name   string
	In     map[string]interface{}
	Config map[string]string
}

// Mock answers for one resource type in the offline plan. ARMPath, when set, is the ARM id
// template ("Microsoft.KeyVault/vaults/{vaultName*}": placeholders name inputs, * marks the
// resource's own, auto-named, name; no leading "/" hangs it below the resource group).
// Extra adds computed outputs, given the id and the resource's own name.
// Provision, for a type outside ARM (Entra ID, GCP), derives the id and computed outputs
// itself; ARMPath and Extra are then unused.
type Mock struct {
	ARMPath   string
	Extra     func(req MockRequest, id, name string) map[string]interface{}
	Provision func(req MockRequest) (id string, computed map[string]interface{})
}

// MockTimestamp is every mocked creation or modification time: fixed, so plans are byte-identical.
const MockTimestamp = "2026-01-01T00:00:00.0000000Z"

// The fake tenant the mocks answer for: a well-formed GUID, so validation treats it like a
// real one.
const MockTenantID = "11111111-1111-4111-8111-111111111111"

// Component is everything the tooling needs to know about one component.
type Component struct {
	Name  string // its folder, e.g. "secrets"
	Rules []Rule
	// Mocks are the offline plan's responders, by type token.
	Mocks map[string]Mock
	// CreateTimes are typical creation times by type token, each cited where declared.
	CreateTimes map[string]time.Duration
}

// TypeKey drops an azure-native API-version module segment
// (azure-native:appconfiguration/v20240501:KeyValue -> azure-native:appconfiguration:KeyValue),
// so rules keep working when a hand-written binding is swapped for the official module.
func TypeKey(token string) string {
	pkg, rest, ok := strings.Cut(token, ":")
	if !ok || pkg != "azure-native" {
		return token
	}
	mod, typ, ok := strings.Cut(rest, ":")
	if !ok {
		return token
	}
	if base, version, ok := strings.Cut(mod, "/"); ok && len(version) > 1 && version[0] == 'v' && version[1] >= '0' && version[1] <= '9' {
		mod = base
	}
	return pkg + ":" + mod + ":" + typ
}
