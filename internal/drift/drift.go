// Package drift names what changed in the clouds since the last deployment. The check is
// `pulumi preview --refresh --expect-no-changes`: the engine reads every resource back from its
// cloud, then plans the program against what it read, and any step the plan would take means
// someone changed a resource outside Pulumi. The CLI already fails such a preview; this package
// reads the same preview's engine events (the event log the Automation API also reads) and says
// which resources drifted and which properties.
package drift

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
)

// Change is one resource the refreshed plan would change.
type Change struct {
	Op   apitype.OpType // update, replace, create, delete, ...
	URN  string
	Type string
	// Properties are the top-level inputs that differ (the provider's diff), sorted.
	Properties []string
}

// Name is the resource's logical name (the last URN segment).
func (c Change) Name() string { return c.URN[strings.LastIndex(c.URN, "::")+2:] }

// unchanged are the ops engine.HasChanges does not count (pulumi pkg/engine/update.go,
// v3.276.0: same, read, discard (OpReadDiscard), read-replacement), plus the refresh steps
// themselves: a refresh that finds a difference shows up as the plan step that would undo it.
var unchanged = map[apitype.OpType]bool{
	apitype.OpSame: true, apitype.OpRead: true, apitype.OpReadDiscard: true,
	apitype.OpReadReplacement: true, apitype.OpRefresh: true,
}

// FromEvents returns the changes the preview's events announce, sorted by URN.
func FromEvents(events []apitype.EngineEvent) []Change {
	byURN := map[string]Change{}
	for _, ev := range events {
		pre := ev.ResourcePreEvent
		if pre == nil || unchanged[pre.Metadata.Op] {
			continue
		}
		m := pre.Metadata
		props := append([]string(nil), m.Diffs...)
		props = append(props, m.Keys...)
		sort.Strings(props)
		byURN[m.URN] = Change{Op: m.Op, URN: m.URN, Type: m.Type, Properties: compact(props)}
	}
	out := make([]Change, 0, len(byURN))
	for _, c := range byURN {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URN < out[j].URN })
	return out
}

func compact(s []string) []string {
	var out []string
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// ReadEventLog reads the JSON lines `pulumi preview --event-log FILE` writes.
func ReadEventLog(r io.Reader) ([]apitype.EngineEvent, error) {
	var events []apitype.EngineEvent
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var ev apitype.EngineEvent
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			return nil, fmt.Errorf("event log line %d: %w", line, err)
		}
		events = append(events, ev)
	}
	return events, sc.Err()
}

// Markdown is the job summary of one stack's check.
func Markdown(stack string, changes []Change) string {
	if len(changes) == 0 {
		return fmt.Sprintf("### No drift on `%s`\n\nEvery resource read back from its cloud matches the program.\n", stack)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "### Drift on `%s`: %d resource(s) changed outside Pulumi\n\n", stack, len(changes))
	b.WriteString("The next `pulumi up` would make these steps to restore what the program declares.\n\n")
	b.WriteString("| resource | type | step | properties |\n|---|---|---|---|\n")
	for _, c := range changes {
		fmt.Fprintf(&b, "| `%s` | `%s` | %s | %s |\n", c.Name(), c.Type, c.Op, quoted(c.Properties))
	}
	return b.String()
}

func quoted(props []string) string {
	if len(props) == 0 {
		return "—"
	}
	return "`" + strings.Join(props, "`, `") + "`"
}
