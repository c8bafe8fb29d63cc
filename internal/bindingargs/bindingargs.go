// Package bindingargs is the required-argument check the hand-written resource bindings
// (azurenative, gcpnative/compute, kubenative) share: the errors the generated constructors
// of the official SDKs return, with their messages.
package bindingargs

import "errors"

// Required is one required argument of a constructor and whether the call left it unset.
type Required struct {
	name    string
	missing bool
}

// Arg is the required argument name; missing says the call left it unset.
func Arg(name string, missing bool) Required { return Required{name: name, missing: missing} }

// Require returns the generated constructors' errors: nil args first, then the first
// required argument (in the generated order) that is unset.
func Require(argsNil bool, required ...Required) error {
	if argsNil {
		return errors.New("missing one or more required arguments")
	}
	for _, r := range required {
		if r.missing {
			return errors.New("invalid value for required argument '" + r.name + "'")
		}
	}
	return nil
}
