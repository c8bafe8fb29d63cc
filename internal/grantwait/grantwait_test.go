package grantwait

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)

// The provider's error texts (see status): azcore and autorest clients, as Invoke wraps them
// and the Go SDK reports an RPC error.
const kvID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.AppConfiguration/configurationStores/store/keyValues/k$prod"

var (
	forbidden         = errors.New(`rpc error: code = Unknown desc = request failed ` + kvID + `: Status=403 Code="Forbidden" Message="Access denied"`)
	forbiddenAutorest = errors.New(`request failed ` + kvID + `: autorest/azure: Service returned an error. Status=403 Code="AuthorizationFailed" Message="denied"`)
	unauthorized      = errors.New(`request failed ` + kvID + `: Status=401 Code="Unauthorized" Message="x"`)
	notFound          = errors.New(`request failed ` + kvID + `: Status=404 Code="KeyValueNotFound" Message="x"`)
	serverError       = errors.New(`request failed ` + kvID + `: Status=500 Code="InternalServerError" Message="x"`)
	transport         = errors.New(`dial tcp: lookup management.azure.com: no such host`)
)

func TestClassifyReadsTheProvidersStatus(t *testing.T) {
	for err, want := range map[error]Answer{
		nil: Authorized, notFound: Authorized,
		forbidden: Refused, forbiddenAutorest: Refused, unauthorized: Refused,
		serverError: Failed, transport: Failed,
		errors.New("Status=4031 is not a status"): Failed,
	} {
		if got := Classify(err); got != want {
			t.Errorf("Classify(%v) = %d, want %d", err, got, want)
		}
	}
}

// answers replays a script of read results, then fails the test if read again.
func answers(t *testing.T, script ...error) (func() error, *int) {
	n := 0
	return func() error {
		if n >= len(script) {
			t.Fatalf("read %d times, script has %d answers", n+1, len(script))
		}
		n++
		return script[n-1]
	}, &n
}

func TestRetriesOnForbiddenThenProceedsOnNotFound(t *testing.T) {
	clock := &Manual{At: t0.Add(2 * time.Second)} // the grant was just created
	read, n := answers(t, forbidden, forbidden, unauthorized, notFound, notFound, nil)
	if err := Default.Wait(clock, t0, read); err != nil {
		t.Fatalf("Wait: %v", err)
	}
	if *n != 6 {
		t.Errorf("read %d times, want 6 (3 refusals, then 3 authorized in a row)", *n)
	}
	// Backoff doubles after each refusal; confirmations are FirstDelay apart.
	want := []time.Duration{10 * time.Second, 20 * time.Second, 40 * time.Second, 10 * time.Second, 10 * time.Second}
	if !reflect.DeepEqual(clock.Sleeps, want) {
		t.Errorf("slept %v, want %v", clock.Sleeps, want)
	}
}

func TestARefusalDuringConfirmationStartsOver(t *testing.T) {
	clock := &Manual{At: t0}
	read, n := answers(t, nil, nil, forbidden, nil, nil, nil)
	if err := Default.Wait(clock, t0, read); err != nil {
		t.Fatalf("Wait: %v", err)
	}
	if *n != 6 {
		t.Errorf("read %d times, want 6", *n)
	}
}

func TestGivesUpWithAClearErrorAfterTheBound(t *testing.T) {
	clock := &Manual{At: t0.Add(time.Second)}
	reads := 0
	err := Default.Wait(clock, t0, func() error { reads++; return forbidden })
	var refused *RefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("Wait = %v, want a RefusedError", err)
	}
	if !clock.At.Equal(t0.Add(Default.Bound)) {
		t.Errorf("gave up at %s, want exactly the bound after creation, %s", clock.At, t0.Add(Default.Bound))
	}
	for _, d := range clock.Sleeps {
		if d > Default.MaxDelay {
			t.Errorf("slept %s, more than MaxDelay", d)
		}
	}
	if reads > 25 {
		t.Errorf("read %d times in 15 minutes; the backoff should keep it to about 20", reads)
	}
	msg := err.Error()
	for _, want := range []string{"still refused 15m0s", "2026-11-29T12:00:00Z", "Status=403"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not mention %q", msg, want)
		}
	}
	if !errors.Is(err, forbidden) {
		t.Error("the last read's error is not wrapped")
	}
}

func TestAGrantOlderThanTheBoundIsNotWaitedFor(t *testing.T) {
	old := t0.Add(-time.Hour)
	clock := &Manual{At: t0}
	read, n := answers(t, notFound)
	if err := Default.Wait(clock, old, read); err != nil || *n != 1 || len(clock.Sleeps) != 0 {
		t.Errorf("authorized old grant: err=%v reads=%d sleeps=%v, want one read and no sleep", err, *n, clock.Sleeps)
	}
	// Refused although long propagated: not propagation, so no wait (network, wrong principal).
	clock = &Manual{At: t0}
	read, n = answers(t, forbidden)
	err := Default.Wait(clock, old, read)
	if err == nil || *n != 1 || len(clock.Sleeps) != 0 {
		t.Errorf("refused old grant: err=%v reads=%d sleeps=%v, want an error after one read", err, *n, clock.Sleeps)
	}
}

func TestOtherErrorsFailAtOnce(t *testing.T) {
	for _, e := range []error{serverError, transport} {
		clock := &Manual{At: t0}
		read, _ := answers(t, e)
		if err := Default.Wait(clock, t0, read); !errors.Is(err, e) || len(clock.Sleeps) != 0 {
			t.Errorf("Wait with %v = %v after sleeping %v, want that error at once", e, err, clock.Sleeps)
		}
	}
}

func TestAnUnknownOrFutureCreationTimeWaitsTheWholeBound(t *testing.T) {
	for _, created := range []time.Time{{}, t0.Add(time.Hour)} {
		clock := &Manual{At: t0}
		err := Default.Wait(clock, created, func() error { return forbidden })
		if err == nil || !clock.At.Equal(t0.Add(Default.Bound)) {
			t.Errorf("createdOn %v: gave up at %s with %v, want at %s", created, clock.At, err, t0.Add(Default.Bound))
		}
	}
}
