package policy

import "github.com/example/mlplatform/kit"

// The check vocabulary lives in package kit, which the components' own rules use too; these
// names keep the cross-component rules of this package short.
type (
	// Severity ranks a finding.
	Severity = kit.Severity
	// Resource is one registration as the engine received it.
	Resource = kit.Resource

	prop  = kit.Prop
	leaf  = kit.Leaf
	check = kit.Check
)

// The severities, highest first.
const (
	High   = kit.High
	Medium = kit.Medium
	Low    = kit.Low
)

var (
	unwrap           = kit.Unwrap
	get              = kit.Get
	leaves           = kit.Leaves
	all              = kit.All
	isTrue           = kit.IsTrue
	isFalse          = kit.IsFalse
	notFalse         = kit.NotFalse
	notTrue          = kit.NotTrue
	enum             = kit.Enum
	nonEmpty         = kit.NonEmpty
	atLeast          = kit.AtLeast
	describe         = kit.Describe
	oneOf            = kit.OneOf
	quoteAll         = kit.QuoteAll
	msgf             = kit.Msgf
	num              = kit.Num
	embedsCredential = kit.EmbedsCredential
	secretLikeName   = kit.SecretLikeName
	isKubeconfigName = kit.IsKubeconfigName
	typeKey          = kit.TypeKey
)
