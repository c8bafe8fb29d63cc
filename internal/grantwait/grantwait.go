// Package grantwait waits until an Azure role assignment takes effect, by repeating a read
// that the grant authorizes until it stops being refused.
//
// Why: an Azure role assignment exists as soon as ARM has written it, but "when you assign
// roles or remove role assignments, it can take up to 10 minutes for changes to take effect"
// (learn.microsoft.com/azure/role-based-access-control/troubleshooting, "Role assignment
// changes are not being detected": Azure Resource Manager caches them); App Configuration
// says "after a role assignment is made for an identity, allow up to 15 minutes for the
// permission to propagate before accessing data stored in App Configuration using this
// identity" (learn.microsoft.com/azure/azure-app-configuration/concept-enable-rbac). A write
// that only waits for the assignment to exist can therefore get 403.
//
// The same remedy is in terraform-provider-azurerm (internal/services/appconfiguration,
// app_configuration_key_resource.go): before writing a key it polls GetKeyValue while the
// answer is Forbidden, taking Exists or NotFound as the target, and wants that answer three
// times in a row (ContinuousTargetOccurence: 3, PollInterval 10 s) because one authorized
// answer during propagation does not mean the next request is.
package grantwait

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Clock is the time source and sleeper of a wait; tests pass a fake one, so nothing sleeps.
type Clock interface {
	Now() time.Time
	Sleep(time.Duration)
}

// Wall is the real clock. A wait only delays the deployment: its time never reaches an input.
type Wall struct{}

func (Wall) Now() time.Time        { return time.Now() }
func (Wall) Sleep(d time.Duration) { time.Sleep(d) }

// Manual is a clock that advances only when slept on, recording each pause: a 15-minute wait
// runs in microseconds, and a test can assert the exact pauses.
type Manual struct {
	At     time.Time
	Sleeps []time.Duration
}

func (c *Manual) Now() time.Time { return c.At }
func (c *Manual) Sleep(d time.Duration) {
	c.Sleeps = append(c.Sleeps, d)
	c.At = c.At.Add(d)
}

// Policy bounds a wait.
type Policy struct {
	// Bound is how long after the grant was created a refusal is still taken for
	// propagation. Past it, a refusal is an error.
	Bound time.Duration
	// FirstDelay is the first pause after a refusal, and the pause between confirmations;
	// each further refusal doubles the pause up to MaxDelay.
	FirstDelay, MaxDelay time.Duration
	// Confirmations is how many authorized answers in a row end the wait while the grant is
	// younger than Bound. An older grant has propagated: one authorized answer ends it.
	Confirmations int
}

// Default is App Configuration's documented 15 minutes and azurerm's polling (10 s, three
// authorized answers in a row), with a pause doubling up to a minute so a slow propagation
// costs a few dozen reads, not ninety.
var Default = Policy{Bound: 15 * time.Minute, FirstDelay: 10 * time.Second, MaxDelay: time.Minute, Confirmations: 3}

// Answer is how a read was answered.
type Answer int

const (
	// Authorized: the read succeeded, or the item does not exist (404), which the service
	// says only to a caller allowed to read it.
	Authorized Answer = iota
	// Refused: 403, or 401, which the RBAC troubleshooting page lists for role assignment
	// changes not yet detected ("You might see the message Status: 401 (Unauthorized)").
	Refused
	// Failed: anything else; waiting would not change it.
	Failed
)

// status finds the HTTP status in an azure-native provider error. Both of its ARM clients
// write it as "Status=NNN": the azcore one `Status=403 Code="Forbidden" Message="…"`
// (provider/pkg/azure/client_azcore.go, PulumiAzcoreResponseError), the autorest one
// `autorest/azure: Service returned an error. Status=403 Code="…" Message="…"`
// (go-autorest azure.RequestError); Invoke prefixes "request failed <resource id>: ".
var status = regexp.MustCompile(`\bStatus=(\d{3})\b`)

// Classify reads the answer from a read's error (nil: authorized).
func Classify(err error) Answer {
	if err == nil {
		return Authorized
	}
	m := status.FindStringSubmatch(err.Error())
	if m == nil {
		return Failed
	}
	switch code, _ := strconv.Atoi(m[1]); code {
	case 404:
		return Authorized
	case 401, 403:
		return Refused
	}
	return Failed
}

// Wait repeats read until it is authorized (Confirmations times in a row while the grant,
// created at createdOn, is younger than Bound; once otherwise), fails, or is still refused
// Bound after createdOn. A zero createdOn (unknown) counts as created now. The error wraps
// the last read's error.
func (p Policy) Wait(clock Clock, createdOn time.Time, read func() error) error {
	start := clock.Now()
	if createdOn.IsZero() || createdOn.After(start) {
		createdOn = start // clock skew must not shorten the wait below Bound
	}
	deadline := createdOn.Add(p.Bound)
	need := p.Confirmations
	if !start.Before(deadline) || need < 1 {
		need = 1
	}
	delay, inRow := p.FirstDelay, 0
	for {
		err := read()
		switch Classify(err) {
		case Failed:
			return err
		case Authorized:
			if inRow++; inRow >= need {
				return nil
			}
			clock.Sleep(p.FirstDelay)
			continue
		}
		inRow = 0
		now := clock.Now()
		if !now.Before(deadline) {
			return &RefusedError{Waited: now.Sub(start), Bound: p.Bound, CreatedOn: createdOn, Last: err}
		}
		clock.Sleep(min(delay, deadline.Sub(now)))
		delay = min(2*delay, p.MaxDelay)
	}
}

// RefusedError is a grant still refused Bound after it was created.
type RefusedError struct {
	Waited, Bound time.Duration
	CreatedOn     time.Time
	Last          error
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("still refused %s after the grant was created (at %s; waited %s here): %v",
		e.Bound, e.CreatedOn.UTC().Format(time.RFC3339), e.Waited.Round(time.Second), e.Last)
}

func (e *RefusedError) Unwrap() error { return e.Last }
