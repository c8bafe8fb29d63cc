package kit

import (
	"fmt"
	"strconv"
	"strings"
)

// Check inspects one resource and returns one message per violation. Every combinator
// below stays silent on unknown values: a plan cannot judge what the engine has not
// computed yet.
type Check func(r Resource) []string

// All runs several checks on the same resource, in order.
func All(checks ...Check) Check {
	return func(r Resource) []string {
		var out []string
		for _, c := range checks {
			out = append(out, c(r)...)
		}
		return out
	}
}

// IsTrue: the property must be set, to true (absence is a violation).
func IsTrue(path string) Check { return wantBool(path, true, true) }

// IsFalse: the property must be set, to false (absence is a violation).
func IsFalse(path string) Check { return wantBool(path, false, true) }

// NotFalse: an explicit false is a violation; absent is fine (the default is true).
func NotFalse(path string) Check { return wantBool(path, true, false) }

// NotTrue: an explicit true is a violation; absent is fine (the default is false).
func NotTrue(path string) Check { return wantBool(path, false, false) }

func wantBool(path string, want, required bool) Check {
	return func(r Resource) []string {
		p := Get(r.Inputs, path)
		switch {
		case p.Unknown():
			return nil
		case p.Absent():
			if required {
				return Msgf("%s is not set; want %t", path, want)
			}
			return nil
		}
		if b, ok := p.Boolean(); ok && b == want {
			return nil
		}
		return Msgf("%s is %s; want %t", path, p.Show(), want)
	}
}

// Enum: the value must be one of allowed (ARM and GCP enums compare case-insensitively).
// def is what the service applies when the property is absent; "" makes absence a violation.
func Enum(path, def string, allowed ...string) Check {
	return func(r Resource) []string {
		p := Get(r.Inputs, path)
		switch {
		case p.Unknown():
			return nil
		case p.Absent() && def == "":
			return Msgf("%s is not set; want %s", path, QuoteAll(allowed))
		case p.Absent():
			if OneOf(def, allowed...) {
				return nil
			}
			return Msgf("%s is not set (defaults to %q); want %s", path, def, QuoteAll(allowed))
		case OneOf(p.Text(), allowed...):
			return nil
		}
		return Msgf("%s is %s; want %s", path, p.Show(), QuoteAll(allowed))
	}
}

// NotEnum: the value must not be one of denied; absent is fine.
func NotEnum(path string, denied ...string) Check {
	return func(r Resource) []string {
		p := Get(r.Inputs, path)
		if p.Unknown() || p.Absent() || !OneOf(p.Text(), denied...) {
			return nil
		}
		return []string{fmt.Sprintf("%s is %s; must not be %s", path, p.Show(), QuoteAll(denied))}
	}
}

// NonEmpty: the property must be present and not an empty string, list or object.
func NonEmpty(path string) Check {
	return func(r Resource) []string {
		p := Get(r.Inputs, path)
		switch {
		case p.Unknown():
			return nil
		case p.Absent():
			return []string{fmt.Sprintf("%s is not set", path)}
		case p.V.IsString() && strings.TrimSpace(p.V.StringValue()) == "",
			p.V.IsArray() && len(p.V.ArrayValue()) == 0,
			p.V.IsObject() && len(p.V.ObjectValue()) == 0:
			return []string{fmt.Sprintf("%s is empty", path)}
		}
		return nil
	}
}

// AtLeast: the number must be >= min. def is the service default when absent; a negative
// def makes absence a violation.
func AtLeast(path string, min, def float64) Check {
	return func(r Resource) []string {
		p := Get(r.Inputs, path)
		switch {
		case p.Unknown():
			return nil
		case p.Absent() && def < 0:
			return []string{fmt.Sprintf("%s is not set; want at least %s", path, Num(min))}
		case p.Absent():
			if def >= min {
				return nil
			}
			return []string{fmt.Sprintf("%s is not set (defaults to %s); want at least %s", path, Num(def), Num(min))}
		}
		if n, ok := p.Number(); ok && n >= min {
			return nil
		}
		return []string{fmt.Sprintf("%s is %s; want at least %s", path, p.Show(), Num(min))}
	}
}

// InternetReachable flags a data plane that is public and has no default-deny firewall,
// i.e. accepts connections from any internet address.
func InternetReachable(publicPath, defaultActionPath string) Check {
	return func(r Resource) []string {
		public, action := Get(r.Inputs, publicPath), Get(r.Inputs, defaultActionPath)
		if public.Unknown() || action.Unknown() || OneOf(public.Text(), "Disabled") || OneOf(action.Text(), "Deny") {
			return nil
		}
		return []string{fmt.Sprintf("%s is %s and %s is %s: the data plane accepts connections from any internet address",
			publicPath, Describe(public, "Enabled"), defaultActionPath, Describe(action, "Allow"))}
	}
}

// Describe shows a value, or the default the service applies when it is absent.
func Describe(p Prop, def string) string {
	if p.Absent() {
		return fmt.Sprintf("not set (defaults to %q)", def)
	}
	return p.Show()
}

func OneOf(s string, allowed ...string) bool {
	for _, a := range allowed {
		if strings.EqualFold(strings.TrimSpace(s), a) {
			return true
		}
	}
	return false
}

func QuoteAll(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = strconv.Quote(v)
	}
	if len(q) == 1 {
		return q[0]
	}
	return "one of " + strings.Join(q, ", ")
}

// Msgf is a single violation message.
func Msgf(format string, args ...any) []string { return []string{fmt.Sprintf(format, args...)} }

func Num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// ManagedIdentityHint is what an identity.type must name.
const ManagedIdentityHint = "SystemAssigned or UserAssigned"

// ManagedIdentity accepts any identity type that includes a managed identity.
func ManagedIdentity(path string) Check {
	return func(r Resource) []string {
		p := Get(r.Inputs, path)
		if p.Unknown() {
			return nil
		}
		t := strings.ToLower(p.Text())
		if strings.Contains(t, "systemassigned") || strings.Contains(t, "userassigned") {
			return nil
		}
		return Msgf("%s is %s; want %s", path, Describe(p, "None"), ManagedIdentityHint)
	}
}
