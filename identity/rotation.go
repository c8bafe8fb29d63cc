package identity

import "time"

// Window is one credential's validity: issued at Start, valid until End. Start advances in
// whole rotation periods from the configured anchor, so every run inside one period computes
// the same dates and a second preview shows no change; the first run after a period boundary
// replaces the credential.
type Window struct {
	Start time.Time
	End   time.Time
	// NextRotation is when the schedule issues this credential's successor.
	NextRotation time.Time
}

// CurrentWindow returns the rotation window that contains now. End is NextRotation plus
// the overlap: a rotation that runs late (say, a missed deployment) still finds a valid
// credential in service.
func CurrentWindow(anchor time.Time, rotationDays, overlapDays int, now time.Time) Window {
	anchor = anchor.UTC().Truncate(24 * time.Hour)
	days := int(now.UTC().Sub(anchor).Hours() / 24)
	if now.Before(anchor) {
		days-- // floor division for instants before the anchor
	}
	periods := days / rotationDays
	if days < 0 && days%rotationDays != 0 {
		periods--
	}
	start := anchor.AddDate(0, 0, periods*rotationDays)
	next := start.AddDate(0, 0, rotationDays)
	return Window{Start: start, NextRotation: next, End: next.AddDate(0, 0, overlapDays)}
}
