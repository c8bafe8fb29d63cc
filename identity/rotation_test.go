package identity_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/example/mlplatform/identity"
)

// The simulation: a stack deployed on chosen days, a consumer reading Key Vault every day.
// A deployment applies the state the model declares for that day: a slot whose credential
// changed gets the new password first, Key Vault takes the newest one, then the slot's old
// password is deleted (Pulumi's create-before-delete replacement).

var simStart = day("2026-01-01")

// model is a rotation strategy: the state a deployment on day declares after prev.
type model func(prev identity.State, day time.Time) identity.State

// deployments says on which day offsets (from simStart) a deployment runs.
type deployments func(offset int) bool

type issued struct {
	c                   identity.Credential
	slot                identity.Slot
	superseded, deleted int // day offsets; -1 while it has not happened
}

type simulation struct {
	sch        identity.Schedule
	days       int
	deploy     deployments
	next       model
	violations []string
	rotations  []int // day offsets on which a rotation happened
	oneValid   []int // day offsets on which a slot held no valid credential
}

func (s *simulation) fail(d int, format string, args ...any) {
	if len(s.violations) < 20 {
		s.violations = append(s.violations, fmt.Sprintf("day %d (%s): ", d, at(d).Format(time.DateOnly))+fmt.Sprintf(format, args...))
	}
}

func at(offset int) time.Time { return simStart.AddDate(0, 0, offset) }

// alive reports whether cr authenticates throughout day d (until 23:59:59).
func alive(cr *issued, d int) bool {
	return (cr.deleted < 0 || cr.deleted > d) && cr.c.ValidAt(at(d)) && cr.c.ValidAt(at(d+1).Add(-time.Second))
}

func (s *simulation) run() {
	var state identity.State
	var inSlot [2]*issued
	var kv *issued
	reads := map[int]*issued{}
	for d := 0; d < s.days; d++ {
		if s.deploy(d) {
			next := s.next(state, at(d))
			// (4) a second run the same day, even hours later, declares the same state.
			if again := s.next(next, at(d).Add(17*time.Hour)); again != next {
				s.fail(d, "(4) a second run the same day changes the state: %+v -> %+v", next, again)
			}
			changed := 0
			var old []*issued
			for _, slot := range identity.Slots {
				if next.Slot(slot) == state.Slot(slot) {
					continue
				}
				changed++
				if inSlot[slot] != nil {
					old = append(old, inSlot[slot])
				}
				inSlot[slot] = &issued{c: next.Slot(slot), slot: slot, superseded: -1, deleted: -1}
			}
			if changed > 1 && kv != nil {
				s.fail(d, "a rotation changed %d slots", changed)
			}
			if changed > 0 {
				s.rotations = append(s.rotations, d)
			}
			if cur, ok := next.Current(); ok && inSlot[cur] != kv {
				if kv != nil {
					kv.superseded = d
				}
				kv = inSlot[cur]
			}
			for _, slot := range identity.Slots {
				// A credential issued but never current (a new stack's slot a) is superseded from the start.
				if c := inSlot[slot]; c != nil && c != kv && c.superseded < 0 {
					c.superseded = d
				}
			}
			for _, o := range old {
				// (3) never delete the Key Vault value, nor one superseded less than a period ago.
				switch {
				case o == kv:
					s.fail(d, "(3) deleted slot %s's credential (issued %s) while Key Vault holds it", o.slot, o.c.Key())
				case o.superseded < 0 || d-o.superseded < s.sch.RotationDays:
					s.fail(d, "(3) deleted slot %s's credential (issued %s) %d days after it was superseded", o.slot, o.c.Key(), d-o.superseded)
				}
				o.deleted = d
			}
			state = next
		}
		if kv == nil {
			continue
		}
		// (1) the Key Vault value is valid.
		if !alive(kv, d) {
			s.fail(d, "(1) the Key Vault value (issued %s, ends %s) is not valid", kv.c.Key(), kv.c.End.Format(time.DateOnly))
		}
		reads[d] = kv
		// Does the stack hold two valid credentials (the plan's promise for every date)?
		for _, slot := range identity.Slots {
			if c := inSlot[slot]; c == nil || !alive(c, d) {
				s.oneValid = append(s.oneValid, d)
				break
			}
		}
		// (2) every value read during the last period (today and the P days before) is valid.
		for t := d - s.sch.RotationDays; t <= d; t++ {
			if r, ok := reads[t]; ok && !alive(r, d) {
				s.fail(d, "(2) the value read on day %d (issued %s, ends %s) is no longer valid", t, r.c.Key(), r.c.End.Format(time.DateOnly))
				break
			}
		}
	}
}

// The schedule used by the simulation: the prod defaults.
var prodSchedule = identity.Schedule{RotationDays: 30, GraceDays: 30}

// A daily deployment (the scheduled workflow) with two outages: a whole period without any
// deployment starting on a due day (days 90-119), and a deployment 8 days late (days
// 180-187, around the next due day).
func dailyWithOutages(offset int) bool {
	return !(offset >= 90 && offset < 120) && !(offset >= 180 && offset < 188)
}

