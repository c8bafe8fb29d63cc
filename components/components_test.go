package components

import "testing"

// Two components never answer for the same type: the mocks would refuse to start (a responder
// registered twice panics) and the plan would refuse two creation times, so the list must not
// hold such a pair. Rule ids are checked across every rule by policy's tests.
func TestEachTypeBelongsToOneComponent(t *testing.T) {
	mocked, timed := map[string]string{}, map[string]string{}
	for _, c := range All() {
		for token := range c.Mocks {
			if other, dup := mocked[token]; dup {
				t.Errorf("%s: mock responders in %s and %s", token, other, c.Name)
			}
			mocked[token] = c.Name
		}
		for token := range c.CreateTimes {
			if other, dup := timed[token]; dup {
				t.Errorf("%s: creation times in %s and %s", token, other, c.Name)
			}
			timed[token] = c.Name
		}
	}
	if len(mocked) == 0 || len(timed) == 0 {
		t.Fatalf("no component declares mocks (%d) or times (%d)", len(mocked), len(timed))
	}
}
