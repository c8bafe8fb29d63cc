package bindingargs

import "testing"

func TestRequireReturnsTheGeneratedErrors(t *testing.T) {
	for _, c := range []struct {
		argsNil bool
		args    []Required
		want    string
	}{
		{true, []Required{Arg("A", true)}, "missing one or more required arguments"},
		{false, []Required{Arg("A", false), Arg("B", true), Arg("C", true)}, "invalid value for required argument 'B'"},
		{false, []Required{Arg("A", false)}, ""},
		{false, nil, ""},
	} {
		err := Require(c.argsNil, c.args...)
		if got := ""; err != nil {
			got = err.Error()
			if got != c.want {
				t.Errorf("Require(%v, %v) = %q, want %q", c.argsNil, c.args, got, c.want)
			}
		} else if c.want != "" {
			t.Errorf("Require(%v, %v) = nil, want %q", c.argsNil, c.args, c.want)
		}
	}
}