func twoSlots(sch identity.Schedule) model {
	return func(prev identity.State, d time.Time) identity.State { return identity.Next(prev, sch, d) }
}

func simulate(sch identity.Schedule, next model, deploy deployments) *simulation {
	s := &simulation{sch: sch, days: 10*sch.RotationDays + 1, deploy: deploy, next: next}
	s.run()
	return s
}

func TestRotationSimulation(t *testing.T) {
	s := simulate(prodSchedule, twoSlots(prodSchedule), dailyWithOutages)
	for _, v := range s.violations {
		t.Error(v)
	}
	if len(s.oneValid) > 0 {
		t.Errorf("a slot held no valid credential on days %v", s.oneValid)
	}
	if s.days < 8*prodSchedule.RotationDays {
		t.Fatalf("simulated %d days, want at least 8 periods", s.days)
	}
	// The outages really delayed rotations: one happened a whole period late, one 8 days late.
	want := []int{0, 30, 60, 120, 150, 188, 218, 248, 278}
	if fmt.Sprint(s.rotations) != fmt.Sprint(want) {
		t.Errorf("rotations on days %v, want %v", s.rotations, want)
	}
}

func TestRotationSimulationOnSchedule(t *testing.T) {
	for _, sch := range []identity.Schedule{{RotationDays: 7, GraceDays: 1}, {RotationDays: 60, GraceDays: 14}, {RotationDays: 90, GraceDays: 90}} {
		s := simulate(sch, twoSlots(sch), func(int) bool { return true })
		for _, v := range s.violations {
			t.Errorf("%+v: %s", sch, v)
		}
	}
}

// The simulation can fail: each of these breaks at least one property.
func TestRotationSimulationCatchesUnsafeModels(t *testing.T) {
	lifetime := prodSchedule.LifetimeDays()
	// One credential, replaced at every calendar boundary (the layout before the slots).
	singleSlot := func(prev identity.State, d time.Time) identity.State {
		k := int(d.Sub(simStart).Hours()/24) / prodSchedule.RotationDays
		start := simStart.AddDate(0, 0, k*prodSchedule.RotationDays)
		return identity.State{Slots: [2]identity.Credential{{Start: start, End: start.AddDate(0, 0, lifetime)}}}
	}
	// Two slots derived from the calendar alone: issuance k in slot k mod 2.
	calendarSlots := func(prev identity.State, d time.Time) identity.State {
		k := int(d.Sub(simStart).Hours()/24) / prodSchedule.RotationDays
		var st identity.State
		for _, i := range []int{k, k - 1} {
			if i >= 0 {
				start := simStart.AddDate(0, 0, i*prodSchedule.RotationDays)
				st.Slots[i%2] = identity.Credential{Start: start, End: start.AddDate(0, 0, lifetime)}
			}
		}
		return st
	}
	short := identity.Schedule{RotationDays: 30, GraceDays: 7}
	for _, tc := range []struct {
		name     string
		sch      identity.Schedule
		next     model
		property string
	}{
		{"single slot", prodSchedule, singleSlot, "(2)"},
		{"calendar slots", prodSchedule, calendarSlots, "(3)"},
		{"grace shorter than the skipped period", short, twoSlots(short), "(2)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := simulate(tc.sch, tc.next, dailyWithOutages)
			if !strings.Contains(strings.Join(s.violations, "\n"), tc.property) {
				t.Errorf("expected a violation of %s, got %v", tc.property, s.violations)
			}
		})
	}
}

func TestNextRotatesOnlyWhenDue(t *testing.T) {
	sch := prodSchedule
	st := identity.Next(identity.State{}, sch, day("2026-03-10").Add(15*time.Hour))
	a := st.Slot(identity.SlotA)
	// A new stack's first deployment fills both slots, b current.
	if cur, _ := st.Current(); a.Start != day("2026-03-10") || a.End != day("2026-06-08") || st.Slot(identity.SlotB) != a || cur != identity.SlotB {
		t.Fatalf("first deployment: %+v", st)
	}
	if got := identity.Next(st, sch, day("2026-04-08")); got != st {
		t.Errorf("rotated a day early: %+v", got)
	}
	got := identity.Next(st, sch, day("2026-04-09"))
	if cur, _ := got.Current(); cur != identity.SlotA || got.Slot(identity.SlotB) != a || got.Slot(identity.SlotA).Start != day("2026-04-09") {
		t.Errorf("rotation on the due day: %+v", got)
	}
	if got := identity.Next(st, sch, day("2026-03-01")); got != st {
		t.Errorf("a clock before the current credential's issue day must change nothing: %+v", got)
	}
	// A credential adopted from the single-slot layout is superseded at once, into slot b.
	adopted := identity.State{Slots: [2]identity.Credential{{End: day("2026-04-20"), Adopted: true}}}
	got = identity.Next(adopted, sch, day("2026-03-31"))
	if cur, _ := got.Current(); cur != identity.SlotB || got.Slot(identity.SlotA) != adopted.Slot(identity.SlotA) {
		t.Errorf("adoption: %+v", got)
	}
}
