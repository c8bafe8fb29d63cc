package identity

import (
	"fmt"
	"time"
)

// The rotation model. Two credential slots, "a" and "b", hold at most two client secrets.
// The Key Vault secret always holds the newest one (the current slot). A rotation issues a new
// credential into the other slot, the one superseded longest ago, and makes it current.
//
// A rotation is due rotationDays after the current credential was issued, and happens at the
// first deployment on or after that day. Waiting for "due" (rather than for a calendar
// boundary) is what makes late deployments safe: the credential the rotation deletes was
// superseded when the current one was issued, so it has sat unused in its slot for at least
// one full period, the longest a consumer may keep a value it read from Key Vault. A pure
// function of the calendar cannot give that guarantee: after a late deployment the next
// on-time one would delete a credential superseded less than a period before, and after a
// skipped period both slots would change at once (see the simulation test).
//
// Every credential is valid 2·rotationDays + graceDays from its issue day. Superseded at
// the latest when a deployment finally runs after it fell due, it then still has to serve
// one period of cached reads: so deployments may run late by up to graceDays (a grace at
// least as long as the period survives a whole period without any deployment).
//
// A new stack's first deployment fills both slots on its day, with b current, so the stack holds
// two valid credentials from its first day on, and the first rotation (into a) follows the same
// rule as every later one.
//
// The model is a pure function of the previous state, the schedule and the day, so a
// second run on the same day, or any run before the rotation is due, changes nothing.

// Slot names a credential slot.
type Slot int

// The two slots.
const (
	SlotA Slot = iota
	SlotB
)

// Slots lists both slots in order.
var Slots = []Slot{SlotA, SlotB}

func (s Slot) String() string { return string(rune('a' + int(s))) }

// Other is the slot that is not s.
func (s Slot) Other() Slot { return 1 - s }

// Schedule is the rotation configuration.
type Schedule struct {
	RotationDays int // a new credential every this many days
	GraceDays    int // how late a deployment may run without any consumer losing access
}

// LifetimeDays is how long each credential stays valid from its issue day.
func (s Schedule) LifetimeDays() int { return 2*s.RotationDays + s.GraceDays }

// Credential is what one slot holds. Start is the issue day (00:00 UTC); End is when it
// stops being valid. A credential adopted from the single-credential layout has no known
// Start (Adopted): its inputs are kept as they are in the state.
type Credential struct {
	Start, End time.Time
	Adopted    bool
}

// Empty reports whether the slot holds nothing.
func (c Credential) Empty() bool { return c.End.IsZero() }

// ValidAt reports whether the credential authenticates at t.
func (c Credential) ValidAt(t time.Time) bool {
	return !c.Empty() && !t.Before(c.Start) && t.Before(c.End)
}

// Key identifies the credential; a slot's password is replaced exactly when its key changes.
func (c Credential) Key() string {
	if c.Adopted {
		return "adopted:" + c.End.UTC().Format(time.RFC3339)
	}
	return c.Start.UTC().Format(time.DateOnly)
}

// State is both slots.
type State struct {
	Slots [2]Credential
}

// Slot returns what s holds.
func (st State) Slot(s Slot) Credential { return st.Slots[s] }

// Empty reports whether neither slot holds a credential: what a new stack's previous state is.
func (st State) Empty() bool { return st.Slots[SlotA].Empty() && st.Slots[SlotB].Empty() }

// Current is the slot whose credential is in Key Vault: the newest one. An adopted
// credential (unknown issue day) is older than any credential this model issued; of two
// credentials issued the same day (a new stack's first deployment) b is current.
func (st State) Current() (Slot, bool) {
	a, b := st.Slots[SlotA], st.Slots[SlotB]
	switch {
	case a.Empty() && b.Empty():
		return SlotA, false
	case b.Empty():
		return SlotA, true
	case a.Empty():
		return SlotB, true
	case a.Adopted:
		return SlotB, true
	case b.Adopted:
		return SlotA, true
	case a.Start.After(b.Start):
		return SlotA, true
	}
	return SlotB, true
}

// Validate rejects a state this model could not have produced (say, hand-edited outputs).
func (st State) Validate() error {
	for _, s := range Slots {
		c := st.Slots[s]
		if !c.Empty() && !c.Adopted && !c.End.After(c.Start) {
			return fmt.Errorf("credential slot %s: end %s is not after start %s", s, c.End.Format(time.RFC3339), c.Start.Format(time.RFC3339))
		}
	}
	if st.Slots[SlotA].Adopted && st.Slots[SlotB].Adopted {
		return fmt.Errorf("both credential slots hold an adopted credential")
	}
	return nil
}

// Day is t's calendar day, 00:00 UTC.
func Day(t time.Time) time.Time { return t.UTC().Truncate(24 * time.Hour) }

// Due reports whether a deployment on now's day must rotate.
func Due(prev State, sch Schedule, now time.Time) bool {
	cur, ok := prev.Current()
	if !ok {
		return true // nothing issued yet
	}
	c := prev.Slots[cur]
	// An adopted credential was issued under the old single-slot schedule with a short overlap:
	// rotate at once so its readers get all of its remaining validity to move to the successor.
	return c.Adopted || !Day(now).Before(c.Start.AddDate(0, 0, sch.RotationDays))
}

// Next is the state a deployment on now's day declares, given the state the previous
// deployment declared. It changes at most one slot: the one that is not current.
func Next(prev State, sch Schedule, now time.Time) State {
	if !Due(prev, sch, now) {
		return prev
	}
	day := Day(now)
	issued := Credential{Start: day, End: day.AddDate(0, 0, sch.LifetimeDays())}
	cur, ok := prev.Current()
	if !ok {
		return State{Slots: [2]Credential{issued, issued}}
	}
	next := prev
	next.Slots[cur.Other()] = issued
	return next
}
