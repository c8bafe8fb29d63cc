package policy

import (
	"fmt"
	"strconv"
	"strings"
)

// check inspects one resource and returns one message per violation. Every combinator
// below stays silent on unknown values: a plan cannot judge what the engine has not
// computed yet.
type check func(r Resource) []string

// all runs several checks on the same resource, in order.
func all(checks ...check) check {
	return func(r Resource) []string {
		var out []string
		for _, c := range checks {
			out = append(out, c(r)...)
		}
		return out
	}
}

// isTrue: the property must be set, to true (absence is a violation).
func isTrue(path string) check { return wantBool(path, true, true) }

// isFalse: the property must be set, to false (absence is a violation).
func isFalse(path string) check { return wantBool(path, false, true) }

// notFalse: an explicit false is a violation; absent is fine (the default is true).
func notFalse(path string) check { return wantBool(path, true, false) }

// notTrue: an explicit true is a violation; absent is fine (the default is false).
func notTrue(path string) check { return wantBool(path, false, false) }

func wantBool(path string, want, required bool) check {
	return func(r Resource) []string {
		p := get(r.Inputs, path)
		switch {
		case p.unknown():
			return nil
		case p.absent():
			if required {
				return msgf("%s is not set; want %t", path, want)
			}
			return nil
		}
		if b, ok := p.boolean(); ok && b == want {
			return nil
		}
		return msgf("%s is %s; want %t", path, p.show(), want)
	}
}

// enum: the value must be one of allowed (ARM and GCP enums compare case-insensitively).
// def is what the service applies when the property is absent; "" makes absence a violation.
func enum(path, def string, allowed ...string) check {
	return func(r Resource) []string {
		p := get(r.Inputs, path)
		switch {
		case p.unknown():
			return nil
		case p.absent() && def == "":
			return msgf("%s is not set; want %s", path, quoteAll(allowed))
		case p.absent():
			if oneOf(def, allowed...) {
				return nil
			}
			return msgf("%s is not set (defaults to %q); want %s", path, def, quoteAll(allowed))
		case oneOf(p.text(), allowed...):
			return nil
		}
		return msgf("%s is %s; want %s", path, p.show(), quoteAll(allowed))
	}
}

// notEnum: the value must not be one of denied; absent is fine.
func notEnum(path string, denied ...string) check {
	return func(r Resource) []string {
		p := get(r.Inputs, path)
		if p.unknown() || p.absent() || !oneOf(p.text(), denied...) {
			return nil
		}
		return []string{fmt.Sprintf("%s is %s; must not be %s", path, p.show(), quoteAll(denied))}
	}
}

// nonEmpty: the property must be present and not an empty string, list or object.
func nonEmpty(path string) check {
	return func(r Resource) []string {
		p := get(r.Inputs, path)
		switch {
		case p.unknown():
			return nil
		case p.absent():
			return []string{fmt.Sprintf("%s is not set", path)}
		case p.v.IsString() && strings.TrimSpace(p.v.StringValue()) == "",
			p.v.IsArray() && len(p.v.ArrayValue()) == 0,
			p.v.IsObject() && len(p.v.ObjectValue()) == 0:
			return []string{fmt.Sprintf("%s is empty", path)}
		}
		return nil
	}
}

// atLeast: the number must be >= min. def is the service default when absent; a negative
// def makes absence a violation.
func atLeast(path string, min, def float64) check {
	return func(r Resource) []string {
		p := get(r.Inputs, path)
		switch {
		case p.unknown():
			return nil
		case p.absent() && def < 0:
			return []string{fmt.Sprintf("%s is not set; want at least %s", path, num(min))}
		case p.absent():
			if def >= min {
				return nil
			}
			return []string{fmt.Sprintf("%s is not set (defaults to %s); want at least %s", path, num(def), num(min))}
		}
		if n, ok := p.number(); ok && n >= min {
			return nil
		}
		return []string{fmt.Sprintf("%s is %s; want at least %s", path, p.show(), num(min))}
	}
}

// internetReachable flags a data plane that is public and has no default-deny firewall,
// i.e. accepts connections from any internet address.
func internetReachable(publicPath, defaultActionPath string) check {
	return func(r Resource) []string {
		public, action := get(r.Inputs, publicPath), get(r.Inputs, defaultActionPath)
		if public.unknown() || action.unknown() || oneOf(public.text(), "Disabled") || oneOf(action.text(), "Deny") {
			return nil
		}
		return []string{fmt.Sprintf("%s is %s and %s is %s: the data plane accepts connections from any internet address",
			publicPath, describe(public, "Enabled"), defaultActionPath, describe(action, "Allow"))}
	}
}

// describe shows a value, or the default the service applies when it is absent.
func describe(p prop, def string) string {
	if p.absent() {
		return fmt.Sprintf("not set (defaults to %q)", def)
	}
	return p.show()
}

func oneOf(s string, allowed ...string) bool {
	for _, a := range allowed {
		if strings.EqualFold(strings.TrimSpace(s), a) {
			return true
		}
	}
	return false
}

func quoteAll(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = strconv.Quote(v)
	}
	if len(q) == 1 {
		return q[0]
	}
	return "one of " + strings.Join(q, ", ")
}

// msgf is a single violation message.
func msgf(format string, args ...any) []string { return []string{fmt.Sprintf(format, args...)} }

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
